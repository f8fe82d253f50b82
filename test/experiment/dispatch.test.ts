import { describe, expect, it } from 'vitest';
import { blockSetupOf, createBlockRunner } from '../../src/experiment/block.js';
import { dispatch } from '../../src/experiment/dispatch.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { planExperiment } from '../../src/experiment/plan.js';
import type { Superblock } from '../../src/experiment/scheduler.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { fixture } from '../helpers.js';

// 2 variants × 2 points = 4 worlds, 6 replications. Real worker threads (pool.ts, worker.ts).
const experiment = loadExperiment(fixture('experiment.yaml'));
const plan = planExperiment(experiment);
const setup = blockSetupOf(experiment);

function rowsOf(superblocks: Superblock[]): string[] {
  return superblocks
    .flatMap((s) => s.pieces.flatMap((pieces) => pieces.flatMap((b) => b.runs)))
    .map((run) => ('rows' in run ? run.rows : run.failure));
}

describe('dispatch: blocks on worker threads, taken back in order', () => {
  it('takes in whole replications [first, end) in order, each world once per replication, as run in-process', async () => {
    const taken: Superblock[] = [];
    const { failure } = await dispatch(experiment, plan, {
      threads: 2,
      first: 1,
      end: 6,
      takeIn: (superblock) => taken.push(superblock),
      shouldStop: () => false,
    });
    expect(failure).toBeNull();
    // Superblocks follow one another without gap or overlap.
    expect(taken[0].first).toBe(1);
    for (let k = 1; k < taken.length; k++)
      expect(taken[k].first).toBe(taken[k - 1].first + taken[k - 1].count);
    expect(taken.reduce((sum, s) => sum + s.count, 0)).toBe(5);
    for (const superblock of taken) expect(superblock.pieces).toHaveLength(4);

    // The same rows, in the same order, from the block runner on this thread, replication by replication.
    const runBlock = createBlockRunner(setup);
    const expected = taken.flatMap((superblock) =>
      superblock.pieces.flatMap((_, world) =>
        runBlock({
          world,
          first: superblock.first,
          seeds: Array.from({ length: superblock.count }, (_, k) =>
            jobSeed(plan.space.seed, superblock.first + k),
          ),
        }).runs.map((run) => ('rows' in run ? run.rows : run.failure)),
      ),
    );
    expect(rowsOf(taken)).toEqual(expected);
  });

  it('stops at a superblock when asked, and reports what stopped taking in', async () => {
    const taken: Superblock[] = [];
    const stopped = await dispatch(experiment, plan, {
      threads: 1,
      first: 0,
      end: 6,
      takeIn: (superblock) => taken.push(superblock),
      shouldStop: () => taken.length > 0,
    });
    expect(stopped.failure).toBeNull();
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.reduce((sum, s) => sum + s.count, 0)).toBeLessThan(6);

    const full = new Error('disk full');
    const failed = await dispatch(experiment, plan, {
      threads: 1,
      first: 0,
      end: 6,
      takeIn: () => {
        throw full;
      },
      shouldStop: () => false,
    });
    expect(failed.failure).toBe(full);
  });
});
