import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress, formatDuration } from '../../src/cli/progress.js';

describe('formatDuration', () => {
  it.each([
    [0.2, '1 s'],
    [59, '59 s'],
    [61, '1 min 1 s'],
    [3599, '59 min 59 s'],
    [3600, '1 h 0 min'],
    [7325, '2 h 2 min'],
    [Number.NaN, 'unknown time'],
    [Number.POSITIVE_INFINITY, 'unknown time'],
  ])('%s seconds read "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('createProgress off a terminal: a plain line at most every five seconds', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the count, the share and the rate, and stays quiet between lines', () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const tty = process.stderr.isTTY;
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    try {
      const progress = createProgress(200, 0, false);
      vi.setSystemTime(10_000);
      progress.update(50); // 50 runs in 10 s: 5 runs/s, 150 left → 30 s
      vi.setSystemTime(12_000);
      progress.update(60); // under five seconds since the last line: nothing
      vi.setSystemTime(15_000);
      progress.update(100); // 100 in 15 s: 7 runs/s (6.67), 100 left → 15 s
      progress.stop();
    } finally {
      write.mockRestore();
      Object.defineProperty(process.stderr, 'isTTY', { value: tty, configurable: true });
    }
    expect(lines).toEqual([
      '50 of 200 runs (25.0%), 5 runs/s, 30 s left\n',
      '100 of 200 runs (50.0%), 7 runs/s, 15 s left\n',
    ]);
  });

  it('writes nothing when quiet', () => {
    const write = vi.spyOn(process.stderr, 'write');
    const progress = createProgress(10, 0, true);
    progress.update(5);
    progress.stop();
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});
