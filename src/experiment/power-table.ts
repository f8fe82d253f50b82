import { describeRule } from '../rules/describe.js';
import { analysePower } from '../rules/power/analyse.js';
import { votingBodyFromScenario } from '../scenario/scenario-voting-body.js';
import { POWER, type PowerRow } from '../tables/outcome-tables.js';
import { formatTable } from '../tables/registry.js';
import { worldIndex } from './jobs.js';
import type { Analyses, ResolvedExperiment } from './load.js';

/**
 * power.csv: each member's voting power in one organisation under each variant's rule for one
 * kind of proposal (at the first sweep point) — who holds power under unanimity, consensus minus
 * k, a quota... Exact wherever it applies (analysePower), Monte Carlo (seeded) beyond. It needs no run.
 */
export function powerTable(experiment: ResolvedExperiment, power: NonNullable<Analyses['power']>): string {
  const rows: PowerRow[] = [];
  experiment.variants.forEach((variant, v) => {
    // At the first sweep point.
    const scenario = experiment.scenarios[worldIndex({ points: experiment.points.length }, v, 0)];
    if (!scenario.organisations[power.org]) return;
    const body = votingBodyFromScenario(scenario, experiment.file, power.org, power.kind);
    const result = analysePower(body.members, body.rule);
    const rule = describeRule(body.rule);
    for (const member of result.members) {
      rows.push({
        variant,
        org: power.org,
        kind: power.kind,
        rule,
        member: member.id,
        banzhaf: member.banzhaf,
        shapley_shubik: member.shapleyShubik,
        passage_probability: result.passageProbability,
        method: result.method,
      });
    }
  });
  return formatTable(POWER, rows);
}
