import type { TopLevelSpec } from 'vega-lite';
import type { CompareRow, TimeseriesRow } from '../tables/experiment-tables.js';
import {
  CHART_CONFIG,
  CHART_HEIGHT,
  CHART_WIDTH,
  legendOpacity,
  legendParams,
  metricLabel,
  variantColour,
} from './theme.js';

const base = (title: string, subtitle: string) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: { text: title, subtitle },
  config: CHART_CONFIG,
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
});

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
  const data = [...yearly.values()].map((c) => ({
    variant: c.variant,
    point: pointLabels[c.point] ?? c.point,
    year: c.year,
    p05: c.p05 / c.steps,
    p50: c.p50 / c.steps,
    p95: c.p95 / c.steps,
    n: c.n,
  }));
  const colour = variantColour(variants);
  // With a sweep, one panel per point; the chart's title names the metric once.
  const faceted = new Set(data.map((d) => d.point)).size > 1;
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    title: 'year',
    axis: { format: 'd', tickMinStep: 1 },
  };
  const layer = [
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
        // The legend shows the lines' colours, not the faint band's.
        color: { ...colour, legend: null },
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
  const text = `${org}: ${metricLabel(metric)}`;
  const subtitle = 'median across runs, the 5–95% range of runs shaded; yearly means of the quarterly values';
  if (!faceted) {
    return { ...base(text, subtitle), data: { values: data }, layer } as TopLevelSpec;
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text, subtitle },
    config: CHART_CONFIG,
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
  const colour = variantColour(variants);
  const y = { field: 'variant', type: 'nominal' as const, title: null, sort: variants };
  const yOffset = { field: 'point', type: 'nominal' as const };
  return {
    ...base(
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
        params: legendParams(),
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          yOffset,
          x: { field: 'mean_difference', type: 'quantitative' },
          color: colour,
          opacity: legendOpacity(),
          shape: { field: 'point', type: 'nominal', title: 'sweep point' },
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
  const colour = variantColour(variants);
  const x = {
    field: 'variant',
    type: 'nominal' as const,
    title: null,
    sort: variants,
    axis: { labelAngle: -20 },
  };
  return {
    ...base(
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
        params: legendParams(),
        mark: { type: 'bar', size: 28 },
        encoding: {
          x,
          y: { field: 'q1', type: 'quantitative' },
          y2: { field: 'q3' },
          color: colour,
          opacity: legendOpacity(0.7),
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

/** Members and institutional stage over time for each organisation (medians across runs), per variant. */
export function membershipAndStage(rows: TimeseriesRow[], variants: string[]): TopLevelSpec {
  const data = rows
    .filter((r) => (r.metric === 'members' || r.metric === 'stage') && r.p50 !== null)
    .map((r) => ({
      variant: r.variant,
      org: r.org,
      metric: r.metric === 'members' ? 'member states' : 'institutional stage',
      time: r.year + ((r.step - 1) % 4) / 4,
      p50: r.p50,
    }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Membership and institutional stage',
      subtitle: 'median across runs, per organisation and variant',
    },
    config: CHART_CONFIG,
    data: { values: data },
    facet: {
      row: { field: 'metric', type: 'nominal', title: null },
      column: { field: 'org', type: 'nominal', title: null },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 220,
      height: 140,
      params: legendParams(),
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        opacity: legendOpacity(),
        x: { field: 'time', type: 'quantitative', title: 'year', axis: { format: 'd', tickMinStep: 1 } },
        y: { field: 'p50', type: 'quantitative', title: null },
        color: variantColour(variants),
        tooltip: [
          { field: 'variant' },
          { field: 'org' },
          { field: 'time', title: 'year', format: '.2f' },
          { field: 'p50', title: 'median' },
        ],
      },
    },
  } as TopLevelSpec;
}
