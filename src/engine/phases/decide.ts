import { decide, markPivotal, passes, passesByCount } from '../../rules/decide.js';
import { describeRule } from '../../rules/describe.js';
import { ABSTAIN, NO, type Vote, YES } from '../../rules/votes.js';
import { scoreProposal } from '../score.js';
import { chairOf, currentYear, type RunState, ruleOfProposal } from '../state.js';
import type { World } from '../world.js';
import { resentOverruling } from './overruling.js';

const VOTE_NAMES = { [YES]: 'yes', [ABSTAIN]: 'abstain', [NO]: 'no' } as const;

/** The trace record of a decided proposal: amendments, every vote with its score, the verdict and why. */
function traceProposal(world: World, state: RunState, p: number, passed: boolean): void {
  const { n } = world;
  const o = state.proposalOrg[p];
  const c = state.proposalCbm[p];
  const members = Array.from(state.memberList.subarray(o * n, o * n + state.memberCount[o]));
  const pivotal = new Uint8Array(n);
  const rule = ruleOfProposal(state, p);
  markPivotal(rule, state.bodies[o], state.votes, p * n, pivotal, 0);
  state.trace?.({
    type: 'proposal',
    step: state.step,
    year: currentYear(world, state),
    org: world.orgIds[o],
    kind: state.proposalKind[p] === 1 ? 'crisis' : 'cbm',
    cbm: world.cbmIds[c],
    name: world.cbmNames[c],
    proposer: world.stateIds[state.proposalProposer[p]],
    chair: world.stateIds[chairOf(world, state, o)],
    amendments: state.traceAmendments[p] ?? [],
    bindingness: state.proposalBindingness[p],
    cost: state.proposalCost[p],
    rule: describeRule(rule),
    votes: members.map((i) => ({
      state: world.stateIds[i],
      vote: VOTE_NAMES[state.votes[p * n + i] as Vote],
      score: scoreProposal(world, state, p, i),
    })),
    passed,
    pivotal: members.filter((i) => pivotal[i]).map((i) => world.stateIds[i]),
    vetoes:
      passed || state.proposalKind[p] === 1
        ? []
        : members
            .filter((i) => state.votes[p * n + i] === NO && state.vetoHolder[o * n + i])
            .map((i) => world.stateIds[i]),
    participants: members.filter((i) => state.participants[p * n + i]).map((i) => world.stateIds[i]),
  });
}

/**
 * A failed proposal costs a little trust toward those who blocked it: each member that voted yes
 * adds `trust.blockingPenalty` of negative evidence toward each member that voted no.
 */
function blame(world: World, state: RunState, p: number): void {
  const penalty = world.parameters.trust.blockingPenalty;
  if (penalty === 0) return;
  const { n } = world;
  const o = state.proposalOrg[p];
  // Each yes toward each no, in member order (kernels penalise).
  const { fromList, toList } = state;
  let yes = 0;
  let no = 0;
  for (let m = 0; m < state.memberCount[o]; m++) {
    const i = state.memberList[o * n + m];
    const vote = state.votes[p * n + i];
    if (vote === YES) fromList[yes++] = i;
    else if (vote === NO) toList[no++] = i;
  }
  if (yes > 0 && no > 0) state.trust.kernels.penalise(state.step, fromList, yes, toList, no, penalty);
}

/**
 * Blocks, under any rule (docs/MODEL.md §Deciding): each "no" on a failed CBM proposal that was
 * pivotal — a "yes" instead would have passed it (rules/decide.ts markPivotal). Under consensus a
 * lone objector's no is a block (and a veto); under a quota a no is a block when the measure fell
 * one vote short. A joint CBM that passed here and failed in the partner organisation was blocked
 * there, not here.
 */
function countBlocks(world: World, state: RunState, p: number): void {
  const { n } = world;
  const o = state.proposalOrg[p];
  const rule = ruleOfProposal(state, p);
  const { votes } = state;
  const count = state.memberCount[o];
  if (rule.kind !== 'quota') {
    // A rule of counts: a "no" is a block when one more yes and one fewer no would pass it.
    let yes = 0;
    let no = 0;
    for (let m = 0; m < count; m++) {
      const vote = votes[p * n + state.memberList[o * n + m]];
      if (vote === YES) yes++;
      else if (vote === NO) no++;
    }
    // A joint CBM this organisation adopted failed in its partner: nobody here blocked it.
    if (passesByCount(rule, yes, no, count) || !passesByCount(rule, yes + 1, no - 1, count)) return;
    for (let m = 0; m < count; m++) {
      const i = state.memberList[o * n + m];
      if (votes[p * n + i] !== NO) continue;
      state.blocks[o]++;
      state.blocksByState[o * n + i]++;
    }
    return;
  }
  if (passes(rule, state.bodies[o], votes, p * n)) return;
  // Only a "no" can be a block: each is flipped to "yes" in turn (markPivotal's test, on the few).
  for (let m = 0; m < count; m++) {
    const i = state.memberList[o * n + m];
    if (votes[p * n + i] !== NO) continue;
    votes[p * n + i] = YES;
    if (passes(rule, state.bodies[o], votes, p * n)) {
      state.blocks[o]++;
      state.blocksByState[o * n + i]++;
    }
    votes[p * n + i] = NO;
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
  // 1. Each organisation's rule decides its proposals.
  for (let p = 0; p < state.proposalCount; p++) {
    const o = state.proposalOrg[p];
    const passed = decide(
      ruleOfProposal(state, p),
      state.bodies[o],
      state.votes,
      p * n,
      state.participants,
      p * n,
    );
    state.passed[p] = passed ? 1 : 0;
  }
  // 2. A joint CBM is adopted only where both organisations adopted it.
  for (let p = 0; p < state.proposalCount; p++) {
    const q = state.proposalPartner[p];
    if (q > p && !(state.passed[p] && state.passed[q])) {
      state.passed[p] = 0;
      state.passed[q] = 0;
    }
  }
  // 3. Counts, vetoes, blame, trace.
  for (let p = 0; p < state.proposalCount; p++) {
    const o = state.proposalOrg[p];
    const passed = state.passed[p] === 1;
    if (state.trace) traceProposal(world, state, p, passed);
    if (passed) {
      state.adopted[o]++;
      if (state.proposalPartner[p] >= 0) state.jointAdopted[o]++;
      // What is delivered: bindingness as adopted × the benefit the text still carries.
      state.ambitionSum[o] +=
        state.proposalBindingness[p] * world.cbmTotalBenefit[state.proposalCbm[p]] * state.proposalBenefit[p];
      resentOverruling(world, state, state.proposalOrg[p], ruleOfProposal(state, p), p);
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
    if (state.proposalKind[p] === 0) countBlocks(world, state, p);
    blame(world, state, p);
  }
}
