import type { TopLevelSpec } from 'vega-lite';
import type { PowerRow } from '../../tables/outcome-tables.js';
import { chartHead } from '../base-spec.js';
import { CHART_HEIGHT, legendOpacity, legendParams, variantColour } from '../theme.js';

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
    ...chartHead(
      `${org}: voting power under each variant's rule for ${kind} proposals`,
      'normalised Banzhaf index of each member (all yes/no coalitions equally likely); the tooltip gives the rule and how often a random proposal passes',
    ),
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
