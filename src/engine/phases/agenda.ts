import { DIMENSION_COUNT } from '../../model/dimensions.js';
import { randomIndex } from '../../util/rng.js';
import type { RunRandom } from '../random.js';
import { chairOf, isMember, type RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Each organisation tables up to `agendaSize` CBMs this step (docs/MODEL.md §Agenda): "from the
 * simple to the complex" (seeds 000, 002), a CBM of level L is eligible only while mean trust
 * among members is at least levelThreshold[L − 1] — and only while it is not in force as tabled
 * (a measure in force is implemented, not adopted again; a diluted one may be tabled again in
 * its full version). Proposals are drawn from the eligible ones without replacement; the
 * proposer is a member drawn in proportion to 1 + agenda.capabilityWeight × capability.
 */
export function tableProposals(world: World, state: RunState, random: RunRandom): void {
  const { n, cbmCount } = world;
  for (let o = 0; o < world.orgCount; o++) {
    if (state.memberCount[o] === 0) continue;
    const rng = random.agenda[o];
    // A shock this step puts a crisis response first: the catalogue's strongest measure on new
    // threats, whatever its level (urgency opens the agenda), tabled by the chair.
    if (state.crisisPending[o]) {
      state.crisisPending[o] = 0;
      const c = world.crisisCbm[o];
      if (c >= 0 && open(world, state, o, c)) {
        const chair = chairOf(world, state, o);
        const p = state.proposalCount++;
        state.proposalOrg[p] = o;
        state.proposalCbm[p] = c;
        state.proposalKind[p] = 1;
        state.proposalProposer[p] = isMember(state, n, o, chair) ? chair : state.memberList[o * n];
        state.proposalBindingness[p] = world.cbmBindingness[c];
        state.proposalCost[p] = world.cbmCost[c];
        state.proposalBenefit[p] = 1;
        state.proposals[o]++;
      }
    }
    let eligible = 0;
    for (let k = 0; k < world.catalogueSize[o]; k++) {
      const c = world.catalogue[o * cbmCount + k];
      if (state.orgMeanTrust[o] >= world.levelThreshold[world.cbmLevel[c] - 1] && open(world, state, o, c))
        state.eligible[eligible++] = c;
    }
    // Institutions reached may widen the agenda.
    const agendaSize = world.agendaSize[o] + world.stageAgenda[world.stageOffset[o] + state.stage[o]];
    const tabled = Math.min(agendaSize, eligible);
    for (let t = 0; t < tabled; t++) {
      // Partial Fisher–Yates: move a random remaining CBM to position t.
      const pick = t + randomIndex(rng, eligible - t);
      const c = state.eligible[pick];
      state.eligible[pick] = state.eligible[t];
      state.eligible[t] = c;
      const p = state.proposalCount++;
      state.proposalOrg[p] = o;
      state.proposalCbm[p] = c;
      state.proposalKind[p] = 0;
      state.proposalProposer[p] = proposerOf(world, state, o, c, rng.next());
      state.proposalBindingness[p] = world.cbmBindingness[c];
      state.proposalCost[p] = world.cbmCost[c];
      state.proposalBenefit[p] = 1;
      state.proposals[o]++;
    }
  }
  tableJointProposals(world, state, random);
}

/**
 * Whether CBM c may be tabled in organisation o: not in force, or in force in a version less
 * binding than the catalogue's (the full text may be tabled again).
 */
function open(world: World, state: RunState, o: number, c: number): boolean {
  const k = o * world.cbmCount + c;
  return !state.inForce[k] || state.forceBindingness[k] < world.cbmBindingness[c] * (1 - 1e-9);
}

/**
 * Who proposes CBM c in organisation o (docs/MODEL.md §Agenda): a coordinator of its dimension if
 * the organisation has any among its members ("coordinator states champion measures in their
 * dimension"), else any member; among them, each in proportion to 1 + agenda.capabilityWeight ×
 * capability (powers set more of the agenda). `u` is a uniform draw in [0, 1).
 */
export function proposerOf(world: World, state: RunState, o: number, c: number, u: number): number {
  const { n } = world;
  const d = world.cbmDimension[c];
  const count = state.memberCount[o];
  const weightOf = world.parameters.agenda.capabilityWeight;
  let coordinators = 0;
  for (let m = 0; m < count; m++)
    coordinators += world.coordinator[(o * n + state.memberList[o * n + m]) * DIMENSION_COUNT + d];
  // Eligible: any member when the dimension has no coordinator among them, else its coordinators.
  // (Written out, not a closure: the step loop allocates nothing.)
  let total = 0;
  for (let m = 0; m < count; m++) {
    const i = state.memberList[o * n + m];
    if (coordinators === 0 || world.coordinator[(o * n + i) * DIMENSION_COUNT + d] === 1)
      total += 1 + weightOf * world.capability[i];
  }
  let target = u * total;
  let last = state.memberList[o * n];
  for (let m = 0; m < count; m++) {
    const i = state.memberList[o * n + m];
    if (coordinators !== 0 && world.coordinator[(o * n + i) * DIMENSION_COUNT + d] !== 1) continue;
    last = i;
    target -= 1 + weightOf * world.capability[i];
    if (target < 0) return i;
  }
  return last;
}

/**
 * Each partnership tables up to `partnerships.jointAgenda` joint CBMs (docs/MODEL.md §Partnerships):
 * measures in both catalogues whose level both organisations' trust allows, proposed by a member
 * of either, as one proposal in each organisation, linked: adopted only if both adopt it.
 */
function tableJointProposals(world: World, state: RunState, random: RunRandom): void {
  const { enabled, jointAgenda } = world.parameters.partnerships;
  if (!enabled || jointAgenda === 0) return;
  const { n, orgCount } = world;
  const rng = random.partnership;
  for (let a = 0; a < orgCount; a++) {
    for (let b = a + 1; b < orgCount; b++) {
      if (!state.partnered[a * orgCount + b]) continue;
      const joint = world.jointCatalogue[a * orgCount + b];
      let eligible = 0;
      for (let k = 0; k < joint.length; k++) {
        const level = world.levelThreshold[world.cbmLevel[joint[k]] - 1];
        if (
          state.orgMeanTrust[a] >= level &&
          state.orgMeanTrust[b] >= level &&
          (open(world, state, a, joint[k]) || open(world, state, b, joint[k]))
        )
          state.eligible[eligible++] = joint[k];
      }
      const voters = state.memberCount[a] + state.memberCount[b];
      for (let t = 0; t < Math.min(jointAgenda, eligible); t++) {
        const pick = t + randomIndex(rng, eligible - t);
        const c = state.eligible[pick];
        state.eligible[pick] = state.eligible[t];
        state.eligible[t] = c;
        const who = randomIndex(rng, voters);
        const proposer =
          who < state.memberCount[a]
            ? state.memberList[a * n + who]
            : state.memberList[b * n + who - state.memberCount[a]];
        const first = state.proposalCount;
        for (let side = 0; side < 2; side++) {
          const o = side === 0 ? a : b;
          const p = state.proposalCount++;
          state.proposalOrg[p] = o;
          state.proposalCbm[p] = c;
          state.proposalKind[p] = 0;
          state.proposalProposer[p] = proposer;
          state.proposalBindingness[p] = world.cbmBindingness[c];
          state.proposalCost[p] = world.cbmCost[c];
          state.proposalBenefit[p] = 1;
          state.proposals[o]++;
        }
        state.proposalPartner[first] = first + 1;
        state.proposalPartner[first + 1] = first;
      }
    }
  }
}
