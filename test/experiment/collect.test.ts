import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockRun } from '../../src/experiment/block.js';
import { openCheckpoint } from '../../src/experiment/checkpoint.js';
import { createCollector } from '../../src/experiment/collect.js';
import { worldIndex } from '../../src/experiment/jobs.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { planExperiment } from '../../src/experiment/plan.js';
import type { Superblock } from '../../src/experiment/scheduler.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { pairSummary } from '../../src/metrics/aggregate.js';

// The fixture: variants unanimous (0) and consensual (1) × points p0, p1; seed 5.
const experiment = loadExperiment(join(import.meta.dirname, '../fixtures/experiment.yaml'));
const plan = planExperiment(experiment);
const dir = mkdtempSync(join(tmpdir(), 'cica-collect-'));

/** A run of variant v at point p in replication r: its row names it; members = 10v + r. */
const run = (v: number, p: number, r: number): BlockRun => ({
  rows: `v${v}p${p}r${r}\n`,
  summary: { ORG: { members: 10 * v + r } },
});

describe('the collect stage', () => {
  it('writes rows in job order, pairs each variant with the reference, lists failures with their seeds', () => {
    const store = openCheckpoint(experiment, plan, {
      out: join(dir, 'one'),
      threads: 1,
      resume: false,
      force: false,
    });
    if ('complete' in store) throw new Error('unexpected');
    const collector = createCollector(experiment, plan, store.progress, store.runsPath);
    const header = readFileSync(store.runsPath, 'utf8');
    // Replications 0 and 1 of every world; the consensual run at p1 in replication 1 failed.
    const superblock: Superblock = {
      first: 0,
      count: 2,
      pieces: [0, 1].flatMap((v) =>
        [0, 1].map((p) => [
          {
            world: worldIndex(plan.space, v, p),
            first: 0,
            statistics: null,
            runs: [0, 1].map((r) => (v === 1 && p === 1 && r === 1 ? { failure: 'boom' } : run(v, p, r))),
            elapsedMs: 0,
          },
        ]),
      ),
    };
    collector.takeIn(superblock);
    collector.close();
    // Job order: replication, then point, then variant.
    expect(readFileSync(store.runsPath, 'utf8').slice(header.length)).toBe(
      'v0p0r0\nv1p0r0\nv0p1r0\nv1p1r0\nv0p0r1\nv1p0r1\nv0p1r1\n',
    );
    expect(store.progress.done).toBe(8);
    expect(store.progress.runsBytes).toBe(readFileSync(store.runsPath).length);
    expect(store.progress.failures).toEqual([
      { variant: 'consensual', point: 'p1', replication: 1, seed: jobSeed(5, 1), message: 'boom' },
    ]);
    // At p0 both replications pair: differences 10 and 10; at p1 only replication 0 does.
    expect(pairSummary(store.progress.aggregate, 1, 0, 'ORG', 'members')).toMatchObject({ mean: 10, n: 2 });
    expect(pairSummary(store.progress.aggregate, 1, 1, 'ORG', 'members')).toMatchObject({ mean: 10, n: 1 });
  });
});
