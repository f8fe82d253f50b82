import type { TableDeclaration } from './registry.js';

/** runs.csv: one row per run and organisation, then each whole-run metric (extra columns, in recorder order). */
export interface RunsRow {
  variant: string;
  point: string;
  replication: number;
  seed: number;
  org: string;
  [metric: string]: string | number | null;
}
export const RUNS: TableDeclaration<RunsRow> = {
  name: 'runs',
  file: 'runs.csv',
  description: 'one row per run and organisation: its whole-run metrics',
  columns: { variant: 'id', point: 'id', replication: 'number', seed: 'number', org: 'id' },
  extraNumbers: true,
};

/** timeseries.csv: the spread over runs of each metric of each organisation at each step. */
export interface TimeseriesRow {
  variant: string;
  point: string;
  step: number;
  year: number;
  org: string;
  metric: string;
  mean: number | null;
  sd: number | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
  n: number;
}
export const TIMESERIES: TableDeclaration<TimeseriesRow> = {
  name: 'timeseries',
  file: 'timeseries.csv',
  description:
    'per variant, point, step, organisation and metric: mean, sd, 5th, 50th and 95th percentiles over runs',
  columns: {
    variant: 'id',
    point: 'id',
    step: 'number',
    year: 'number',
    org: 'id',
    metric: 'id',
    mean: 'number',
    sd: 'number',
    p05: 'number',
    p50: 'number',
    p95: 'number',
    n: 'number',
  },
};

/** compare.csv: each variant against the first, the paired difference of each whole-run metric. */
export interface CompareRow {
  variant: string;
  reference: string;
  point: string;
  org: string;
  metric: string;
  mean_difference: number | null;
  ci95_low: number | null;
  ci95_high: number | null;
  sd: number | null;
  n: number;
  share_positive: number | null;
  share_negative: number | null;
}
export const COMPARE: TableDeclaration<CompareRow> = {
  name: 'compare',
  file: 'compare.csv',
  description:
    'each variant against the first: paired differences of whole-run metrics, with 95% intervals, and the shares of pairs (replications: with uncertainty, parameter draws) where the difference is above and below zero',
  columns: {
    variant: 'id',
    reference: 'id',
    point: 'id',
    org: 'id',
    metric: 'id',
    mean_difference: 'number',
    ci95_low: 'number',
    ci95_high: 'number',
    sd: 'number',
    n: 'number',
    share_positive: 'number',
    share_negative: 'number',
  },
};

/** points.csv: the values of the swept fields at each point (extra columns: one per swept path). */
export interface PointsRow {
  point: string;
  [path: string]: string | number | null;
}
export const POINTS: TableDeclaration<PointsRow> = {
  name: 'points',
  file: 'points.csv',
  description: 'the values of the swept fields at each sweep point (lists and mappings as JSON)',
  columns: { point: 'id' },
};

/** The point of a summary over every sweep point of a variant together. */
export const ALL_POINTS = 'all';

/**
 * summaries.csv: the distribution over runs of each whole-run metric, per variant, organisation
 * and sweep point, and over all points of a variant together (point "all"). Charts and the report
 * read their box plots, sweep lines and means here.
 */
export interface SummaryRow {
  variant: string;
  point: string;
  org: string;
  metric: string;
  mean: number | null;
  p05: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  p95: number | null;
  n: number;
}
export const SUMMARIES: TableDeclaration<SummaryRow> = {
  name: 'summaries',
  file: 'summaries.csv',
  description:
    'per variant, sweep point (and "all" points together), organisation and whole-run metric: mean, 5th, 25th, 50th, 75th and 95th percentiles over runs',
  columns: {
    variant: 'id',
    point: 'id',
    org: 'id',
    metric: 'id',
    mean: 'number',
    p05: 'number',
    q1: 'number',
    median: 'number',
    q3: 'number',
    p95: 'number',
    n: 'number',
  },
};
