import type { TopLevelSpec } from 'vega-lite';
import type { MilestoneRow } from '../../tables/outcome-tables.js';
import { chartHead } from '../base-spec.js';
import { legendOpacity, legendParams, variantColour } from '../theme.js';

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
    ...chartHead(
      `${org}: chance of reaching each institutional rung, by year`,
      `share of runs that had reached the rung by the end of the year${swept ? '; dashes: sweep points' : ''}`,
    ),
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
