import { sortedQuantile } from '../metrics/quantile-summary.js';
import { ALL_POINTS, RUNS, type RunsRow, SUMMARIES, type SummaryRow } from '../tables/experiment-tables.js';
import { forEachRow, formatTable } from '../tables/registry.js';
import type { ExperimentLayout } from './tables.js';

/**
 * summaries.csv, from runs.csv: the distribution over runs of each whole-run metric, per variant,
 * organisation and sweep point, and per variant over all points together (point "all"). The
 * mean sums the runs in the order of runs.csv; quantiles are type 7 (R's default), computed as
 * mathjs's quantileSeq computes them (sortedQuantile).
 * A metric empty in every run (no rung left to reach) has a row with n = 0 and no statistics.
 */
export function summariesTable(
  runsPath: string,
  layout: ExperimentLayout,
  metricNames: readonly string[],
): string {
  // Each metric's values per variant, point and organisation, in the order of runs.csv; and per
  // variant and organisation the sum over all points, also in that order, for the pooled mean.
  const values = new Map<string, number[][]>();
  const pooledSums = new Map<string, number[]>();
  const orgs: string[] = [];
  forEachRow(runsPath, RUNS, (row: RunsRow) => {
    if (!orgs.includes(row.org)) orgs.push(row.org);
    const key = `${row.variant}|${row.point}|${row.org}`;
    const lists = values.get(key) ?? metricNames.map(() => []);
    values.set(key, lists);
    const pooledKey = `${row.variant}|${row.org}`;
    const sums = pooledSums.get(pooledKey) ?? metricNames.map(() => 0);
    pooledSums.set(pooledKey, sums);
    metricNames.forEach((metric, k) => {
      const value = row[metric];
      if (typeof value !== 'number') return;
      lists[k].push(value);
      sums[k] += value;
    });
  });
  const rows: SummaryRow[] = [];
  for (const variant of layout.variants) {
    for (const point of layout.points)
      for (const org of orgs) {
        const lists = values.get(`${variant}|${point.id}|${org}`);
        if (!lists) continue;
        metricNames.forEach((metric, k) => {
          const list = lists[k];
          const mean = list.reduce((a, b) => a + b, 0) / list.length;
          rows.push(summaryRow({ variant, point: point.id, org, metric }, mean, list));
        });
      }
    for (const org of orgs) {
      const sums = pooledSums.get(`${variant}|${org}`);
      if (!sums) continue;
      metricNames.forEach((metric, k) => {
        const all = layout.points.flatMap((point) => values.get(`${variant}|${point.id}|${org}`)?.[k] ?? []);
        rows.push(summaryRow({ variant, point: ALL_POINTS, org, metric }, sums[k] / all.length, all));
      });
    }
  }
  return formatTable(SUMMARIES, rows);
}

function summaryRow(
  where: Pick<SummaryRow, 'variant' | 'point' | 'org' | 'metric'>,
  mean: number,
  values: number[],
): SummaryRow {
  if (values.length === 0)
    return { ...where, mean: null, p05: null, q1: null, median: null, q3: null, p95: null, n: 0 };
  const sorted = Float64Array.from(values).sort();
  const [p05, q1, median, q3, p95] = [0.05, 0.25, 0.5, 0.75, 0.95].map((p) => sortedQuantile(sorted, p));
  return { ...where, mean, p05, q1, median, q3, p95, n: values.length };
}
