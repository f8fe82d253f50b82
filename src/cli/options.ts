import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option } from 'commander';

/** Parsers for numeric options: a bad value is a usage error (exit 2), said plainly. */
export function integerOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(
        `expected ${name} as a whole number from ${min} to ${max}, found "${raw}"`,
      );
    }
    return value;
  };
}

/** --threads of the commands that run on the worker pool (experiment, sensitivity). */
export function threadsOption(): Option {
  return new Option('--threads <n>', 'worker threads')
    .argParser(integerOption('--threads', 1, 1024))
    .default(availableParallelism(), 'one per core');
}

/** The hidden --stop-after of the pool's commands: stop as if interrupted, for the interruption tests. */
export function stopAfterOption(unit: string): Option {
  return new Option(
    '--stop-after <n>',
    `stop as if interrupted once n runs are done, at a whole ${unit} (for tests)`,
  )
    .argParser(integerOption('--stop-after', 0))
    .hideHelp();
}
