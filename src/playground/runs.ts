import type { World } from '../engine/world.js';
import { jobSeed } from '../experiment/seeds.js';
import {
  addPairs,
  addSeries,
  cellSummary,
  createAggregate,
  type ExperimentAggregate,
  pairSummary,
} from '../metrics/aggregate.js';
import { sortedQuantile } from '../metrics/quantile-summary.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { simulateRecorded } from '../metrics/simulate-recorded.js';
import { type RunSummary, summarizeRun, WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import { yearOfStep } from '../model/calendar.js';
import type { CompareRow, TimeseriesRow } from '../tables/experiment-tables.js';

/**
 * The page's runs, computed as `cica-sim experiment` computes them: replication r of both sets
 * has the seed jobSeed(seed, r) (experiment/seeds.ts), each run is `simulateRecorded` on the
 * set's World, and the statistics are the experiment's own (metrics/aggregate.ts), with set A as
 * the reference variant. So a downloaded experiment reproduces the page's numbers.
 */
export const SET_NAMES = ['A', 'B'] as const;

export interface RunOutput {
  values: Float64Array;
  summary: RunSummary;
}

export interface ReplicationResult {
  replication: number;
  seed: number;
  runs: [RunOutput, RunOutput];
}

/** Replication r of both sets: the same seed, the two worlds. */
export function runReplication(
  worlds: [World, World],
  experimentSeed: number,
  replication: number,
): ReplicationResult {
  const seed = jobSeed(experimentSeed, replication);
  const run = (world: World): RunOutput => {
    const result = simulateRecorded(world, seed);
    return { values: result.values, summary: summarizeRun(result) };
  };
  return { replication, seed, runs: [run(worlds[0]), run(worlds[1])] };
}

export interface RunsShape {
  orgIds: string[];
  steps: number;
  startYear: number;
  stepsPerYear: number;
}

/** What the page draws: the experiment's tables for its two variants, and each run's summaries. */
export interface PlaygroundResults {
  timeseries: TimeseriesRow[];
  compare: CompareRow[];
  /** Each set's whole-run summaries, in replication order. */
  summaries: [RunSummary[], RunSummary[]];
}

/**
 * The statistics of every replication, taken in replication order (so the same whatever the
 * number of workers): the spread of each metric at each step and the paired differences B − A.
 */
export function gatherResults(shape: RunsShape, replications: ReplicationResult[]): PlaygroundResults {
  const worlds = SET_NAMES.map(() => ({ orgIds: shape.orgIds, steps: shape.steps }));
  const aggregate = createAggregate(METRIC_NAMES, 2, 1, worlds, WHOLE_RUN_NAMES);
  const ordered = [...replications].sort((x, y) => x.replication - y.replication);
  for (const { runs } of ordered) {
    runs.forEach((run, set) => {
      addSeries(aggregate, set, run.values);
      addPairs(aggregate, set, 0, run.summary);
    });
  }
  return {
    timeseries: timeseriesRows(aggregate, shape),
    compare: compareRows(aggregate, shape.orgIds),
    summaries: [ordered.map((r) => r.runs[0].summary), ordered.map((r) => r.runs[1].summary)],
  };
}

function timeseriesRows(aggregate: ExperimentAggregate, shape: RunsShape): TimeseriesRow[] {
  const rows: TimeseriesRow[] = [];
  SET_NAMES.forEach((variant, w) => {
    for (let step = 1; step <= shape.steps; step++) {
      const year = yearOfStep(shape, step);
      shape.orgIds.forEach((org, o) => {
        METRIC_NAMES.forEach((metric, k) => {
          const c = cellSummary(aggregate, w, step, o, k);
          const value = (x: number) => (Number.isNaN(x) ? null : x);
          rows.push({
            variant,
            point: 'p0',
            step,
            year,
            org,
            metric,
            mean: value(c.mean),
            sd: value(c.sd),
            p05: value(c.p05),
            p50: value(c.p50),
            p95: value(c.p95),
            n: c.n,
          });
        });
      });
    }
  });
  return rows;
}

function compareRows(aggregate: ExperimentAggregate, orgIds: string[]): CompareRow[] {
  const value = (x: number) => (Number.isFinite(x) ? x : null);
  return orgIds.flatMap((org) =>
    WHOLE_RUN_NAMES.map((metric) => {
      const s = pairSummary(aggregate, 1, 0, org, metric);
      return {
        variant: SET_NAMES[1],
        reference: SET_NAMES[0],
        point: 'p0',
        org,
        metric,
        mean_difference: value(s.mean),
        ci95_low: value(s.ciLow),
        ci95_high: value(s.ciHigh),
        sd: value(s.sd),
        n: s.n,
        share_positive: value(s.sharePositive),
        share_negative: value(s.shareNegative),
      };
    }),
  );
}

/** A whole-run metric's spread over one set's runs, as the report's box plots take it (type-7 quantiles). */
export function wholeRunSpread(summaries: RunSummary[], org: string, metric: string) {
  const values = summaries
    .map((s) => s[org]?.[metric])
    .filter((v): v is number => Number.isFinite(v))
    .sort((x, y) => x - y);
  if (values.length === 0) return null;
  return {
    p05: sortedQuantile(values, 0.05),
    q1: sortedQuantile(values, 0.25),
    median: sortedQuantile(values, 0.5),
    q3: sortedQuantile(values, 0.75),
    p95: sortedQuantile(values, 0.95),
    n: values.length,
  };
}
