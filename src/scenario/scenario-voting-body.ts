import { InputError } from '../input/errors.js';
import { PROPOSAL_KINDS, type ProposalKind } from '../model/proposals.js';
import type { Scenario } from './schema.js';
import type { VotingBody } from './voting-body.js';

/**
 * The voting body of organisation `orgId` in a scenario, deciding proposals of `kind`: its members
 * with their weights (`organisations.<ID>.weights`, default 1) and populations, and its rule for
 * that kind (or its default rule).
 */
export function votingBodyFromScenario(
  scenario: Scenario,
  file: string,
  orgId: string,
  kind: string,
): VotingBody {
  const org = scenario.organisations[orgId];
  if (!org) {
    throw new InputError([
      {
        location: { file },
        path: `organisations.${orgId}`,
        message: `no organisation "${orgId}" in this scenario; expected one of ${Object.keys(scenario.organisations).join(', ')}`,
      },
    ]);
  }
  if (!(PROPOSAL_KINDS as readonly string[]).includes(kind)) {
    throw new InputError([
      {
        location: { file: '--kind' },
        path: '',
        message: `expected one of ${PROPOSAL_KINDS.join(', ')}, found "${kind}"`,
      },
    ]);
  }
  const rule = org.rules[kind as ProposalKind] ?? org.rules.default;
  return {
    label: `${orgId} ${kind}`,
    members: org.members.map((id) => ({
      id,
      weight: org.weights[id] ?? 1,
      population: scenario.actors[id].population,
    })),
    rule,
  };
}
