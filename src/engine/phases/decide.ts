import { decide } from '../../rules/decide.js';
import { NO, YES } from '../../rules/votes.js';
import { type RunState, ruleOfProposal } from '../state.js';
import { addEvidence } from '../trust.js';
import type { World } from '../world.js';

/**
 * A failed proposal costs a little trust toward those who blocked it: each member that voted yes
 * adds `trust.blockingPenalty` of negative evidence toward each member that voted no.
 */
function blame(world: World, state: RunState, p: number): void {
  const penalty = world.parameters.trust.blockingPenalty;
  if (penalty === 0) return;
  const { n } = world;
  const o = state.proposalOrg[p];
  const count = state.memberCount[o];
  for (let a = 0; a < count; a++) {
    const i = state.memberList[o * n + a];
    if (state.votes[p * n + i] !== YES) continue;
    for (let b = 0; b < count; b++) {
      const j = state.memberList[o * n + b];
      if (state.votes[p * n + j] === NO) addEvidence(state.trust, i, j, state.step, 0, penalty);
    }
  }
}

/**
 * Each organisation's rule for CBMs decides each of its proposals and names who is bound by it
 * (src/rules/decide.ts). Adopted proposals add their ambition (bindingness as amended × total
 * benefit) to the step's total; a failed one counts a veto for each veto holder that voted no and
 * costs its supporters' trust in its opponents (docs/MODEL.md §Deciding).
 */
export function decideProposals(world: World, state: RunState): void {
  const { n } = world;
  for (let p = 0; p < state.proposalCount; p++) {
    const o = state.proposalOrg[p];
    const passed = decide(
      ruleOfProposal(state, p),
      state.memberList,
      o * n,
      state.memberCount[o],
      state.votes,
      p * n,
      world.weight,
      o * n,
      world.population,
      state.participants,
      p * n,
    );
    state.passed[p] = passed ? 1 : 0;
    if (passed) {
      state.adopted[o]++;
      state.ambitionSum[o] += state.proposalBindingness[p] * world.cbmTotalBenefit[state.proposalCbm[p]];
      continue;
    }
    // Veto holders are those of the CBM rule: vetoes are counted on CBM proposals.
    for (let m = 0; m < state.memberCount[o] && state.proposalKind[p] === 0; m++) {
      const i = state.memberList[o * n + m];
      if (state.votes[p * n + i] === NO && state.vetoHolder[o * n + i]) {
        state.vetoes[o]++;
        state.vetoesByState[o * n + i]++;
      }
    }
    blame(world, state, p);
  }
}
