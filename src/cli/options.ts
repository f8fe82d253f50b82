import { InvalidArgumentError } from 'commander';

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
