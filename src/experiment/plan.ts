import { type JobSpace, jobCount, runsPerReplication, shardRange } from './jobs.js';
import type { ResolvedExperiment } from './load.js';
import { type RunShape, runShape } from './run-shape.js';

/** Shard i of n (1-based) and its half-open range of jobs. */
export interface ShardPlan {
  index: number;
  count: number;
  start: number;
  end: number;
}

/**
 * What an experiment will run, decided before anything runs: its job space (variant × sweep
 * point × replication, jobs.ts), the shape of each world's runs, and this process's share — all
 * of it, or one shard's contiguous range of whole replications.
 */
export interface ExperimentPlan {
  space: JobSpace;
  /** One per world (variant × point, numbered by worldIndex). */
  shapes: RunShape[];
  /** Runs in one replication: one per world. */
  perReplication: number;
  /** This process's half-open range of jobs, and its shard (null: the whole experiment). */
  range: { start: number; end: number };
  shard: ShardPlan | null;
  /** Runs in this process's share. */
  total: number;
}

/** The plan of an experiment, or of one shard of it: a pure function of the experiment. */
export function planExperiment(
  experiment: ResolvedExperiment,
  shard?: { index: number; count: number },
): ExperimentPlan {
  const space: JobSpace = {
    variants: experiment.variants.length,
    points: experiment.points.length,
    replications: experiment.replications,
    seed: experiment.seed,
  };
  const range = shard ? shardRange(space, shard) : { start: 0, end: jobCount(space) };
  return {
    space,
    shapes: experiment.scenarios.map((scenario) => runShape(scenario, experiment.years)),
    perReplication: runsPerReplication(space),
    range,
    shard: shard ? { ...shard, ...range } : null,
    total: range.end - range.start,
  };
}

/** The replications [first, end) still to run, after `done` runs of this process's share. */
export function replicationsLeft(plan: ExperimentPlan, done: number, stopAfter?: number) {
  const { range, perReplication } = plan;
  // --stop-after (for tests) stops at the first whole replication at or past that many runs.
  const stopAt =
    stopAfter !== undefined
      ? Math.min(range.end, range.start + Math.ceil(stopAfter / perReplication) * perReplication)
      : range.end;
  return { first: (range.start + done) / perReplication, end: stopAt / perReplication };
}
