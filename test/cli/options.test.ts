import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { integerOption } from '../../src/cli/options.js';

describe('integerOption: whole numbers in a range, or a usage error that says what was expected', () => {
  const replications = integerOption('--replications', 1, 1000);

  it('accepts whole numbers at and inside the bounds, with surrounding spaces', () => {
    expect(replications('1')).toBe(1);
    expect(replications('1000')).toBe(1000);
    expect(replications(' 42 ')).toBe(42);
  });

  it.each(['0', '1001', '2.5', '1e3', 'ten', '', '-3', '0x10'])('refuses "%s"', (raw) => {
    expect(() => replications(raw)).toThrow(InvalidArgumentError);
    expect(() => replications(raw)).toThrow(
      `expected --replications as a whole number from 1 to 1000, found "${raw}"`,
    );
  });

  it('refuses integers beyond 2^53 even without an upper bound', () => {
    const seed = integerOption('--seed', 0);
    expect(seed(String(2 ** 53 - 1))).toBe(2 ** 53 - 1);
    expect(() => seed('9007199254740993')).toThrow(InvalidArgumentError);
  });
});
