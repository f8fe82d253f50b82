import type { TopLevelSpec } from 'vega-lite';
import type { AdmissionRow, MilestoneRow, PowerRow, TrustRow, VetoRow } from '../tables/outcome-tables.js';
import {
  CHART_CONFIG,
  CHART_HEIGHT,
  CHART_WIDTH,
  legendOpacity,
  legendParams,
  metricLabel,
  variantColour,
} from './theme.js';

/**
 * Builders of the charts over an experiment's sweep and its per-state and per-rung tables
 * (vetoes.csv, trust.csv, milestones.csv, admissions.csv). Each takes rows already read and
 * returns a Vega-Lite spec with its data inlined.
 */

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Spread of a whole-run metric at one sweep point: from runs.csv, computed by the caller. */
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
        // The legend shows the lines' colours, not the faint band's.
        color: { ...colour, legend: null },
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
      $schema: SCHEMA,
      title,
      config: CHART_CONFIG,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      data: { values: rows },
      layer,
    } as TopLevelSpec;
  return {
    $schema: SCHEMA,
    title,
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { column: { field: 'others', type: 'nominal', title: null } },
    spec: { width: 260, height: 220, layer },
  } as TopLevelSpec;
}

/**
 * The final trust of each state (row) in each other (column), median over runs, as a heat map
 * with states grouped into blocks by subregion — trust within a subregion on the diagonal blocks,
 * across subregions off it. Each block is its own view, sized by its states (a facet cannot size
 * panels by their own states), all sharing one colour scale.
 */
export function trustHeatmap(rows: TrustRow[], variant: string, pointLabel: string): TopLevelSpec {
  const statesOf = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!statesOf.has(r.truster_subregion)) statesOf.set(r.truster_subregion, new Set());
    statesOf.get(r.truster_subregion)?.add(r.truster);
  }
  const subregions = [...statesOf.keys()].sort();
  const cell = 11;
  const block = (from: string, to: string, firstRow: boolean, firstColumn: boolean) => ({
    transform: [
      {
        filter: {
          and: [
            { field: 'truster_subregion', equal: from },
            { field: 'trusted_subregion', equal: to },
          ],
        },
      },
    ],
    width: cell * (statesOf.get(to)?.size ?? 1),
    height: cell * (statesOf.get(from)?.size ?? 1),
    mark: { type: 'rect' },
    encoding: {
      x: {
        field: 'trusted',
        type: 'nominal',
        sort: 'ascending',
        title: firstRow ? to : null,
        axis: firstRow
          ? { orient: 'top', labelAngle: -90, titleAngle: -45, titleAlign: 'left', titlePadding: 6 }
          : null,
      },
      y: {
        field: 'truster',
        type: 'nominal',
        sort: 'ascending',
        title: firstColumn ? from : null,
        axis: firstColumn ? { titleAngle: 0, titleAlign: 'right', titleBaseline: 'middle' } : null,
      },
      color: {
        field: 'p50',
        type: 'quantitative',
        title: 'trust',
        scale: { scheme: 'redyellowblue', domain: [0, 1] },
      },
      tooltip: [
        { field: 'truster', title: 'trusting' },
        { field: 'trusted', title: 'trusted' },
        { field: 'p50', title: 'median', format: '.2f' },
        { field: 'p05', title: '5%', format: '.2f' },
        { field: 'p95', title: '95%', format: '.2f' },
        { field: 'runs' },
      ],
    },
  });
  return {
    $schema: SCHEMA,
    title: {
      text: `Trust between states at the end: ${variant}`,
      subtitle: `median over runs of each state's trust (row) in each other (column), grouped by subregion${pointLabel ? `; ${pointLabel}` : ''}`,
    },
    config: {
      ...CHART_CONFIG,
      axis: {
        ...CHART_CONFIG.axis,
        grid: false,
        labelFontSize: 9,
        titleFontSize: 11,
        ticks: false,
        domain: false,
      },
      concat: { spacing: 3 },
    },
    data: { values: rows },
    // A grid whose rows and columns each take their block's size; titles do not widen them.
    columns: subregions.length,
    align: 'each',
    bounds: 'flush',
    concat: subregions.flatMap((from, r) => subregions.map((to, c) => block(from, to, r === 0, c === 0))),
  } as TopLevelSpec;
}

/** Vetoes each state used per run in one organisation, per variant; states ordered by vetoes used. */
export function vetoesByState(rows: VetoRow[], variants: string[], org: string, limit = 25): TopLevelSpec {
  // Points pooled: the mean over every run of the variant.
  const pooled = new Map<
    string,
    { variant: string; state: string; vetoes: number; runs: number; share: number }
  >();
  for (const r of rows) {
    if (r.org !== org) continue;
    const key = `${r.variant}|${r.state}`;
    const cell = pooled.get(key) ?? { variant: r.variant, state: r.state, vetoes: 0, runs: 0, share: 0 };
    cell.vetoes += r.mean_vetoes * r.runs;
    cell.share += r.share_of_runs * r.runs;
    cell.runs += r.runs;
    pooled.set(key, cell);
  }
  const totals = new Map<string, number>();
  for (const c of pooled.values()) totals.set(c.state, (totals.get(c.state) ?? 0) + c.vetoes / c.runs);
  const order = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([state]) => state);
  const data = [...pooled.values()]
    .filter((c) => order.includes(c.state))
    .map((c) => ({ variant: c.variant, state: c.state, vetoes: c.vetoes / c.runs, share: c.share / c.runs }));
  return {
    $schema: SCHEMA,
    title: {
      text: `${org}: vetoes used per run, by state`,
      subtitle: `mean over runs of the vetoes each state cast that blocked a decision; the ${order.length} states that used most`,
    },
    config: CHART_CONFIG,
    // With an offset per variant, the step is one bar's width.
    width: { step: variants.length > 4 ? 6 : 9 },
    height: CHART_HEIGHT,
    data: { values: data },
    params: legendParams(),
    mark: { type: 'bar' },
    encoding: {
      opacity: legendOpacity(),
      x: { field: 'state', type: 'nominal', title: 'state', sort: order, axis: { labelAngle: -60 } },
      xOffset: { field: 'variant', type: 'nominal', sort: variants },
      y: { field: 'vetoes', type: 'quantitative', title: 'vetoes per run' },
      color: variantColour(variants),
      tooltip: [
        { field: 'state' },
        { field: 'variant' },
        { field: 'vetoes', title: 'vetoes per run', format: '.2f' },
        { field: 'share', title: 'share of runs with a veto', format: '.0%' },
      ],
    },
  } as TopLevelSpec;
}

/**
 * The probability of having reached each rung not held at the start, by year, per variant: one
 * panel per rung, in ladder order.
 */
export function milestonesChart(
  rows: MilestoneRow[],
  variants: string[],
  org: string,
  pointLabels: Record<string, string> = {},
): TopLevelSpec {
  const data = rows
    .filter((r) => r.org === org && r.held_at_start < 1)
    .map((r) => ({ ...r, point: pointLabels[r.point] ?? r.point }));
  const rungs = [...new Map(data.map((r) => [r.rung, r.order])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([rung]) => rung);
  const swept = new Set(data.map((r) => r.point)).size > 1;
  return {
    $schema: SCHEMA,
    title: {
      text: `${org}: chance of reaching each institutional rung, by year`,
      subtitle: `share of runs that had reached the rung by the end of the year${swept ? '; dashes: sweep points' : ''}`,
    },
    config: CHART_CONFIG,
    data: { values: data },
    facet: {
      column: {
        field: 'rung',
        type: 'nominal',
        title: null,
        sort: rungs,
        header: { labelFontWeight: 'bold' },
      },
    },
    spec: {
      width: 200,
      height: 180,
      params: legendParams(),
      mark: { type: 'line', strokeWidth: 2, point: true },
      encoding: {
        opacity: legendOpacity(),
        x: { field: 'year', type: 'quantitative', title: 'year', axis: { format: 'd', tickMinStep: 1 } },
        y: {
          field: 'share_reached',
          type: 'quantitative',
          title: 'share of runs',
          scale: { domain: [0, 1] },
          axis: { format: '.0%' },
        },
        color: variantColour(variants),
        ...(swept ? { strokeDash: { field: 'point', type: 'nominal', title: 'sweep point' } } : {}),
        detail: { field: 'point', type: 'nominal' },
        tooltip: [
          { field: 'variant' },
          { field: 'point', title: 'sweep point' },
          { field: 'rung' },
          { field: 'year' },
          { field: 'share_reached', title: 'reached by then', format: '.0%' },
          { field: 'runs' },
        ],
      },
    },
  } as TopLevelSpec;
}

/** How often each applicant was admitted to each organisation, per variant (sweep points pooled). */
export function admissionsChart(rows: AdmissionRow[], variants: string[]): TopLevelSpec {
  const pooled = new Map<
    string,
    { variant: string; org: string; state: string; admitted: number; runs: number }
  >();
  for (const r of rows) {
    const key = `${r.variant}|${r.org}|${r.state}`;
    const cell = pooled.get(key) ?? { variant: r.variant, org: r.org, state: r.state, admitted: 0, runs: 0 };
    cell.admitted += r.share_admitted * r.runs;
    cell.runs += r.runs;
    pooled.set(key, cell);
  }
  const data = [...pooled.values()].map((c) => ({ ...c, share: c.admitted / c.runs }));
  return {
    $schema: SCHEMA,
    title: {
      text: 'Admissions: how often each applicant got in',
      subtitle: 'share of runs in which the state was admitted, per organisation and variant',
    },
    config: CHART_CONFIG,
    data: { values: data },
    facet: { row: { field: 'org', type: 'nominal', title: null, header: { labelFontWeight: 'bold' } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 420,
      // With an offset per variant, the step is one bar's height.
      height: { step: 7 },
      params: legendParams(),
      mark: { type: 'bar' },
      encoding: {
        opacity: legendOpacity(),
        y: { field: 'state', type: 'nominal', title: null },
        yOffset: { field: 'variant', type: 'nominal', sort: variants },
        x: {
          field: 'share',
          type: 'quantitative',
          title: 'share of runs admitted',
          scale: { domain: [0, 1] },
          axis: { format: '.0%' },
        },
        color: variantColour(variants),
        tooltip: [
          { field: 'state' },
          { field: 'org' },
          { field: 'variant' },
          { field: 'share', title: 'admitted in', format: '.0%' },
          { field: 'runs' },
        ],
      },
    },
  } as TopLevelSpec;
}

/**
 * Each member's share of voting power under each variant's rule (normalised Banzhaf), members
 * ordered by their mean power — the same chart as `cica-sim power --compare --chart`, coloured
 * by variant like the rest of the report.
 */
export function powerByVariant(rows: PowerRow[], variants: string[]): TopLevelSpec {
  const meanPower = new Map<string, number>();
  for (const r of rows) meanPower.set(r.member, (meanPower.get(r.member) ?? 0) + r.banzhaf);
  const order = [...meanPower.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([m]) => m);
  const present = variants.filter((v) => rows.some((r) => r.variant === v));
  const { org, kind } = rows[0] ?? { org: '', kind: '' };
  return {
    $schema: SCHEMA,
    title: {
      text: `${org}: voting power under each variant's rule for ${kind} proposals`,
      subtitle:
        'normalised Banzhaf index of each member (all yes/no coalitions equally likely); the tooltip gives the rule and how often a random proposal passes',
    },
    config: CHART_CONFIG,
    width: { step: present.length > 3 ? 5 : 9 },
    height: CHART_HEIGHT,
    data: { values: rows },
    params: legendParams(),
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'member', type: 'nominal', title: 'member', sort: order, axis: { labelAngle: -60 } },
      xOffset: { field: 'variant', type: 'nominal', sort: variants },
      y: { field: 'banzhaf', type: 'quantitative', title: 'share of voting power (normalised Banzhaf)' },
      color: variantColour(variants),
      opacity: legendOpacity(),
      tooltip: [
        { field: 'member' },
        { field: 'variant' },
        { field: 'rule' },
        { field: 'banzhaf', title: 'Banzhaf', format: '.4f' },
        { field: 'shapley_shubik', title: 'Shapley–Shubik', format: '.4f' },
        { field: 'passage_probability', title: 'a random proposal passes', format: '.2e' },
        { field: 'method' },
      ],
    },
  } as TopLevelSpec;
}
