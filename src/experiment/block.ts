import { compileWorld, type World } from '../engine/world.js';
import { addSeries, createAggregate } from '../metrics/aggregate.js';
import { addOutcomes, addRunAdditions, emptyAdditions, TRUST_BINS } from '../metrics/outcomes.js';
import { packWorld } from '../metrics/packed-world.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { simulateRecorded } from '../metrics/simulate-recorded.js';
import { type RunSummary, summarizeRun, WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import type { Check } from '../model/check.js';
import type { Scenario } from '../scenario/schema.js';
import { compileCheck, type RunCheck } from './checks.js';
import type { ResolvedExperiment } from './load.js';
import { type RunShape, runShape } from './run-shape.js';
import { runsRows } from './tables.js';

/**
 * A block: consecutive replications of one world, run by one worker thread. The thread gathers
 * the block's time series, per-state outcomes and check passes into statistics of one world
 * (metrics/aggregate.ts), which the main thread merges exactly into the experiment's — counts and
 * exact sums, so the result does not depend on how runs were grouped into blocks or threads. What
 * must follow job order comes back run by run: the rows of runs.csv, the whole-run summaries that
 * variants are paired on, and failures.
 *
 * Gathering in the threads is what lets experiments scale: taking in runs one by one on the main
 * thread cost about 0.7 ms a run, more than a thread's run of the built-in world.
 */
export interface BlockSetup {
  scenarios: Scenario[];
  years: number;
  variants: string[];
  pointIds: string[];
  /** The swept parameters' values at each point (runs.csv's last columns); absent: none. */
  pointValues?: Record<string, unknown>[];
  checks: Check[];
  /** Up to this size a block counts its outcomes in dense arrays (default 16 MiB: 200 states). */
  denseOutcomeBytes?: number;
}

/** What every thread needs of an experiment: its worlds' scenarios, names and checks. */
export function blockSetupOf(experiment: ResolvedExperiment): BlockSetup {
  return {
    scenarios: experiment.scenarios,
    years: experiment.years,
    variants: experiment.variants,
    pointIds: experiment.points.map((point) => point.id),
    pointValues: experiment.points.map((point) => point.values),
    checks: experiment.checks,
  };
}

export interface BlockTask {
  world: number;
  /** The first replication of the block, and each replication's seed in order. */
  first: number;
  seeds: number[];
}

export type BlockRun = { rows: string; summary: RunSummary } | { failure: string };

export interface BlockResult {
  world: number;
  first: number;
  /** The one-world statistics of the block's runs that did not fail (metrics/packed-world.ts). */
  statistics: Float64Array | null;
  runs: BlockRun[];
  /** Milliseconds the block took in its thread, to size the next blocks. */
  elapsedMs: number;
}

const DENSE_OUTCOME_BYTES = 16 * 1024 ** 2;

interface CompiledWorld {
  world: World;
  shape: RunShape;
  checks: RunCheck[];
}

/**
 * The function a thread runs on each block. `beforeRun` lets tests inject faults; a run that
 * throws becomes a failure, and the block goes on.
 */
export function createBlockRunner(
  setup: BlockSetup,
  beforeRun: (world: number, seed: number) => void = () => {},
): (task: BlockTask) => BlockResult {
  const compiled = new Map<number, CompiledWorld>();
  const worldOf = (w: number): CompiledWorld => {
    let found = compiled.get(w);
    if (!found) {
      const scenario = setup.scenarios[w];
      found = {
        world: compileWorld(scenario, { years: setup.years }),
        shape: runShape(scenario, setup.years),
        checks: setup.checks.map((check) => compileCheck(check, scenario)),
      };
      compiled.set(w, found);
    }
    return found;
  };
  return (task) => {
    const started = performance.now();
    const { world, shape, checks } = worldOf(task.world);
    const variant = setup.variants[Math.floor(task.world / setup.pointIds.length)];
    const point = setup.pointIds[task.world % setup.pointIds.length];
    const swept = setup.pointValues?.[task.world % setup.pointIds.length] ?? {};
    // Outcomes are counted in dense arrays where they are small (their non-zero entries travel);
    // for large worlds each run's additions travel instead, since a block's n² × 100 trust bins
    // would take hundreds of megabytes.
    const dense =
      shape.stateIds.length ** 2 * TRUST_BINS * 4 <= (setup.denseOutcomeBytes ?? DENSE_OUTCOME_BYTES);
    const statistics = createAggregate(
      METRIC_NAMES,
      1,
      1,
      [dense ? shape : { orgIds: shape.orgIds, steps: shape.steps }],
      WHOLE_RUN_NAMES,
      checks.length,
    );
    const additions = dense ? null : emptyAdditions();
    const runs = task.seeds.map((seed, k): BlockRun => {
      try {
        beforeRun(task.world, seed);
        const result = simulateRecorded(world, seed);
        const summary = summarizeRun(result);
        addSeries(statistics, 0, result.values);
        if (additions) addRunAdditions(additions, result, shape.steps);
        else addOutcomes(statistics.outcomes[0], result);
        checks.forEach((reproduces, c) => {
          if (reproduces(result)) statistics.checkPasses[0][c]++;
        });
        return {
          rows: runsRows(variant, point, task.first + k, seed, summary, WHOLE_RUN_NAMES, swept),
          summary,
        };
      } catch (error) {
        return { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
    });
    return {
      world: task.world,
      first: task.first,
      statistics: additions ? packWorld(statistics, 0, additions) : packWorld(statistics, 0),
      runs,
      elapsedMs: performance.now() - started,
    };
  };
}
