import { compileWorld, type World } from '../../engine/world.js';
import { simulateRecorded } from '../../metrics/simulate-recorded.js';
import { summarizeRun, WHOLE_RUN_NAMES } from '../../metrics/summarize.js';
import type { Scenario } from '../../scenario/schema.js';
import type { BlockResult, BlockRun, BlockTask } from '../block.js';
import { scenarioWith } from '../scenario-with.js';
import { runsRows } from '../tables.js';

/**
 * What every thread needs of a sensitivity study: each variant's scenario, the factors' paths
 * and every sample point's values. A study's "replication" index, as the scheduler sees it, is a
 * unit u = point × replications + replication, so shards and superblocks are whole points; a
 * world is a variant.
 */
export interface SampleSetup {
  kind: 'sample';
  scenarios: Scenario[];
  years: number;
  variants: string[];
  paths: string[];
  /** values[point][factor]. */
  values: unknown[][];
  replications: number;
}

/** The id of sample point p in runs.csv and samples.csv. */
export const pointId = (p: number) => `s${p}`;

/** The scenario of a variant at a sample point: the factors' values set, then checked and normalised by the schema. */
export function scenarioAt(setup: SampleSetup, variant: number, point: number): Scenario {
  return scenarioWith(setup.scenarios[variant], setup.paths, setup.values[point]);
}

/**
 * The function a thread runs on each block of a study: consecutive units of one variant. Each
 * point's world is compiled once per block (units of a point are adjacent); only whole-run
 * summaries come back — a study analyses point means, never time series.
 */
export function createSampleRunner(setup: SampleSetup): (task: BlockTask) => BlockResult {
  let cached: { key: string; world: World } | null = null;
  const worldAt = (variant: number, point: number): World => {
    const key = `${variant}:${point}`;
    if (cached?.key !== key)
      cached = { key, world: compileWorld(scenarioAt(setup, variant, point), { years: setup.years }) };
    return cached.world;
  };
  return (task) => {
    const started = performance.now();
    const variant = task.world;
    const runs = task.seeds.map((seed, k): BlockRun => {
      const unit = task.first + k;
      const point = Math.floor(unit / setup.replications);
      const replication = unit - point * setup.replications;
      try {
        const summary = summarizeRun(simulateRecorded(worldAt(variant, point), seed));
        return {
          rows: runsRows(
            setup.variants[variant],
            pointId(point),
            replication,
            seed,
            summary,
            WHOLE_RUN_NAMES,
          ),
          summary,
        };
      } catch (error) {
        return { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
    });
    return {
      world: task.world,
      first: task.first,
      statistics: null,
      runs,
      elapsedMs: performance.now() - started,
    };
  };
}
