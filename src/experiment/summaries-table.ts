import { createRequire } from 'node:module';
import { ALL_POINTS, RUNS, type RunsRow, SUMMARIES, type SummaryRow } from '../tables/experiment-tables.js';
import { forEachRow, formatTable } from '../tables/registry.js';
import type { ExperimentLayout } from './tables.js';

/**
 * summaries.csv, from runs.csv: the distribution over runs of each whole-run metric, per variant,
 * organisation and sweep point, and per variant over all points together (point "all"). The
 * mean sums the runs in the order of runs.csv; quantiles are mathjs's (type 7, as R's default).
 * A metric empty in every run (no rung left to reach) has a row with n = 0 and no statistics.
 */
export function summariesTable(
  runsPath: string,
  layout: ExperimentLayout,
  metricNames: readonly string[],
): string {
  const values = new Map<string, number[]>();
  const orgs: string[] = [];
  const listOf = (key: string) => {
    const list = values.get(key) ?? [];
    values.set(key, list);
    return list;
  };
  forEachRow(runsPath, RUNS, (row: RunsRow) => {
    if (!orgs.includes(row.org)) orgs.push(row.org);
    for (const metric of metricNames) {
      const perPoint = listOf(`${row.variant}|${row.point}|${row.org}|${metric}`);
      const pooled = listOf(`${row.variant}|${ALL_POINTS}|${row.org}|${metric}`);
      const value = row[metric];
      if (typeof value !== 'number') continue;
      perPoint.push(value);
      pooled.push(value);
    }
  });
  const points = [...layout.points.map((point) => point.id), ALL_POINTS];
  const rows: SummaryRow[] = [];
  for (const variant of layout.variants)
    for (const point of points)
      for (const org of orgs)
        for (const metric of metricNames) {
          const list = values.get(`${variant}|${point}|${org}|${metric}`);
          if (list) rows.push(summaryRow(variant, point, org, metric, list));
        }
  return formatTable(SUMMARIES, rows);
}

type QuantileSeq = (values: number[], probabilities: number[]) => number[];

/** mathjs's quantileSeq, loaded on first use: mathjs takes half a second to load, and most commands never need it. */
let quantileSeq: QuantileSeq | null = null;
function quantiles(values: number[], probabilities: number[]): number[] {
  quantileSeq ??= (createRequire(import.meta.url)('mathjs') as { quantileSeq: QuantileSeq }).quantileSeq;
  return quantileSeq(values, probabilities);
}

function summaryRow(
  variant: string,
  point: string,
  org: string,
  metric: string,
  values: number[],
): SummaryRow {
  if (values.length === 0)
    return {
      variant,
      point,
      org,
      metric,
      mean: null,
      p05: null,
      q1: null,
      median: null,
      q3: null,
      p95: null,
      n: 0,
    };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const [p05, q1, median, q3, p95] = quantiles(values, [0.05, 0.25, 0.5, 0.75, 0.95]);
  return { variant, point, org, metric, mean, p05, q1, median, q3, p95, n: values.length };
}
