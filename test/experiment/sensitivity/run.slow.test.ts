import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards } from '../../../src/experiment/merge.js';
import { loadSensitivity } from '../../../src/experiment/sensitivity/load.js';
import { runSensitivity } from '../../../src/experiment/sensitivity/run.js';
import { repoFile } from '../../helpers.js';

// 2 trajectories × 4 points × 2 replications × 2 variants = 32 runs of 5 years, on real threads.
const study = loadSensitivity(repoFile('experiments/sensitivity-quick.yaml'), { size: 2, replications: 2 });
const TABLES = ['runs.csv', 'samples.csv', 'indices.csv', 'outputs.csv'];
const tablesOf = (dir: string) => TABLES.map((file) => readFileSync(join(dir, file), 'utf8'));
const fresh = () => mkdtempSync(join(tmpdir(), 'cica-sensitivity-run-'));

describe('a sensitivity study, whatever the threads and interruptions', () => {
  it('gives byte-identical tables on 1 or 2 threads, and after an interruption and a resume', async () => {
    const one = fresh();
    const two = fresh();
    const resumed = fresh();
    expect((await runSensitivity(study, { out: one, threads: 1 })).status).toBe('complete');
    await runSensitivity(study, { out: two, threads: 2 });
    const first = await runSensitivity(study, { out: resumed, threads: 2, stopAfter: 10 });
    expect(first.status).toBe('interrupted');
    expect(first.done).toBeLessThan(32);
    const manifest = JSON.parse(readFileSync(join(resumed, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'sensitivity', status: 'interrupted' });
    expect((await runSensitivity(study, { out: resumed, threads: 1, resume: true })).status).toBe('complete');

    const expected = tablesOf(one);
    expect(tablesOf(two)).toEqual(expected);
    expect(tablesOf(resumed)).toEqual(expected);
    // indices.csv: a row per output and factor.
    const indices = expected[2].trim().split('\n');
    expect(indices[0]).toBe('output,factor,mu_star,mu,sigma');
    expect(indices).toHaveLength(1 + 2 * 3);
    // runs.csv: every run once (3 organisations a run).
    expect(expected[0].trim().split('\n')).toHaveLength(1 + 32 * 3);
  });

  it('shards of whole points, merged, give the tables of one run', async () => {
    const whole = fresh();
    await runSensitivity(study, { out: whole, threads: 2 });
    const shards = [1, 2, 3].map(() => fresh());
    for (const [i, dir] of shards.entries()) {
      const outcome = await runSensitivity(study, {
        out: dir,
        threads: 1,
        shard: { index: i + 1, count: 3 },
      });
      expect(outcome.status).toBe('complete');
    }
    const merged = join(fresh(), 'merged');
    const manifest = mergeShards([shards[2], shards[0], shards[1]], merged);
    expect(manifest).toMatchObject({ kind: 'sensitivity', status: 'complete', jobs: { done: 32 } });
    expect(tablesOf(merged)).toEqual(tablesOf(whole));
  });
});
