import { formatProblem } from '../input/errors.js';
import { type DirectoryLock, describeHolder, lockDirectory } from '../tables/lock.js';
import { EXIT_BAD_INPUT } from './exit-codes.js';

/**
 * Takes the lock of an output directory for the whole of a command (tables/lock.ts), says so when
 * it took over a dead holder's lock, and stops the process at once (exit 2) if another process
 * takes the lock over meanwhile: writing on would mix two writers' files.
 */
export function holdDirectory(dir: string, command: string): DirectoryLock {
  const lock = lockDirectory(dir, {
    command,
    onLost: (error) => {
      process.stderr.write(`${error.problems.map(formatProblem).join('\n')}\n`);
      process.exit(EXIT_BAD_INPUT);
    },
  });
  if (lock.tookOverFrom)
    process.stderr.write(
      `cica-sim: took over the lock of ${dir} from ${describeHolder(lock.tookOverFrom)}, which is gone\n`,
    );
  return lock;
}

/** The command line as typed, for the lock's holder file: "cica-sim experiment x.yaml --resume". */
export function commandLine(): string {
  return ['cica-sim', ...process.argv.slice(2)].join(' ');
}
