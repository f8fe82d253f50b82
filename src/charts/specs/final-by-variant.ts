import type { TopLevelSpec } from 'vega-lite';
import { baseSpec } from '../base-spec.js';
import { metricLabel, variantColour } from '../theme.js';

/** Whole-run values of a metric by variant: box (quartiles), whiskers (5–95%), median tick. */
export function finalByVariant(
  summaries: {
    variant: string;
    p05: number;
    q1: number;
    median: number;
    q3: number;
    p95: number;
    n: number;
  }[],
  variants: string[],
  org: string,
  metric: string,
): TopLevelSpec {
  // The variants are named on the axis: a colour legend would only repeat it.
  const colour = { ...variantColour(variants), legend: null };
  const x = {
    field: 'variant',
    type: 'nominal' as const,
    title: null,
    sort: variants,
    axis: { labelAngle: -20 },
  };
  return {
    ...baseSpec(
      `${org}: ${metricLabel(metric)} over the whole run, by variant`,
      'box: middle half of runs; whiskers: 5–95%; line: median (runs of every sweep point together)',
    ),
    data: { values: summaries },
    layer: [
      {
        mark: { type: 'rule' },
        encoding: {
          x,
          y: { field: 'p05', type: 'quantitative', title: metricLabel(metric) },
          y2: { field: 'p95' },
          color: colour,
        },
      },
      {
        mark: { type: 'bar', size: 28, opacity: 0.7 },
        encoding: {
          x,
          y: { field: 'q1', type: 'quantitative' },
          y2: { field: 'q3' },
          color: colour,
        },
      },
      {
        mark: { type: 'tick', color: 'black', size: 28, thickness: 2 },
        encoding: {
          x,
          y: { field: 'median', type: 'quantitative' },
          tooltip: [
            { field: 'variant' },
            { field: 'median', format: '.3f' },
            { field: 'q1', title: '25%', format: '.3f' },
            { field: 'q3', title: '75%', format: '.3f' },
            { field: 'p05', title: '5%', format: '.3f' },
            { field: 'p95', title: '95%', format: '.3f' },
            { field: 'n', title: 'runs' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
