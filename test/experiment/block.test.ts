import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/world.js';
import { blockSetupOf, createBlockRunner } from '../../src/experiment/block.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runShape } from '../../src/experiment/run-shape.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import {
  addSeries,
  aggregateToJson,
  createAggregate,
  type ExperimentAggregate,
} from '../../src/metrics/aggregate.js';
import { exactValue } from '../../src/metrics/exact-sum.js';
import { mergePackedWorld } from '../../src/metrics/packed-world.js';
import { summaryToJson } from '../../src/metrics/quantile-summary.js';
import { METRIC_NAMES } from '../../src/metrics/recorders.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
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

  it('gathers the time series, several runs at a time, into what adding them one run at a time gives', () => {
    const shape = runShape(experiment.scenarios[1], experiment.years);
    const world = compileWorld(experiment.scenarios[1], { years: experiment.years });
    const direct = createAggregate(METRIC_NAMES, 1, 1, [shape], WHOLE_RUN_NAMES, experiment.checks.length);
    for (const seed of task.seeds) addSeries(direct, 0, simulateRecorded(world, seed).values);
    // Each cell's exact sums (their values: the partials that make them up may differ) and summary.
    const cellsOf = (aggregate: ExperimentAggregate) =>
      aggregate.worlds[0].cells.map((cell) => ({
        sum: exactValue(cell.sum),
        sumSquares: exactValue(cell.sumSquares),
        values: summaryToJson(cell.values),
      }));
    const expected = cellsOf(direct);
    expect(expected).toHaveLength(shape.steps * shape.orgIds.length * METRIC_NAMES.length);
    expect(expected.some((cell) => cell.sum !== 0)).toBe(true);
    // The whole block at once (the default), a run at a time, and five runs at a time (12 = 5 + 5 + 2).
    for (const bytes of [undefined, 1, 5 * 8 * expected.length]) {
      const result = createBlockRunner({ ...setup, seriesBufferBytes: bytes })(task);
      const into = createAggregate(METRIC_NAMES, 1, 1, [shape], WHOLE_RUN_NAMES, experiment.checks.length);
      mergePackedWorld(into, 0, result.statistics as Float64Array);
      expect(cellsOf(into)).toEqual(expected);
    }
  });
});
