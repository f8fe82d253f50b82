import { cellSummary, type ExperimentAggregate, pairSummary } from '../metrics/aggregate.js';
import type { RunSummary } from '../metrics/summarize.js';
import { yearOfStep } from '../model/calendar.js';
import type { Check } from '../model/check.js';
import {
  COMPARE,
  type CompareRow,
  POINTS,
  type PointsRow,
  RUNS,
  type RunsRow,
  TIMESERIES,
  type TimeseriesRow,
} from '../tables/experiment-tables.js';
import { formatTable } from '../tables/registry.js';
import { worldIndex } from './jobs.js';
import type { ResolvedExperiment, SweepPoint } from './load.js';

/** What the tables need to know of an experiment: names, points, and each world's calendar. */
export interface ExperimentLayout {
  variants: string[];
  points: SweepPoint[];
  sweptPaths: string[];
  /** calendars[variant × points + point] */
  calendars: { startYear: number; stepsPerYear: number }[];
}

export function layoutOf(experiment: {
  variants: string[];
  points: SweepPoint[];
  sweptPaths: string[];
  scenarios: { startYear: number; stepsPerYear: number }[];
}): ExperimentLayout {
  return {
    variants: experiment.variants,
    points: experiment.points,
    sweptPaths: experiment.sweptPaths,
    calendars: experiment.scenarios.map(({ startYear, stepsPerYear }) => ({ startYear, stepsPerYear })),
  };
}

/** The header of runs.csv: the job's coordinates, each metric's whole-run value, then each swept parameter. */
/** runs.csv's columns after the metrics: each swept path's value, then each drawn parameter's (uncertainty). */
export function runsColumnsOf(
  experiment: Pick<ResolvedExperiment, 'sweptPaths' | 'uncertainty'> &
    Partial<Pick<ResolvedExperiment, 'checkColumns' | 'checks'>>,
): string[] {
  return [
    ...experiment.sweptPaths,
    ...(experiment.uncertainty?.factors.map((f) => f.path) ?? []),
    ...(experiment.checkColumns ? checkColumnNames(experiment.checks ?? []) : []),
  ];
}

/** With checkColumns: fact.<c> for every check, value.<c> for a metric fact with an observed value. */
export function checkColumnNames(checks: readonly Check[]): string[] {
  return checks.flatMap((check, c) => [
    `fact.${c}`,
    ...('metric' in check && check.observed !== undefined ? [`value.${c}`] : []),
  ]);
}

export function runsHeader(metricNames: readonly string[], sweptPaths: readonly string[] = []): string {
  return formatTable(RUNS, [], [...metricNames, ...sweptPaths]);
}

/** A swept value as a runs.csv cell: a number as it is, anything else (a rule, a list) as JSON. */
function sweptCell(value: unknown): number | string {
  return typeof value === 'number' ? value : JSON.stringify(value);
}

/** runs.csv rows of one job, one per organisation. */
export function runsRows(
  variant: string,
  point: string,
  replication: number,
  seed: number,
  summary: RunSummary,
  metricNames: readonly string[],
  swept: Record<string, unknown> = {},
): string {
  const sweptCells = Object.fromEntries(
    Object.entries(swept).map(([path, value]) => [path, sweptCell(value)]),
  );
  const rows = Object.entries(summary).map(
    ([org, values]): RunsRow => ({
      variant,
      point,
      replication,
      seed,
      org,
      ...values,
      ...sweptCells,
    }),
  );
  return formatTable(RUNS, rows, [...metricNames, ...Object.keys(swept)], { header: false });
}

/** timeseries.csv: per variant, point, step, organisation and metric, the spread over runs. */
export function timeseriesTable(aggregate: ExperimentAggregate, experiment: ExperimentLayout): string {
  const rows: TimeseriesRow[] = [];
  experiment.variants.forEach((variant, v) => {
    experiment.points.forEach((point, p) => {
      const w = worldIndex({ points: experiment.points.length }, v, p);
      const world = aggregate.worlds[w];
      for (let step = 1; step <= world.steps; step++) {
        const year = yearOfStep(experiment.calendars[w], step);
        world.orgIds.forEach((org, o) => {
          aggregate.metricNames.forEach((metric, k) => {
            const { mean, sd, p05, p50, p95, n } = cellSummary(aggregate, w, step, o, k);
            rows.push({ variant, point: point.id, step, year, org, metric, mean, sd, p05, p50, p95, n });
          });
        });
      }
    });
  });
  return formatTable(TIMESERIES, rows);
}

/** compare.csv: each variant against the first, the paired difference of each whole-run metric. */
export function compareTable(aggregate: ExperimentAggregate, experiment: ExperimentLayout): string {
  const rows: CompareRow[] = [];
  const reference = experiment.variants[0];
  const space = { points: experiment.points.length };
  experiment.variants.forEach((variant, v) => {
    if (v === 0) return;
    experiment.points.forEach((point, p) => {
      const orgs = aggregate.worlds[worldIndex(space, v, p)].orgIds;
      for (const org of orgs) {
        if (!aggregate.worlds[worldIndex(space, 0, p)].orgIds.includes(org)) continue;
        for (const metric of aggregate.wholeRunNames) {
          const s = pairSummary(aggregate, v, p, org, metric);
          rows.push({
            variant,
            reference,
            point: point.id,
            org,
            metric,
            mean_difference: s.mean,
            ci95_low: s.ciLow,
            ci95_high: s.ciHigh,
            share_positive: s.sharePositive,
            share_negative: s.shareNegative,
            sd: s.sd,
            n: s.n,
          });
        }
      }
    });
  });
  return formatTable(COMPARE, rows);
}

/** points.csv: the values of the swept fields at each point (lists and mappings as JSON). */
export function pointsTable(experiment: ExperimentLayout): string {
  const rows = experiment.points.map((point): PointsRow => {
    const row: PointsRow = { point: point.id };
    for (const path of experiment.sweptPaths) {
      const value = point.values[path];
      row[path] = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    }
    return row;
  });
  return formatTable(POINTS, rows, experiment.sweptPaths);
}
