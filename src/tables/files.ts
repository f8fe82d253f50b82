import { stringify } from 'csv-stringify/sync';

/** The files an experiment writes into its directory. */
export const FILES = {
  manifest: 'manifest.json',
  checkpoint: 'checkpoint.json',
  state: 'state.json',
  runsPartial: 'runs.csv.partial',
  runs: 'runs.csv',
  timeseries: 'timeseries.csv',
  compare: 'compare.csv',
  points: 'points.csv',
  vetoes: 'vetoes.csv',
  trust: 'trust.csv',
  milestones: 'milestones.csv',
  admissions: 'admissions.csv',
  power: 'power.csv',
  checks: 'checks.csv',
  failures: 'failures.csv',
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
  return stringify(failures, {
    header: true,
    columns: ['variant', 'point', 'replication', 'seed', 'message'],
  });
}
