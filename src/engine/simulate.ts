import { diagnoseNonFinite } from './finite-guard.js';
import { type Phase, runStep } from './phase.js';
import { DEFAULT_PHASES } from './phases/index.js';
import { createRunRandom } from './random.js';
import type { Recorder } from './recorder.js';
import { createRunState } from './state.js';
import type { TraceSink } from './trace.js';
import { type TrustStore, trustAt } from './trust.js';
import type { World } from './world.js';

/**
 * The outcome of one run as plain data. values[(step − 1) × orgCount × metricCount
 * + o × metricCount + k] is metric k of organisation o after step `step` (1-based).
 */
export interface RunResult {
  seed: number | string;
  steps: number;
  startYear: number;
  stepsPerYear: number;
  orgIds: string[];
  metricNames: readonly string[];
  values: Float64Array;
  /** Optional per-state results: state ids, and vetoes used over the run, vetoesByState[o × states + i]. */
  stateIds?: string[];
  vetoesByState?: Float64Array;
  /** Blocks by each state over the run, blocksByState[o × states + i] (docs/MODEL.md §Deciding). */
  blocksByState?: Float64Array;
  /** Optional institutional milestones: the rungs of each ladder and the step each was reached (NaN: not; 0: before the run). */
  rungNames?: string[][];
  rungReachedStep?: Float64Array;
  /** Optional: the step each state was admitted to each organisation, admittedStep[o × states + i] (NaN: not). */
  admittedStep?: Float64Array;
  /** Optional: trust of each state in each other at the end, finalTrust[i × states + j] (NaN on the diagonal). */
  finalTrust?: Float64Array;
}

export interface SimulateOptions {
  /** The phases of a step, in order; the shipped ones by default. */
  phases?: readonly Phase[];
  /** What to record each step, in column order (metrics/recorders.ts has the shipped ones). */
  recorders: readonly Recorder[];
  /** Receives a trace record for every proposal, shock, application and reform. */
  trace?: TraceSink;
}

/**
 * Runs one simulation of `world` from `seed`:
 *   1. the run's random streams, one per purpose and organisation, all from the seed;
 *   2. the run's mutable state, allocated once, with the World's initial trust and memberships;
 *   3. each step: clear the step's counters, run the phases in order, record every metric of
 *      every organisation.
 * Same world, same seed → the same RunResult, bit for bit.
 */
export function simulate(world: World, seed: number | string, options: SimulateOptions): RunResult {
  const phases = options.phases ?? DEFAULT_PHASES;
  const { recorders } = options;
  const random = createRunRandom(seed, world.orgIds);
  const state = createRunState(world);
  state.trace = options.trace ?? null;
  const metricCount = recorders.length;
  const values = new Float64Array(world.steps * world.orgCount * metricCount);

  for (let step = 1; step <= world.steps; step++) {
    state.step = step;
    runStep(world, state, random, phases);
    const row = (step - 1) * world.orgCount * metricCount;
    for (let o = 0; o < world.orgCount; o++) {
      for (let k = 0; k < metricCount; k++) {
        const value = recorders[k].record(world, state, o);
        if (!Number.isFinite(value) && !(Number.isNaN(value) && recorders[k].emptyWhen?.(world, state, o)))
          throw diagnoseNonFinite(world, seed, phases, {
            step,
            what: `the metric ${recorders[k].name} of ${world.orgIds[o]}`,
            value,
          });
        values[row + o * metricCount + k] = value;
      }
    }
  }

  const finalTrust = checkedTrustMatrix(world, seed, phases, state.trust);
  // Nothing of the state is read after this: its memory serves the thread's next run.
  state.arena.release();
  return {
    seed,
    steps: world.steps,
    startYear: world.startYear,
    stepsPerYear: world.stepsPerYear,
    orgIds: world.orgIds,
    metricNames: recorders.map((r) => r.name),
    values,
    stateIds: world.stateIds,
    vetoesByState: state.vetoesByState,
    blocksByState: state.blocksByState,
    rungNames: world.rungNames,
    rungReachedStep: state.rungReachedStep,
    admittedStep: state.admittedStep,
    finalTrust,
  };
}

/** The final trust matrix, which must be finite off the diagonal. */
function checkedTrustMatrix(
  world: World,
  seed: number | string,
  phases: readonly Phase[],
  store: TrustStore,
): Float64Array {
  const matrix = trustMatrix(store, world.steps);
  for (let cell = 0; cell < matrix.length; cell++) {
    const value = matrix[cell];
    if (!Number.isFinite(value) && cell % (store.n + 1) !== 0) {
      const i = Math.floor(cell / store.n);
      const what = `the trust of ${world.stateIds[i]} in ${world.stateIds[cell % store.n]}`;
      throw diagnoseNonFinite(world, seed, phases, { step: world.steps, what, value });
    }
  }
  return matrix;
}

/** Every state's trust in every other at `step`, row by truster; NaN on the diagonal. */
function trustMatrix(store: TrustStore, step: number): Float64Array {
  const matrix = new Float64Array(store.n * store.n);
  for (let i = 0; i < store.n; i++)
    for (let j = 0; j < store.n; j++)
      matrix[i * store.n + j] = i === j ? Number.NaN : trustAt(store, i, j, step);
  return matrix;
}

/**
 * The value of a metric of an organisation after a step (1-based) of a run: the one place that
 * knows the layout of RunResult.values. `org` is an id or an index into result.orgIds.
 */
export function valueAt(result: RunResult, step: number, org: string | number, metric: string): number {
  const o = typeof org === 'number' ? org : result.orgIds.indexOf(org);
  const k = result.metricNames.indexOf(metric);
  if (o < 0 || o >= result.orgIds.length || k < 0 || step < 1 || step > result.steps)
    throw new RangeError(`no value for ${metric} of ${org} at step ${step}`);
  return result.values[((step - 1) * result.orgIds.length + o) * result.metricNames.length + k];
}
