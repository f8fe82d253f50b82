import { decide } from '../../rules/decide.js';
import { NO } from '../../rules/votes.js';
import type { RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Each organisation's rule for CBMs decides each of its proposals and names who is bound by it
 * (src/rules/decide.ts). Adopted proposals add their ambition to the step's total; a failed one
 * counts a veto for each veto holder that voted no (docs/MODEL.md §Deciding).
 */
export function decideProposals(world: World, state: RunState): void {
  const { n } = world;
  for (let p = 0; p < state.proposalCount; p++) {
    const o = state.proposalOrg[p];
    const passed = decide(
      world.cbmRule[o],
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
      state.ambitionSum[o] += world.cbmAmbition[state.proposalCbm[p]];
      continue;
    }
    for (let m = 0; m < state.memberCount[o]; m++) {
      const i = state.memberList[o * n + m];
      if (state.votes[p * n + i] === NO && state.vetoHolder[o * n + i]) {
        state.vetoes[o]++;
        state.vetoesByState[o * n + i]++;
      }
    }
  }
}
