import type { TopLevelSpec } from 'vega-lite';
import type { CompareRow } from '../../tables/experiment-tables.js';
import { baseSpec } from '../base-spec.js';
import { metricLabel, variantColour } from '../theme.js';

/** Each variant minus the reference, paired by replication: the mean difference and its 95% interval. */
export function pairedDifference(
  rows: CompareRow[],
  variants: string[],
  org: string,
  metric: string,
  pointLabels: Record<string, string> = {},
): TopLevelSpec {
  const data = rows
    .filter((r) => r.org === org && r.metric === metric && r.mean_difference !== null)
    .map((r) => ({ ...r, point: pointLabels[r.point] ?? r.point }));
  const reference = rows[0]?.reference ?? variants[0];
  // Each variant in its usual colour; named on the axis, so no colour legend repeats it.
  const colour = { ...variantColour(variants), legend: null };
  // Sweep points get a shape, and a legend, only when there are several.
  const swept = new Set(data.map((r) => r.point)).size > 1;
  const y = { field: 'variant', type: 'nominal' as const, title: null, sort: variants };
  const yOffset = { field: 'point', type: 'nominal' as const };
  return {
    ...baseSpec(
      `${org}: ${metricLabel(metric)}, change from “${reference}”`,
      'mean paired difference over runs, with its 95% confidence interval',
    ),
    height: Math.max(60, 28 * new Set(data.map((r) => `${r.variant}/${r.point}`)).size),
    data: { values: data },
    layer: [
      {
        mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          yOffset,
          x: { field: 'ci95_low', type: 'quantitative', title: `difference in ${metricLabel(metric)}` },
          x2: { field: 'ci95_high' },
          color: colour,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          yOffset,
          x: { field: 'mean_difference', type: 'quantitative' },
          color: colour,
          ...(swept ? { shape: { field: 'point', type: 'nominal', title: 'sweep point' } } : {}),
          tooltip: [
            { field: 'variant' },
            { field: 'point', title: 'sweep point' },
            { field: 'mean_difference', title: 'mean difference', format: '.4f' },
            { field: 'ci95_low', title: '95% low', format: '.4f' },
            { field: 'ci95_high', title: '95% high', format: '.4f' },
            { field: 'n', title: 'pairs' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
