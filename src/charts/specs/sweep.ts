import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, chartHead } from '../base-spec.js';
import { legendOpacity, legendParams, metricLabel, variantColour } from '../theme.js';

/** Spread of a whole-run metric at one sweep point, from summaries.csv. */
export interface SweepSummary {
  variant: string;
  /** The swept value on the x axis. */
  value: number | string;
  /** The other swept fields' values, when more than one field is swept. */
  others: string;
  p05: number;
  median: number;
  p95: number;
  n: number;
}

/**
 * A whole-run metric against one swept parameter, per variant: the median across runs as a line
 * with the 5–95% range of runs as a band. A numeric sweep gets a numeric axis; the other swept
 * fields, if any, get a panel per combination.
 */
export function sweepChart(
  rows: SweepSummary[],
  variants: string[],
  org: string,
  metric: string,
  parameter: string,
): TopLevelSpec {
  const numeric = rows.every((r) => typeof r.value === 'number');
  const x = {
    field: 'value',
    type: numeric ? ('quantitative' as const) : ('ordinal' as const),
    title: parameter.replace(/^parameters\./, ''),
    scale: numeric ? { zero: false } : undefined,
  };
  const colour = variantColour(variants);
  const layer = [
    {
      mark: { type: 'area', opacity: 0.15 },
      encoding: {
        x,
        y: { field: 'p05', type: 'quantitative', title: metricLabel(metric), scale: { zero: false } },
        y2: { field: 'p95' },
        // One legend for band and line (a `legend: null` here hid the merged legend of both
        // layers); its symbols solid, as the lines are.
        color: { ...colour, legend: { symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 3 } },
        opacity: legendOpacity(0.15, 0.02),
      },
    },
    {
      params: legendParams(),
      mark: { type: 'line', strokeWidth: 2, point: { size: 60 } },
      encoding: {
        x,
        y: { field: 'median', type: 'quantitative' },
        color: colour,
        opacity: legendOpacity(),
        tooltip: [
          { field: 'variant' },
          { field: 'value', title: x.title },
          { field: 'median', format: '.3f' },
          { field: 'p05', title: '5%', format: '.3f' },
          { field: 'p95', title: '95%', format: '.3f' },
          { field: 'n', title: 'runs' },
        ],
      },
    },
  ];
  const title = {
    text: `${org}: ${metricLabel(metric)} against ${x.title}`,
    subtitle: 'whole-run value: median across runs, the 5–95% range of runs shaded',
  };
  const panels = new Set(rows.map((r) => r.others)).size > 1;
  if (!panels)
    return {
      ...baseSpec(title.text, title.subtitle),
      data: { values: rows },
      layer,
    } as TopLevelSpec;
  return {
    ...chartHead(title.text, title.subtitle),
    data: { values: rows },
    facet: { column: { field: 'others', type: 'nominal', title: null } },
    spec: { width: 260, height: 220, layer },
  } as TopLevelSpec;
}
