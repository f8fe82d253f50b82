import type { RunResult } from '../engine/simulate.js';
import { yearOfStep } from '../model/calendar.js';

/** The fixed leading columns of timeseries.csv; the metric columns follow in recorder order. */
export const TIMESERIES_KEY_COLUMNS = ['step', 'year', 'org'] as const;

/** A number as written to CSV: shortest round-trip form, empty for NaN (undefined this step). */
export function csvNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/** A number as written to JSON: null for NaN. */
export function jsonNumber(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** timeseries.csv: one row per step and organisation. Ids are letters, digits, "_" and "-", so no quoting is needed. */
export function timeseriesCsv(result: RunResult): string {
  const metricCount = result.metricNames.length;
  const lines = [[...TIMESERIES_KEY_COLUMNS, ...result.metricNames].join(',')];
  for (let step = 1; step <= result.steps; step++) {
    const year = yearOfStep(result, step);
    result.orgIds.forEach((org, o) => {
      const offset = ((step - 1) * result.orgIds.length + o) * metricCount;
      const cells = [String(step), String(year), org];
      for (let k = 0; k < metricCount; k++) cells.push(csvNumber(result.values[offset + k]));
      lines.push(cells.join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** The same rows as JSON objects. */
export function timeseriesRows(result: RunResult): Record<string, string | number | null>[] {
  const metricCount = result.metricNames.length;
  const rows: Record<string, string | number | null>[] = [];
  for (let step = 1; step <= result.steps; step++) {
    const year = yearOfStep(result, step);
    result.orgIds.forEach((org, o) => {
      const offset = ((step - 1) * result.orgIds.length + o) * metricCount;
      const row: Record<string, string | number | null> = { step, year, org };
      result.metricNames.forEach((name, k) => {
        row[name] = jsonNumber(result.values[offset + k]);
      });
      rows.push(row);
    });
  }
  return rows;
}

/** vetoes.csv of a run: for each organisation and member state, the vetoes it used over the run. */
export function vetoesCsv(result: RunResult, members: (o: number) => string[]): string {
  const lines = ['org,state,vetoes'];
  const n = result.stateIds?.length ?? 0;
  result.orgIds.forEach((org, o) => {
    for (const id of members(o)) {
      const i = result.stateIds?.indexOf(id) ?? -1;
      lines.push(`${org},${id},${csvNumber(result.vetoesByState?.[o * n + i] ?? Number.NaN)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
