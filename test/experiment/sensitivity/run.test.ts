import { describe, expect, it } from 'vitest';
import { jobSeed } from '../../../src/experiment/seeds.js';
import { createSampleRunner, scenarioAt } from '../../../src/experiment/sensitivity/block.js';
import { loadSensitivity } from '../../../src/experiment/sensitivity/load.js';
import { planSensitivity, sampleSetupOf } from '../../../src/experiment/sensitivity/run.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { repoFile } from '../../helpers.js';

// 2 trajectories × 4 points × 2 replications × 2 variants = 32 runs of 5 years.
const study = loadSensitivity(repoFile('experiments/sensitivity-quick.yaml'), { size: 2, replications: 2 });

describe('running a sensitivity study', () => {
  it('plans whole sample points per shard, and every run of a point under every variant', () => {
    expect(planSensitivity(study)).toMatchObject({ first: 0, end: 16, perUnit: 2, total: 32, shard: null });
    const shards = [1, 2, 3].map((index) => planSensitivity(study, { index, count: 3 }));
    expect(shards.map((s) => [s.first, s.end])).toEqual([
      [0, 4],
      [4, 10],
      [10, 16],
    ]);
    for (const s of shards) expect(s.first % study.replications).toBe(0);
  });

  it('a point is the scenario with the factors set: as loading it with those overrides gives', () => {
    const setup = sampleSetupOf(study);
    const overrides = Object.fromEntries(study.factors.map((f, d) => [f.path, study.values[3][d]]));
    const loaded = loadScenario(repoFile('scenarios/asia-2025.yaml'), { overrides }).scenario;
    expect(scenarioAt(setup, 0, 3)).toEqual(loaded);
    // Replication r of every point runs with the same seed: common random numbers.
    const block = createSampleRunner(setup)({
      world: 1,
      first: 6,
      seeds: [jobSeed(study.seed, 0), jobSeed(study.seed, 1)],
    });
    const rows = block.runs.map((run) => ('rows' in run ? run.rows.split('\n')[0] : run.failure));
    expect(rows[0]).toMatch(new RegExp(`^unanimity,s3,0,${jobSeed(study.seed, 0)},`));
    expect(rows[1]).toMatch(new RegExp(`^unanimity,s3,1,${jobSeed(study.seed, 1)},`));
  });
});
