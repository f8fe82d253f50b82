import type { RunResult } from '../engine/simulate.js';
import { compileWorld, type World } from '../engine/world.js';
import { addSeries, createAggregate, type ExperimentAggregate } from '../metrics/aggregate.js';
import { addOutcomes, addRunAdditions, emptyAdditions, TRUST_BINS } from '../metrics/outcomes.js';
import { packWorld } from '../metrics/packed-world.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { simulateRecorded } from '../metrics/simulate-recorded.js';
import { type RunSummary, summarizeRun, WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import type { Check } from '../model/check.js';
import type { Scenario } from '../scenario/schema.js';
import { compileCheck, compileCheckValue, type RunCheck } from './checks.js';
import type { ResolvedExperiment } from './load.js';
import { type RunShape, runShape } from './run-shape.js';
import { scenarioWith } from './scenario-with.js';
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
  /** At most this many bytes of time series wait in a block to be added cell by cell (default 8 MiB). */
  seriesBufferBytes?: number;
  /** Parameters drawn per replication (uncertainty.ts): each run compiles its own world. */
  uncertainty?: { paths: string[]; values: unknown[][]; applies: boolean[][] };
  /** Whether each run's row gets its checks' outcomes (fact.<c>) and values (value.<c>). */
  checkColumns?: boolean;
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
    ...(experiment.checkColumns ? { checkColumns: true } : {}),
    ...(experiment.uncertainty
      ? {
          uncertainty: {
            paths: experiment.uncertainty.factors.map((f) => f.path),
            values: experiment.uncertainty.values,
            applies: experiment.uncertainty.applies,
          },
        }
      : {}),
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
  /** The run's value of each metric fact with an observed value (null for the others). */
  checkValues: (((result: RunResult) => number) | null)[];
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
  const compile = (scenario: Scenario): CompiledWorld => ({
    world: compileWorld(scenario, { years: setup.years }),
    shape: runShape(scenario, setup.years),
    checks: setup.checks.map((check) => compileCheck(check, scenario)),
    checkValues: setup.checks.map((check) => compileCheckValue(check, scenario)),
  });
  const worldOf = (w: number): CompiledWorld => {
    let found = compiled.get(w);
    if (!found) {
      found = compile(setup.scenarios[w]);
      compiled.set(w, found);
    }
    return found;
  };
  // With uncertainty each replication has its own parameters, so each run its own world.
  const { uncertainty } = setup;
  const runWorldOf = (w: number, replication: number): CompiledWorld =>
    uncertainty
      ? compile(
          scenarioWith(
            setup.scenarios[w],
            uncertainty.paths,
            uncertainty.values[replication],
            uncertainty.applies[w],
          ),
        )
      : worldOf(w);
  return (task) => {
    const started = performance.now();
    const { shape, checks } = worldOf(task.world);
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
    const series = seriesBuffer(
      statistics,
      task.seeds.length,
      setup.seriesBufferBytes ?? SERIES_BUFFER_BYTES,
    );
    const runs = task.seeds.map((seed, k): BlockRun => {
      const replication = task.first + k;
      try {
        beforeRun(task.world, seed);
        const run = runWorldOf(task.world, replication);
        const result = simulateRecorded(run.world, seed);
        const summary = summarizeRun(result);
        series.add(result.values);
        if (additions) addRunAdditions(additions, result, shape.steps);
        else addOutcomes(statistics.outcomes[0], result);
        const facts: Record<string, number> = {};
        run.checks.forEach((reproduces, c) => {
          const held = reproduces(result);
          if (held) statistics.checkPasses[0][c]++;
          if (setup.checkColumns) facts[`fact.${c}`] = held ? 1 : 0;
        });
        if (setup.checkColumns)
          run.checkValues.forEach((value, c) => {
            if (value) facts[`value.${c}`] = value(result);
          });
        const drawn = uncertainty ? drawnColumns(uncertainty, task.world, replication) : {};
        return {
          rows: runsRows(variant, point, replication, seed, summary, WHOLE_RUN_NAMES, {
            ...swept,
            ...drawn,
            ...facts,
          }),
          summary,
        };
      } catch (error) {
        return { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
    });
    series.flush();
    return {
      world: task.world,
      first: task.first,
      statistics: additions ? packWorld(statistics, 0, additions) : packWorld(statistics, 0),
      runs,
      elapsedMs: performance.now() - started,
    };
  };
}

/** At most this many bytes of time series wait in a block for addSeries (about 260 ten-year runs of the built-in world). */
const SERIES_BUFFER_BYTES = 8 * 1024 ** 2;

/**
 * The block's runs' time series, added to `statistics` several runs at a time: addSeries goes cell
 * by cell over the runs it is given, which keeps each cell's statistics in cache (a run at a time,
 * a world's thousands of cells were a tenth of a block's time).
 */
function seriesBuffer(statistics: ExperimentAggregate, runs: number, bytes: number) {
  const cells = statistics.worlds[0].cells.length;
  const capacity = Math.max(1, Math.min(runs, Math.floor(bytes / (8 * Math.max(cells, 1)))));
  const buffer = new Float64Array(capacity * cells);
  let held = 0;
  const flush = () => {
    if (held > 0) addSeries(statistics, 0, buffer, held);
    held = 0;
  };
  return {
    add(values: Float64Array): void {
      buffer.set(values, held * cells);
      if (++held === capacity) flush();
    },
    flush,
  };
}

/** A replication's drawn values as runs.csv columns, by path; empty where the world sets the path itself. */
function drawnColumns(
  uncertainty: NonNullable<BlockSetup['uncertainty']>,
  world: number,
  replication: number,
): Record<string, unknown> {
  return Object.fromEntries(
    uncertainty.paths.map((path, d) => [
      path,
      uncertainty.applies[world][d] ? uncertainty.values[replication][d] : Number.NaN,
    ]),
  );
}
