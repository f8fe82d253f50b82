import type { TopLevelSpec } from 'vega-lite';
import type { TrustRow } from '../../tables/outcome-tables.js';
import { chartHead } from '../base-spec.js';
import { CHART_CONFIG } from '../theme.js';

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
    ...chartHead(
      `Trust between states at the end: ${variant}`,
      `median over runs of each state's trust (row) in each other (column), grouped by subregion${pointLabel ? `; ${pointLabel}` : ''}`,
      {
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
    ),
    data: { values: rows },
    // A grid whose rows and columns each take their block's size; titles do not widen them.
    columns: subregions.length,
    align: 'each',
    bounds: 'flush',
    concat: subregions.flatMap((from, r) => subregions.map((to, c) => block(from, to, r === 0, c === 0))),
  } as TopLevelSpec;
}
