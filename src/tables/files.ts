import { COMPARE, POINTS, RUNS, SUMMARIES, TIMESERIES } from './experiment-tables.js';
import { ADMISSIONS, CHECKS, FAILURES, MILESTONES, POWER, SCORES, TRUST, VETOES } from './outcome-tables.js';
import { formatTable } from './registry.js';

/** Every output table of an experiment directory, by name: the one registry (registry.ts). */
export const TABLES = {
  runs: RUNS,
  timeseries: TIMESERIES,
  compare: COMPARE,
  points: POINTS,
  summaries: SUMMARIES,
  vetoes: VETOES,
  trust: TRUST,
  milestones: MILESTONES,
  admissions: ADMISSIONS,
  checks: CHECKS,
  scores: SCORES,
  power: POWER,
  failures: FAILURES,
} as const;

export type TableName = keyof typeof TABLES;

/** The files an experiment writes into its directory: its own bookkeeping, then its tables. */
export const FILES = {
  manifest: 'manifest.json',
  checkpoint: 'checkpoint.json',
  state: 'state.json',
  runsPartial: `${RUNS.file}.partial`,
  runs: RUNS.file,
  timeseries: TIMESERIES.file,
  compare: COMPARE.file,
  points: POINTS.file,
  summaries: SUMMARIES.file,
  vetoes: VETOES.file,
  trust: TRUST.file,
  milestones: MILESTONES.file,
  admissions: ADMISSIONS.file,
  power: POWER.file,
  checks: CHECKS.file,
  scores: SCORES.file,
  failures: FAILURES.file,
} as const;

/** A run that threw (in the model, or its thread died twice); it is left out of every table. */
export interface RunFailure {
  variant: string;
  point: string;
  replication: number;
  seed: number;
  message: string;
}

/** failures.csv: one row per failed run (a header only when none failed). */
export function failuresTable(failures: RunFailure[]): string {
  return formatTable(FAILURES, failures);
}
