import type { TopLevelSpec } from 'vega-lite';
import type { TimeseriesRow } from '../../tables/experiment-tables.js';
import { baseSpec, chartHead } from '../base-spec.js';
import { CHART_WIDTH, legendOpacity, legendParams, metricLabel, variantColour } from '../theme.js';

/**
 * A metric over time per variant: the median across runs as a line, the 5–95% range of runs
 * shaded — averaged over each year's steps, since a quarter's rate rests on two or three votes.
 * One panel per sweep point when there is a sweep.
 */
export function metricOverTime(
  rows: TimeseriesRow[],
  variants: string[],
  org: string,
  metric: string,
  pointLabels: Record<string, string> = {},
): TopLevelSpec {
  const data = yearlyMeans(rows, org, metric, pointLabels);
  const colour = variantColour(variants);
  // With a sweep, one panel per point; the chart's title names the metric once.
  const faceted = new Set(data.map((d) => d.point)).size > 1;
  const layer = bandAndMedian(metric, colour, faceted);
  const text = `${org}: ${metricLabel(metric)}`;
  const subtitle = 'median across runs, the 5–95% range of runs shaded; yearly means of the quarterly values';
  if (!faceted) {
    return { ...baseSpec(text, subtitle), data: { values: data }, layer } as TopLevelSpec;
  }
  return {
    ...chartHead(text, subtitle),
    data: { values: data },
    facet: {
      row: {
        field: 'point',
        type: 'nominal',
        title: null,
        header: {
          labelOrient: 'top',
          labelAngle: 0,
          labelAlign: 'left',
          labelAnchor: 'start',
          labelFontWeight: 'bold',
        },
      },
    },
    spec: { width: CHART_WIDTH, height: 180, layer },
  } as TopLevelSpec;
}

/**
 * The yearly means of each variant's quarterly quantiles at each point: a quarter's rate rests on
 * two or three votes, a year's on a dozen.
 */
function yearlyMeans(
  rows: TimeseriesRow[],
  org: string,
  metric: string,
  pointLabels: Record<string, string>,
) {
  type Year = {
    variant: string;
    point: string;
    year: number;
    p05: number;
    p50: number;
    p95: number;
    n: number;
    steps: number;
  };
  const yearly = new Map<string, Year>();
  for (const r of rows) {
    if (r.org !== org || r.metric !== metric || r.p50 === null) continue;
    const key = `${r.variant}|${r.point}|${r.year}`;
    const cell = yearly.get(key) ?? {
      variant: r.variant,
      point: r.point,
      year: r.year,
      p05: 0,
      p50: 0,
      p95: 0,
      n: r.n,
      steps: 0,
    };
    cell.p05 += r.p05 ?? 0;
    cell.p50 += r.p50;
    cell.p95 += r.p95 ?? 0;
    cell.steps++;
    yearly.set(key, cell);
  }
  return [...yearly.values()].map((c) => ({
    variant: c.variant,
    point: pointLabels[c.point] ?? c.point,
    year: c.year,
    p05: c.p05 / c.steps,
    p50: c.p50 / c.steps,
    p95: c.p95 / c.steps,
    n: c.n,
  }));
}

/** The 5–95% band of runs (faint) and the median line with its tooltip, under one legend of variants. */
function bandAndMedian(metric: string, colour: ReturnType<typeof variantColour>, faceted: boolean) {
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    title: 'year',
    axis: { format: 'd', tickMinStep: 1 },
  };
  return [
    {
      mark: { type: 'area', opacity: 0.15 },
      encoding: {
        x,
        // Not from zero: differences of a few hundredths in trust must show.
        y: {
          field: 'p05',
          type: 'quantitative',
          title: faceted ? null : metricLabel(metric),
          scale: { zero: false },
        },
        y2: { field: 'p95' },
        // One legend for band and line: they share the colour scale (a `legend: null` here hid
        // the merged legend of both layers); its symbols solid, as the lines are.
        color: { ...colour, legend: { symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 3 } },
        opacity: legendOpacity(0.15, 0.02),
      },
    },
    {
      params: legendParams(),
      mark: { type: 'line', strokeWidth: 2, point: true },
      encoding: {
        x,
        y: { field: 'p50', type: 'quantitative' },
        color: colour,
        opacity: legendOpacity(),
        tooltip: [
          { field: 'variant' },
          { field: 'point', title: 'sweep point' },
          { field: 'year' },
          { field: 'p50', title: 'median', format: '.3f' },
          { field: 'p05', title: '5%', format: '.3f' },
          { field: 'p95', title: '95%', format: '.3f' },
          { field: 'n', title: 'runs' },
        ],
      },
    },
  ];
}
