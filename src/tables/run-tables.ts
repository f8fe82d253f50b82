import type { RunResult } from '../engine/simulate.js';
import { timeseriesRows, vetoRows } from '../metrics/timeseries.js';
import { formatTable, type TableDeclaration } from './registry.js';

/** The tables of one run (`cica-sim run --out`), declared as the experiment's are. */

/** timeseries.csv of a run: one row per step and organisation, then each metric (extra columns, in recorder order). */
export interface RunTimeseriesRow {
  step: number;
  year: number;
  org: string;
  [metric: string]: string | number | null;
}
export const RUN_TIMESERIES: TableDeclaration<RunTimeseriesRow> = {
  name: 'run-timeseries',
  file: 'timeseries.csv',
  description: 'one run: every metric of every organisation after each step',
  columns: { step: 'number', year: 'number', org: 'id' },
  extraNumbers: true,
};

/** vetoes.csv of a run: the vetoes each member state used in each organisation. */
export interface RunVetoRow {
  org: string;
  state: string;
  vetoes: number | null;
  blocks: number | null;
}
export const RUN_VETOES: TableDeclaration<RunVetoRow> = {
  name: 'run-vetoes',
  file: 'vetoes.csv',
  description:
    'one run: the vetoes each member state used in each organisation, and its blocks under any rule',
  columns: { org: 'id', state: 'id', vetoes: 'number', blocks: 'number' },
};

/** A run's time series as CSV. */
export function timeseriesCsv(result: RunResult): string {
  return formatTable(RUN_TIMESERIES, timeseriesRows(result) as RunTimeseriesRow[], result.metricNames);
}

/** A run's vetoes as CSV, for each organisation's members (`members(o)`, as they ended the run). */
export function vetoesCsv(result: RunResult, members: (o: number) => string[]): string {
  return formatTable(RUN_VETOES, vetoRows(result, members));
}
