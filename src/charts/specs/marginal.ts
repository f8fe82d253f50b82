import type { TopLevelSpec } from 'vega-lite';
import type { DrawRow } from '../../tables/calibration-tables.js';
import { baseSpec } from '../base-spec.js';

/**
 * One parameter's marginal in a calibration: the share of the prior draws in each bin, and of the
 * accepted draws (the posterior) — where history pushed the parameter, and how far.
 */
export function marginalChart(rows: DrawRow[], path: string): TopLevelSpec {
  const values = [
    ...rows.map((r) => ({ value: r[path], sample: 'prior' })),
    ...rows.filter((r) => r.accepted === 1).map((r) => ({ value: r[path], sample: 'posterior' })),
  ];
  return {
    ...baseSpec(path, 'share of the prior draws, and of the accepted draws (the posterior), in each bin'),
    height: 220,
    data: { values },
    transform: [
      { joinaggregate: [{ op: 'count', as: 'total' }], groupby: ['sample'] },
      { calculate: '1 / datum.total', as: 'share' },
    ],
    mark: { type: 'bar', opacity: 0.6 },
    encoding: {
      x: { field: 'value', type: 'quantitative', bin: { maxbins: 20 }, title: path },
      y: { aggregate: 'sum', field: 'share', type: 'quantitative', stack: null, title: 'share of draws' },
      color: {
        field: 'sample',
        type: 'nominal',
        title: null,
        sort: ['prior', 'posterior'],
        scale: { domain: ['prior', 'posterior'], range: ['#bab0ac', '#4e79a7'] },
      },
    },
  } as TopLevelSpec;
}
