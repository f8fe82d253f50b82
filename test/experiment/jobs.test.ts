import { describe, expect, it } from 'vitest';
import { jobAt, jobCount, shardRange } from '../../src/experiment/jobs.js';
import { jobSeed } from '../../src/experiment/seeds.js';

const space = { variants: 3, points: 2, replications: 7, seed: 11 };

describe('job expansion', () => {
  it('numbers variant × point × replication, replication-major, each job once', () => {
    expect(jobCount(space)).toBe(42);
    const seen = new Set<string>();
    for (let j = 0; j < 42; j++) {
      const job = jobAt(space, j);
      seen.add(`${job.variant}/${job.point}/${job.replication}`);
      expect(job.index).toBe(j);
    }
    expect(seen.size).toBe(42);
    expect(jobAt(space, 0)).toMatchObject({ variant: 0, point: 0, replication: 0 });
    expect(jobAt(space, 1)).toMatchObject({ variant: 1, point: 0, replication: 0 });
    expect(jobAt(space, 3)).toMatchObject({ variant: 0, point: 1, replication: 0 });
    expect(jobAt(space, 6)).toMatchObject({ variant: 0, point: 0, replication: 1 });
  });

  it('gives every variant and point of a replication the same seed, and replications different ones', () => {
    const seedsOf = (r: number) => new Set(Array.from({ length: 6 }, (_, k) => jobAt(space, r * 6 + k).seed));
    for (let r = 0; r < 7; r++) expect(seedsOf(r).size).toBe(1);
    const perReplication = Array.from({ length: 7 }, (_, r) => jobAt(space, r * 6).seed);
    expect(new Set(perReplication).size).toBe(7);
    expect(jobAt(space, 6).seed).toBe(jobSeed(11, 1));
    expect(jobSeed(11, 1)).not.toBe(jobSeed(12, 1));
    expect(Number.isInteger(jobSeed(11, 1)) && jobSeed(11, 1) >= 0).toBe(true);
  });

  it('splits into shards of whole replications that cover every job once', () => {
    for (const count of [1, 2, 3, 7, 10]) {
      const ranges = Array.from({ length: count }, (_, i) => shardRange(space, { index: i + 1, count }));
      expect(ranges[0].start).toBe(0);
      expect(ranges[count - 1].end).toBe(42);
      ranges.forEach((range, i) => {
        if (i > 0) expect(range.start).toBe(ranges[i - 1].end);
        expect(range.start % 6).toBe(0);
      });
    }
  });
});
