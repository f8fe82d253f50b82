import type { TopLevelSpec } from 'vega-lite';
import type { VetoRow } from '../../tables/outcome-tables.js';
import { chartHead } from '../base-spec.js';
import { CHART_HEIGHT, legendOpacity, legendParams, variantColour } from '../theme.js';

/** What a chart of vetoes.csv counts: vetoes (a veto holder's no), or blocks (any pivotal no, under any rule). */
const MEASURES = {
  vetoes: {
    mean: 'mean_vetoes',
    share: 'share_of_runs',
    title: 'vetoes used per run',
    subtitle: 'the vetoes each state cast that blocked a decision',
    shareTitle: 'share of runs with a veto',
  },
  blocks: {
    mean: 'mean_blocks',
    share: 'share_of_runs_blocking',
    title: 'blocks per run',
    subtitle: 'each state\'s "no" votes that were pivotal to a measure\'s failure, under any rule',
    shareTitle: 'share of runs with a block',
  },
} as const;

/** Vetoes (or blocks) of each state per run in one organisation, per variant; states ordered by the count. */
export function vetoesByState(
  rows: VetoRow[],
  variants: string[],
  org: string,
  limit = 25,
  measure: keyof typeof MEASURES = 'vetoes',
): TopLevelSpec {
  const m = MEASURES[measure];
  // Points pooled: the mean over every run of the variant.
  const pooled = new Map<
    string,
    { variant: string; state: string; vetoes: number; runs: number; share: number }
  >();
  for (const r of rows) {
    if (r.org !== org) continue;
    const key = `${r.variant}|${r.state}`;
    const cell = pooled.get(key) ?? { variant: r.variant, state: r.state, vetoes: 0, runs: 0, share: 0 };
    cell.vetoes += r[m.mean] * r.runs;
    cell.share += r[m.share] * r.runs;
    cell.runs += r.runs;
    pooled.set(key, cell);
  }
  const totals = new Map<string, number>();
  for (const c of pooled.values()) totals.set(c.state, (totals.get(c.state) ?? 0) + c.vetoes / c.runs);
  const order = [...totals.entries()]
    .filter(([, total]) => total > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([state]) => state);
  const data = [...pooled.values()]
    .filter((c) => order.includes(c.state))
    .map((c) => ({ variant: c.variant, state: c.state, vetoes: c.vetoes / c.runs, share: c.share / c.runs }));
  return {
    ...chartHead(
      `${org}: ${m.title}, by state`,
      `mean over runs of ${m.subtitle}; the ${order.length} states with most`,
    ),
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
      y: { field: 'vetoes', type: 'quantitative', title: m.title },
      color: variantColour(variants),
      tooltip: [
        { field: 'state' },
        { field: 'variant' },
        { field: 'vetoes', title: m.title, format: '.2f' },
        { field: 'share', title: m.shareTitle, format: '.0%' },
      ],
    },
  } as TopLevelSpec;
}
