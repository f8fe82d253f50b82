import { describe, expect, it } from 'vitest';
import { blockSetupOf, createBlockRunner } from '../../src/experiment/block.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runShape } from '../../src/experiment/run-shape.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { aggregateToJson, createAggregate } from '../../src/metrics/aggregate.js';
import { mergePackedWorld } from '../../src/metrics/packed-world.js';
import { METRIC_NAMES } from '../../src/metrics/recorders.js';
import { WHOLE_RUN_NAMES } from '../../src/metrics/summarize.js';
import { repoFile } from '../helpers.js';

/**
 * A block counts outcomes densely in small worlds and sends run-by-run additions in large ones
 * (block.ts). Both must merge into the same statistics; here the same block runs both ways.
 */
describe('a block of runs', () => {
  const experiment = loadExperiment(repoFile('experiments/history.yaml'), { replications: 12 });
  const setup = blockSetupOf(experiment);
  const task = {
    world: 1,
    first: 0,
    seeds: Array.from({ length: 12 }, (_, r) => jobSeed(experiment.seed, r)),
  };
  const merged = (denseOutcomeBytes: number) => {
    const result = createBlockRunner({ ...setup, denseOutcomeBytes })(task);
    const shapes = experiment.scenarios.map((s) => runShape(s, experiment.years));
    const into = createAggregate(METRIC_NAMES, 1, 1, [shapes[1]], WHOLE_RUN_NAMES, experiment.checks.length);
    mergePackedWorld(into, 0, result.statistics as Float64Array);
    return { result, json: JSON.stringify(aggregateToJson(into)) };
  };

  it('merges to the same statistics whether its outcomes travel dense or as additions', () => {
    const dense = merged(Number.POSITIVE_INFINITY);
    const additions = merged(0);
    expect(additions.json).toBe(dense.json);
    expect(additions.result.runs).toEqual(dense.result.runs);
    // Something was counted: trust of every ordered pair in each of the 12 runs, and check passes.
    const outcomes = JSON.parse(dense.json).outcomes[0];
    expect(outcomes.runs).toBe(12);
    expect(dense.result.runs.every((run) => 'rows' in run)).toBe(true);
  });
});
