import type { TopLevelSpec } from 'vega-lite';
import type { CompareRow } from '../../tables/experiment-tables.js';
import { chartHead } from '../base-spec.js';
import { metricLabel, variantColour } from '../theme.js';

/**
 * The findings in one picture, a forest plot: for each charted metric (a row of panels, each on
 * its own scale) every variant's mean paired difference from the reference with its 95%
 * interval, one column of panels per organisation. A difference whose interval holds zero is
 * drawn faint and hollow: the runs do not tell it from no change. Variants are named on the axis,
 * so no colour legend repeats them. Only the first sweep point is drawn (sweeps have their own
 * charts).
 */
export function findingsFigure(
  rows: CompareRow[],
  variants: string[],
  orgs: string[],
  metrics: string[],
  title = 'What changes, against the reference',
): TopLevelSpec {
  const firstPoint = rows[0]?.point;
  const data = rows
    .filter(
      (r) =>
        r.point === firstPoint &&
        orgs.includes(r.org) &&
        metrics.includes(r.metric) &&
        r.mean_difference !== null &&
        r.ci95_low !== null &&
        r.ci95_high !== null,
    )
    .map((r) => ({
      ...r,
      clear: (r.ci95_low as number) > 0 || (r.ci95_high as number) < 0 ? 'clear' : 'not clear',
    }));
  const reference = rows[0]?.reference ?? variants[0];
  const drawn = variants.filter((v) => v !== reference);
  const colour = { ...variantColour(variants), legend: null };
  const y = { field: 'variant', type: 'nominal' as const, title: null, sort: drawn };
  const mutedOpacity = { condition: { test: "datum.clear === 'clear'", value: 1 }, value: 0.3 };
  return {
    ...chartHead(
      title,
      `mean paired difference from “${reference}” over runs, with its 95% interval; faint and hollow: the interval holds zero`,
    ),
    data: { values: data },
    // A row of panels per metric, a panel per organisation, each on its own scale.
    vconcat: metrics
      .filter((metric) => data.some((d) => d.metric === metric))
      .map((metric) => ({
        title: { text: metricLabel(metric), anchor: 'start', fontSize: 13 },
        transform: [{ filter: { field: 'metric', equal: metric } }],
        facet: {
          column: {
            field: 'org',
            type: 'nominal',
            title: null,
            sort: orgs,
            header: orgs.length > 1 ? { labelFontWeight: 'bold' } : { labels: false },
          },
        },
        spec: {
          width: orgs.length > 1 ? Math.max(160, Math.floor(560 / orgs.length)) : 560,
          height: { step: 16 },
          layer: [
            { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0 } } },
            {
              mark: { type: 'rule', strokeWidth: 2 },
              encoding: {
                y,
                x: { field: 'ci95_low', type: 'quantitative', title: null },
                x2: { field: 'ci95_high' },
                color: colour,
                opacity: mutedOpacity,
              },
            },
            pointLayer(y, colour, mutedOpacity),
          ],
        },
        resolve: { scale: { x: 'independent' } },
      })),
  } as TopLevelSpec;
}

/** The mean difference: a filled point when its interval excludes zero, a hollow faint one when not. */
function pointLayer(y: object, colour: ReturnType<typeof variantColour> & { legend: null }, opacity: object) {
  return {
    mark: { type: 'point', size: 70, strokeWidth: 2 },
    encoding: {
      y,
      x: { field: 'mean_difference', type: 'quantitative' },
      color: colour,
      fill: {
        condition: {
          test: "datum.clear === 'clear'",
          field: 'variant',
          type: 'nominal',
          scale: colour.scale,
          legend: null,
        },
        value: 'white',
      },
      opacity,
      tooltip: [
        { field: 'org' },
        { field: 'variant' },
        { field: 'label', title: 'metric' },
        { field: 'mean_difference', title: 'mean difference', format: '.4f' },
        { field: 'ci95_low', title: '95% low', format: '.4f' },
        { field: 'ci95_high', title: '95% high', format: '.4f' },
        { field: 'clear', title: 'interval' },
      ],
    },
  };
}
