import { NO, YES } from '../../rules/votes.js';
import {
  champions,
  leaderStances,
  objectionBoundary,
  objects,
  type ScoringTerms,
  scoringTerms,
} from '../score.js';
import { orgPasses, type RunState, ruleOfProposal } from '../state.js';
import type { World } from '../world.js';

/**
 * Marks in proposal p's votes row (scratch: castVotes overwrites it) each member's expected vote:
 * NO for a likely objector, YES otherwise; returns whether there is a likely objector. With
 * `firstSettles` (one objector blocks) it stops at the first found, and tests first the member
 * that objected last time in the organisation — the likeliest to again, so a round usually takes
 * one score, not a scan. The answer does not depend on the order: only whether one exists is used.
 * The search runs in WebAssembly where the run has the kernel (member-kernels.wat) and the score
 * is the built-in one; markHere is the same in JavaScript, the reference.
 */
function marksObjectors(
  world: World,
  state: RunState,
  p: number,
  threshold: number,
  boundary: number,
  firstSettles: boolean,
): boolean {
  const { n } = world;
  const terms = scoringTerms(world, state, p);
  const { o } = terms;
  leaderStances(world, state, state.leaderStance);
  const last = firstSettles ? state.lastObjector[o] : -1;
  const tested = last >= 0 && state.memberMark[o * n + last] ? last : -1;
  const kernels = world.formula ? null : state.memberKernels;
  kernels?.setProposal(state.step, terms, state.salienceEpoch, state.leaderStanceEpoch);
  const first = kernels
    ? kernels.markObjectors(
        p * n,
        state.memberCount[o],
        tested,
        firstSettles ? 1 : 0,
        threshold,
        boundary,
        world.cbmDimension[terms.c],
      )
    : markHere(world, state, terms, threshold, boundary, firstSettles, tested);
  if (first >= 0 && firstSettles) state.lastObjector[o] = first;
  return first >= 0;
}

/** marksObjectors's search in JavaScript: returns the first likely objector found, or −1. */
export function markHere(
  world: World,
  state: RunState,
  terms: ScoringTerms,
  threshold: number,
  boundary: number,
  firstSettles: boolean,
  tested: number,
): number {
  const { n } = world;
  const { p, o } = terms;
  const stances = world.parameters.voting.leaderWeight === 0 ? null : state.leaderStance;
  let first = -1;
  // m = −1 is the last objector, when a member; it is not tested again in member order.
  for (let m = tested >= 0 ? -1 : 0; m < state.memberCount[o]; m++) {
    const i = m < 0 ? tested : state.memberList[o * n + m];
    if (m >= 0 && i === tested) continue;
    const objecting =
      !champions(world, terms, i) && objects(world, state, terms, i, threshold, boundary, stances);
    state.votes[p * n + i] = objecting ? NO : YES;
    if (!objecting) continue;
    if (first < 0) first = i;
    if (firstSettles) return i;
  }
  return first;
}

/**
 * Before each vote the chair amends the proposal (docs/MODEL.md §Deliberation). Why this is the
 * model of consensus: under consensus any objector blocks, so the chair lowers bindingness and
 * cost until no one is likely to object — more proposals pass, but diluted. Under a quota the
 * chair only needs enough support, so fewer amendments and more ambitious measures.
 *
 * Each round: members whose chance of voting no is at least `amendment.objectionThreshold` are the
 * likely objectors; if the organisation's rule would still pass the proposal with exactly those
 * voting no and everyone else yes, deliberation ends. Otherwise bindingness is cut by
 * `bindingnessCut` and cost by `costCut` (shares), and the benefit the text delivers by
 * (1 − bindingnessCut)^benefitElasticity, up to `rounds` amendments. Draws nothing.
 */
export function deliberate(world: World, state: RunState): void {
  const { enabled, rounds, objectionThreshold, bindingnessCut, costCut, benefitElasticity } =
    world.parameters.amendment;
  if (!enabled) return;
  // Dilution costs substance: the benefit delivered scales with bindingness^elasticity.
  const benefitKept = (1 - bindingnessCut) ** benefitElasticity;
  const { n } = world;
  const boundary = objectionBoundary(objectionThreshold);
  if (state.trace) state.traceAmendments = [];
  for (let p = 0; p < state.proposalCount; p++) {
    // A joint CBM is one text for two organisations: it is put to both as it stands.
    if (state.proposalPartner[p] >= 0) continue;
    const o = state.proposalOrg[p];
    const base = o * n;
    const count = state.memberCount[o];
    // Institutions reached (a council for mediation, say) may allow more rounds.
    const allowed = rounds + world.stageRounds[world.stageOffset[o] + state.stage[o]];
    const rule = ruleOfProposal(state, p);
    // Under unanimity and consensus one likely objector settles it (unless the trace lists them all).
    const anyObjectorBlocks = (rule.kind === 'unanimity' || rule.kind === 'consensus') && !state.trace;
    // After the last amendment allowed the text goes to the vote as it is: no need to test it.
    for (let round = 0; round < allowed; round++) {
      const objector = marksObjectors(world, state, p, objectionThreshold, boundary, anyObjectorBlocks);
      const expected = !(objector && anyObjectorBlocks) && orgPasses(world, state, o, rule, p);
      if (expected) break;
      if (state.trace) {
        const objectors: string[] = [];
        for (let m = 0; m < count; m++) {
          const i = state.memberList[base + m];
          if (state.votes[p * n + i] === NO) objectors.push(world.stateIds[i]);
        }
        state.traceAmendments[p] ??= [];
        state.traceAmendments[p].push({
          bindingness: state.proposalBindingness[p],
          cost: state.proposalCost[p],
          objectors,
        });
      }
      state.proposalBindingness[p] *= 1 - bindingnessCut;
      state.proposalCost[p] *= 1 - costCut;
      state.proposalBenefit[p] *= benefitKept;
      state.amendments[o]++;
    }
  }
}
