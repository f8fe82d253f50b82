import type { TopLevelSpec } from 'vega-lite';
import type { TimeseriesRow } from '../../tables/experiment-tables.js';
import { chartHead } from '../base-spec.js';
import { legendOpacity, legendParams, variantColour } from '../theme.js';

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
    ...chartHead('Membership and institutional stage', 'median across runs, per organisation and variant'),
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
