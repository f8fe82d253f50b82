import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/world.js';
import { runShape } from '../../src/experiment/run-shape.js';
import { addSeries, aggregateToJson, createAggregate, mergeWorld } from '../../src/metrics/aggregate.js';
import { addOutcomes, addRunAdditions, emptyAdditions } from '../../src/metrics/outcomes.js';
import { mergePackedWorld, packWorld } from '../../src/metrics/packed-world.js';
import { METRIC_NAMES } from '../../src/metrics/recorders.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { WHOLE_RUN_NAMES } from '../../src/metrics/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

/**
 * What a worker thread sends back for a block (packWorld) must merge into exactly what merging
 * its statistics object would give (mergeWorld, the method the shard merge uses): checked on
 * blocks small enough that quantile summaries stay exact and large enough that they bucket,
 * with outcomes as the worker sends them (additions run by run) and as dense histograms.
 */
describe('packed world statistics', () => {
  const scenario = loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario;
  const world = compileWorld(scenario, { years: 3 });
  const shape = runShape(scenario, 3);
  const runs = Array.from({ length: 140 }, (_, seed) => simulateRecorded(world, seed));
  const gather = (from: number, to: number) => {
    const statistics = createAggregate(METRIC_NAMES, 1, 1, [shape], WHOLE_RUN_NAMES, 2);
    for (const run of runs.slice(from, to)) {
      addSeries(statistics, 0, run.values);
      addOutcomes(statistics.outcomes[0], run);
    }
    statistics.checkPasses[0] = [to - from, 1];
    return statistics;
  };

  it.each([
    [0, 1],
    [1, 5],
    [5, 70],
    [70, 140],
  ])('runs %i to %i merge as mergeWorld would', (from, to) => {
    // Merge into something that already holds runs, as the main thread does.
    const viaObjects = gather(0, 3);
    const viaPacked = gather(0, 3);
    const block = gather(from, to);
    mergeWorld(viaObjects, 0, block, 0);
    mergePackedWorld(viaPacked, 0, packWorld(block, 0));
    expect(JSON.stringify(aggregateToJson(viaPacked))).toBe(JSON.stringify(aggregateToJson(viaObjects)));
  });

  it('a trust histogram with every bin filled merges the same', () => {
    const viaObjects = gather(0, 3);
    const viaPacked = gather(0, 3);
    const block = gather(3, 6);
    block.outcomes[0].trustBins.fill(2);
    const packed = packWorld(block, 0);
    mergeWorld(viaObjects, 0, block, 0);
    mergePackedWorld(viaPacked, 0, packed);
    expect(JSON.stringify(aggregateToJson(viaPacked))).toBe(JSON.stringify(aggregateToJson(viaObjects)));
  });

  it("a worker's additions, run by run, add up to what addOutcomes gathers", () => {
    const viaObjects = gather(0, 3);
    const viaAdditions = gather(0, 3);
    const block = gather(3, 40);
    const additions = emptyAdditions();
    for (const run of runs.slice(3, 40)) addRunAdditions(additions, run, shape.steps);
    mergeWorld(viaObjects, 0, block, 0);
    mergePackedWorld(viaAdditions, 0, packWorld(block, 0, additions));
    expect(JSON.stringify(aggregateToJson(viaAdditions))).toBe(JSON.stringify(aggregateToJson(viaObjects)));
  });
});
