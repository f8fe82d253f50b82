import type { TopLevelSpec } from 'vega-lite';
import type { AdmissionRow } from '../../tables/outcome-tables.js';
import { chartHead } from '../base-spec.js';
import { legendOpacity, legendParams, variantColour } from '../theme.js';

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
    ...chartHead(
      'Admissions: how often each applicant got in',
      'share of runs in which the state was admitted, per organisation and variant',
    ),
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
