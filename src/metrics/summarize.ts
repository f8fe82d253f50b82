import type { RunResult } from '../engine/simulate.js';
import { RECORDERS, type Recorder } from './recorders.js';

/** Whole-run value of each metric for each organisation: `{ CICA: { adopted: 31, ... } }`. */
export type RunSummary = Record<string, Record<string, number>>;

/**
 * Sums a run up metric by metric, as each recorder's `whole` says: totals for counts, final
 * values for states, weighted means for rates. NaN steps (nothing to average) are skipped; a
 * rate with nothing to average at all is NaN.
 */
export function summarizeRun(result: RunResult, recorders: readonly Recorder[] = RECORDERS): RunSummary {
  const metricCount = result.metricNames.length;
  const orgCount = result.orgIds.length;
  const at = (step: number, o: number, k: number) =>
    result.values[(step - 1) * orgCount * metricCount + o * metricCount + k];
  const summary: RunSummary = {};
  result.orgIds.forEach((orgId, o) => {
    const row: Record<string, number> = {};
    recorders.forEach((recorder, k) => {
      const { whole } = recorder;
      if (whole === 'final') {
        row[recorder.name] = result.steps > 0 ? at(result.steps, o, k) : Number.NaN;
      } else if (whole === 'total') {
        let total = 0;
        for (let step = 1; step <= result.steps; step++) total += at(step, o, k);
        row[recorder.name] = total;
      } else {
        const w = result.metricNames.indexOf(whole.weightedBy);
        let weighted = 0;
        let weights = 0;
        for (let step = 1; step <= result.steps; step++) {
          const value = at(step, o, k);
          if (Number.isNaN(value)) continue;
          weighted += value * at(step, o, w);
          weights += at(step, o, w);
        }
        row[recorder.name] = weights > 0 ? weighted / weights : Number.NaN;
      }
    });
    summary[orgId] = row;
  });
  return summary;
}
