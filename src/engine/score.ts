import { DIMENSION_COUNT } from '../model/dimensions.js';
import type { RunState } from './state.js';
import { trustAt } from './trust.js';
import type { World } from './world.js';

/**
 * How much state i wants CBM c adopted (docs/MODEL.md §Voting):
 *
 *   score = Σ_d salience[i,d] × benefit[c,d]
 *         − cost[c] × (1 + sovereigntyWeight × sovereignty[i] × bindingness[c])
 *         + proposerTrustWeight × (trust(i → proposer) − ½)
 *         + memberTrustWeight × (mean trust(i → other members) − ½)
 *
 * Sovereignty-sensitive states pay more for binding measures; trust in the proposer and in
 * those who would take part makes a state readier to say yes.
 */
export function scoreCbm(
  world: World,
  state: RunState,
  o: number,
  i: number,
  c: number,
  proposer: number,
): number {
  const { voting } = world.parameters;
  let benefit = 0;
  for (let d = 0; d < DIMENSION_COUNT; d++) {
    benefit += world.salience[i * DIMENSION_COUNT + d] * world.cbmBenefit[c * DIMENSION_COUNT + d];
  }
  const cost =
    world.cbmCost[c] * (1 + voting.sovereigntyWeight * world.sovereignty[i] * world.cbmBindingness[c]);
  const proposerTrust = trustAt(state.trust, i, proposer, state.step);
  const memberTrust = state.meanTrustToMembers[o * world.n + i];
  return (
    benefit -
    cost +
    voting.proposerTrustWeight * (proposerTrust - 0.5) +
    voting.memberTrustWeight * (memberTrust - 0.5)
  );
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
