import type { RunResult } from '../engine/simulate.js';
import { yearOfStep } from '../model/calendar.js';

/** A number as written to JSON: null for NaN. */
export function jsonNumber(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** A run's time series as rows: one per step and organisation, each metric by name (NaN: null, undefined this step). */
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

/** The vetoes each member state used in each organisation over a run, and its blocks (NaN: not known). */
export function vetoRows(
  result: RunResult,
  members: (o: number) => string[],
): { org: string; state: string; vetoes: number; blocks: number }[] {
  const n = result.stateIds?.length ?? 0;
  return result.orgIds.flatMap((org, o) =>
    members(o).map((id) => {
      const i = result.stateIds?.indexOf(id) ?? -1;
      return {
        org,
        state: id,
        vetoes: result.vetoesByState?.[o * n + i] ?? Number.NaN,
        blocks: result.blocksByState?.[o * n + i] ?? Number.NaN,
      };
    }),
  );
}
