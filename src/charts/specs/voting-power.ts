import type { TopLevelSpec } from 'vega-lite';
import type { PowerResult } from '../../rules/power/indices.js';
import { chartHead } from '../base-spec.js';
import { variantColour } from '../theme.js';

/**
 * Voting power per member under each rule (cica-sim power --compare --chart): the normalised
 * Banzhaf index of every member, one bar per rule, members ordered by their mean power, with the
 * rule's passage probability in its legend label. Colours by rule, as variants elsewhere.
 */
export function votingPowerChart(bodies: { label: string; result: PowerResult }[]): TopLevelSpec {
  // Unanimity of 28 passes once in 2^28: a share that small reads better in powers of ten.
  const share = (p: number) => (p >= 0.001 ? `${(100 * p).toFixed(1)}%` : `${(100 * p).toExponential(1)}%`);
  const labels = bodies.map(({ label, result }) => `${label} (passes ${share(result.passageProbability)})`);
  const data = bodies.flatMap(({ result }, k) =>
    result.members.map((m) => ({
      variant: labels[k],
      member: m.id,
      banzhaf: m.banzhaf,
      shapleyShubik: m.shapleyShubik,
    })),
  );
  const meanPower = new Map<string, number>();
  for (const row of data) meanPower.set(row.member, (meanPower.get(row.member) ?? 0) + row.banzhaf);
  const order = [...meanPower.entries()].sort((a, b) => b[1] - a[1]).map(([member]) => member);
  return {
    ...chartHead(
      'Voting power under each rule',
      'normalised Banzhaf index of each member (all yes/no coalitions equally likely); in brackets, how often a random proposal passes',
    ),
    // With an offset per rule, the step is one bar's width.
    width: { step: bodies.length > 3 ? 7 : 10 },
    height: 300,
    data: { values: data },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'member', type: 'nominal', title: 'member', sort: order, axis: { labelAngle: -60 } },
      xOffset: { field: 'variant', type: 'nominal', sort: labels },
      y: { field: 'banzhaf', type: 'quantitative', title: 'share of voting power (normalised Banzhaf)' },
      color: {
        ...variantColour(labels),
        title: 'rule',
        legend: { orient: 'bottom', direction: 'vertical', labelLimit: 1000 },
      },
      tooltip: [
        { field: 'member' },
        { field: 'variant', title: 'rule' },
        { field: 'banzhaf', title: 'Banzhaf', format: '.4f' },
        { field: 'shapleyShubik', title: 'Shapley–Shubik', format: '.4f' },
      ],
    },
  } as TopLevelSpec;
}
