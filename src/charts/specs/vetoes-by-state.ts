import type { TopLevelSpec } from 'vega-lite';
import type { VetoRow } from '../../tables/outcome-tables.js';
import { chartHead } from '../base-spec.js';
import { CHART_HEIGHT, legendOpacity, legendParams, variantColour } from '../theme.js';

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
    ...chartHead(
      `${org}: vetoes used per run, by state`,
      `mean over runs of the vetoes each state cast that blocked a decision; the ${order.length} states that used most`,
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
