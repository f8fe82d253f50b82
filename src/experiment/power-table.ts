import { csvNumber } from '../metrics/timeseries.js';
import { analysePower } from '../rules/power/analyse.js';
import { describeRule, votingBodyFromScenario } from '../scenario/voting-body.js';
import type { ChartSettings } from './chart-settings.js';
import type { ResolvedExperiment } from './load.js';

/**
 * power.csv: each member's voting power in one organisation under each variant's rule for one
 * kind of proposal (at the first sweep point) — who holds power under unanimity, consensus minus
 * k, a quota... Exact up to 30 members, Monte Carlo (seeded) beyond; no run is needed, so it is
 * written when the experiment starts.
 */
export function powerTable(
  experiment: ResolvedExperiment,
  power: NonNullable<ChartSettings['power']>,
): string {
  const lines = ['variant,org,kind,rule,member,banzhaf,shapley_shubik,passage_probability,method'];
  experiment.variants.forEach((variant, v) => {
    const scenario = experiment.scenarios[v * experiment.points.length];
    if (!scenario.organisations[power.org]) return;
    const body = votingBodyFromScenario(scenario, experiment.file, power.org, power.kind);
    const result = analysePower(body.members, body.rule);
    const rule = describeRule(body.rule).replace(/"/g, '""');
    for (const member of result.members) {
      lines.push(
        `${variant},${power.org},${power.kind},"${rule}",${member.id},${csvNumber(member.banzhaf)},${csvNumber(member.shapleyShubik)},${csvNumber(result.passageProbability)},${result.method}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}
