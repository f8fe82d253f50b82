import { describe, expect, it } from 'vitest';
import { worldAt, worldIndex } from '../../src/experiment/jobs.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { planExperiment, replicationsLeft } from '../../src/experiment/plan.js';
import { fixture } from '../helpers.js';

// The fixture: 2 variants × 2 sweep points × 6 replications, 3 years of 4 steps.
const experiment = loadExperiment(fixture('experiment.yaml'));

describe('the plan of an experiment', () => {
  it('numbers worlds variant-major, in the order of the loaded scenarios', () => {
    const space = { points: 2 };
    expect([0, 1].flatMap((v) => [0, 1].map((p) => worldIndex(space, v, p)))).toEqual([0, 1, 2, 3]);
    expect(worldAt(space, 3)).toEqual({ variant: 1, point: 1 });
    expect(worldAt({ points: 3 }, 4)).toEqual({ variant: 1, point: 1 });
    // The consensual variant (1) at the second point (0.9) is world 3.
    expect(experiment.scenarios[3].parameters.implementation.probability).toBe(0.9);
    expect(experiment.scenarios[3].organisations.ORG.rules.default).toEqual({ kind: 'consensus' });
    expect(experiment.scenarios[1].organisations.ORG.rules.default).not.toEqual({ kind: 'consensus' });
  });

  it('covers every job, or one shard of whole replications, with the shape of each world', () => {
    const whole = planExperiment(experiment);
    expect(whole).toMatchObject({ perReplication: 4, total: 24, range: { start: 0, end: 24 }, shard: null });
    expect(whole.shapes).toHaveLength(4);
    expect(whole.shapes[0]).toMatchObject({ steps: 12, stateIds: ['AAA', 'BBB', 'CCC'] });
    // Shard 2 of 4: replications floor(6/4) = 1 to floor(12/4) = 3, so jobs 4 to 12.
    const shard = planExperiment(experiment, { index: 2, count: 4 });
    expect(shard).toMatchObject({ total: 8, shard: { index: 2, count: 4, start: 4, end: 12 } });
  });

  it('resumes after the runs done, and --stop-after stops at a whole replication', () => {
    const shard = planExperiment(experiment, { index: 2, count: 4 });
    expect(replicationsLeft(shard, 0)).toEqual({ first: 1, end: 3 });
    expect(replicationsLeft(shard, 4)).toEqual({ first: 2, end: 3 });
    const whole = planExperiment(experiment);
    // 5 runs → the next whole replication: 8 runs, replication 2.
    expect(replicationsLeft(whole, 0, 5)).toEqual({ first: 0, end: 2 });
    expect(replicationsLeft(whole, 0, 100)).toEqual({ first: 0, end: 6 });
  });
});
