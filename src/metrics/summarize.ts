import type { Recorder } from '../engine/recorder.js';
import type { RunResult } from '../engine/simulate.js';
import { METRIC_NAMES, RECORDERS } from './recorders.js';

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
    if (result.rungNames && result.rungReachedStep) Object.assign(row, nextRung(result, o));
    summary[orgId] = row;
  });
  return summary;
}

/** Whole-run values derived from milestones, after the recorders' columns in runs.csv. */
export const MILESTONE_METRICS = ['next_rung_reached', 'years_to_next_rung'] as const;

/** The columns of runs.csv and compare.csv: every metric's whole-run value, then the milestones'. */
export const WHOLE_RUN_NAMES: readonly string[] = [...METRIC_NAMES, ...MILESTONE_METRICS];

/**
 * Whether organisation o reached the first rung of its ladder it did not hold at the start (1 or
 * 0), and after how many years (the end of the step it was reached; NaN when it was not, or when
 * the ladder was already climbed).
 */
function nextRung(result: RunResult, o: number): Record<(typeof MILESTONE_METRICS)[number], number> {
  const names = result.rungNames?.[o] ?? [];
  const reached = result.rungReachedStep as Float64Array;
  let offset = 0;
  for (let p = 0; p < o; p++) offset += result.rungNames?.[p].length ?? 0;
  for (let k = 0; k < names.length; k++) {
    const step = reached[offset + k];
    if (step === 0) continue; // held before the run began
    return Number.isNaN(step)
      ? { next_rung_reached: 0, years_to_next_rung: Number.NaN }
      : { next_rung_reached: 1, years_to_next_rung: step / result.stepsPerYear };
  }
  return { next_rung_reached: Number.NaN, years_to_next_rung: Number.NaN };
}
