import type { Config } from 'vega-lite';

/**
 * The look of every chart: one font (the machine's DejaVu Sans renders the same in SVG, PNG and
 * the browser), sizes readable on a laptop screen, and one colour per variant that stays the same
 * across charts (the scale's domain is always the experiment's variants, in order).
 */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;

export const CHART_CONFIG: Config = {
  font: 'DejaVu Sans',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 13, grid: true, gridOpacity: 0.5, labelLimit: 260 },
  header: { labelFontSize: 12, titleFontSize: 13, labelLimit: 400 },
  legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 260 },
  title: { fontSize: 16, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555' },
};

/** Tableau 10: distinguishable, colour-blind-aware enough for up to ten variants. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/**
 * The colour of variant k: Tableau 10 for the first ten; after them, hues a golden angle apart at
 * two lightnesses, so no two variants share a colour however many there are.
 */
export function variantColourAt(k: number): string {
  if (k < PALETTE.length) return PALETTE[k];
  const extra = k - PALETTE.length;
  const hue = (extra * 137.508 + 15) % 360;
  const lightness = extra % 2 === 0 ? 38 : 58;
  return `hsl(${hue.toFixed(1)}, 55%, ${lightness}%)`;
}

/** The colour encoding of variants, identical in every chart of one experiment. */
export function variantColour(variants: string[]) {
  return {
    field: 'variant',
    type: 'nominal' as const,
    title: 'variant',
    sort: variants,
    scale: { domain: variants, range: variants.map((_, k) => variantColourAt(k)) },
  };
}

/**
 * Clicking a variant in the legend highlights it (shift-click for several) and fades the others:
 * `params` go on one view (one layer) of a chart, `legendOpacity` on the marks to fade.
 */
export const LEGEND_PICK = 'variant_pick';

export function legendParams() {
  return [
    { name: LEGEND_PICK, select: { type: 'point' as const, fields: ['variant'] }, bind: 'legend' as const },
  ];
}

export function legendOpacity(selected = 1, faded = 0.12) {
  return { condition: { param: LEGEND_PICK, value: selected }, value: faded };
}

/** Words a reader understands, for each metric. */
export const METRIC_LABELS: Record<string, string> = {
  members: 'member states',
  proposals: 'proposals put to a vote',
  adopted: 'proposals adopted',
  adoption_rate: 'adoption rate (adopted / proposed)',
  ambition: 'ambition of what is adopted (bindingness × benefit)',
  mean_trust: 'mean trust among members (0–1)',
  cohesion: 'cohesion (share of member pairs trusting > ½)',
  cbms_implemented: 'CBM implementations',
  stage: 'institutional stage (rungs reached)',
  conflicts: 'conflicts between members',
  amendments: 'amendments before votes',
  reforms: 'institutional reforms',
  shocks: 'shocks touching members',
  applications: 'applications for membership',
  admissions: 'admissions',
  partnerships: 'partner organisations',
  joint_adopted: 'joint CBMs adopted',
  vetoes: 'vetoes used',
  next_rung_reached: 'next institutional rung reached (1 = yes)',
  years_to_next_rung: 'years to the next institutional rung',
};

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric.replace(/_/g, ' ').replace(/^cbms /, 'CBM implementations: ');
}
