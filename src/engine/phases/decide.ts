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
 * Who voted yes and who no on proposal p, each in member order: the yes voters in state.fromList,
 * the no voters in state.toList (the lists the pair loops read). One pass for what a failed
 * proposal's vetoes, blocks and blame all need. Returns the number of yes voters; the no voters
 * are then in state.noCount.
 */
function splitVotes(world: World, state: RunState, p: number): number {
  const { n } = world;
  const o = state.proposalOrg[p];
  const { fromList, toList } = state;
  let yes = 0;
  let no = 0;
  for (let m = 0; m < state.memberCount[o]; m++) {
    const i = state.memberList[o * n + m];
    const vote = state.votes[p * n + i];
    if (vote === YES) fromList[yes++] = i;
    else if (vote === NO) toList[no++] = i;
  }
  state.noCount = no;
  return yes;
}

/**
 * A failed proposal costs a little trust toward those who blocked it: each member that voted yes
 * adds `trust.blockingPenalty` of negative evidence toward each member that voted no (the lists
 * of splitVotes, in member order: kernels penalise).
 */
function blame(world: World, state: RunState, yes: number, no: number): void {
  const penalty = world.parameters.trust.blockingPenalty;
  if (penalty === 0 || yes === 0 || no === 0) return;
  state.trust.kernels.penalise(state.step, state.fromList, yes, state.toList, no, penalty);
}

/**
 * Blocks, under any rule (docs/MODEL.md §Deciding): each "no" on a failed CBM proposal that was
 * pivotal — a "yes" instead would have passed it (rules/decide.ts markPivotal). Under consensus a
 * lone objector's no is a block (and a veto); under a quota a no is a block when the measure fell
 * one vote short. A joint CBM that passed here and failed in the partner organisation was blocked
 * there, not here. The no voters are state.toList[0 .. no), from splitVotes.
 */
function countBlocks(world: World, state: RunState, p: number, yes: number, no: number): void {
  const { n } = world;
  const o = state.proposalOrg[p];
  const rule = ruleOfProposal(state, p);
  const { votes, toList } = state;
  const count = state.memberCount[o];
  if (rule.kind !== 'quota') {
    // A rule of counts: a "no" is a block when one more yes and one fewer no would pass it.
    // A joint CBM this organisation adopted failed in its partner: nobody here blocked it.
    if (passesByCount(rule, yes, no, count) || !passesByCount(rule, yes + 1, no - 1, count)) return;
    for (let k = 0; k < no; k++) {
      state.blocks[o]++;
      state.blocksByState[o * n + toList[k]]++;
    }
    return;
  }
  if (passes(rule, state.bodies[o], votes, p * n)) return;
  // Only a "no" can be a block: each is flipped to "yes" in turn (markPivotal's test, on the few).
  for (let k = 0; k < no; k++) {
    const i = toList[k];
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
    const yes = splitVotes(world, state, p);
    const no = state.noCount;
    if (state.proposalKind[p] === 0) {
      // Veto holders are those of the CBM rule: vetoes are counted on CBM proposals.
      for (let k = 0; k < no; k++) {
        const i = state.toList[k];
        if (state.vetoHolder[o * n + i]) {
          state.vetoes[o]++;
          state.vetoesByState[o * n + i]++;
        }
      }
      countBlocks(world, state, p, yes, no);
    }
    blame(world, state, yes, no);
  }
}
