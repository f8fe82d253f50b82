import { DIMENSION_COUNT } from '../model/dimensions.js';
import { markVetoHolders } from '../rules/decide.js';
import { createTrustStore, type TrustStore } from './trust.js';
import type { World } from './world.js';

/**
 * Everything a run changes, allocated once before the first step: the trust store, the current
 * memberships, this step's proposals and votes, and this step's counters per organisation.
 * Phases write here; recorders read here. Nothing in it is allocated during a step.
 */
export interface RunState {
  /** The current step, 1-based; 0 before the first. */
  step: number;
  trust: TrustStore;

  /** Current members of each organisation (a copy of the World's, so enlargement can change it). */
  memberList: Int32Array;
  memberCount: Int32Array;
  stage: Int32Array;

  /** Mean trust among each organisation's members at the start of this step's deliberation. */
  orgMeanTrust: Float64Array;
  /** meanTrustToMembers[o * n + i]: mean trust of member i in the other members of o. */
  meanTrustToMembers: Float64Array;

  /** Proposals put to a vote this step: 0 .. proposalCount. */
  proposalCount: number;
  proposalOrg: Int32Array;
  proposalCbm: Int32Array;
  proposalProposer: Int32Array;
  /** Bindingness and cost of each proposal as it goes to the vote, after any amendment. */
  proposalBindingness: Float64Array;
  proposalCost: Float64Array;
  /** votes[p * n + i]: YES, ABSTAIN or NO of state i on proposal p. */
  votes: Int8Array;
  /** participants[p * n + i]: 1 when i is bound by proposal p as decided. */
  participants: Uint8Array;
  passed: Uint8Array;

  /** Per-organisation counters for this step, reset before each step. */
  proposals: Float64Array;
  adopted: Float64Array;
  ambitionSum: Float64Array;
  implemented: Float64Array;
  conflicts: Float64Array;
  vetoes: Float64Array;
  amendments: Float64Array;
  /** implementedByDimension[o * DIMENSION_COUNT + d] this step. */
  implementedByDimension: Float64Array;

  /** vetoHolder[o * n + i] = 1 when member i's lone "no" blocks o's CBM proposals (see markVetoHolders). */
  vetoHolder: Uint8Array;
  /** Whole-run count of vetoes used by each state in each organisation: vetoesByState[o * n + i]. */
  vetoesByState: Float64Array;

  /** Scratch space. */
  eligible: Int32Array;
  implementedBy: Uint8Array;
  /** Index of the first scheduled event not yet applied. */
  nextEvent: number;
}

export function createRunState(world: World): RunState {
  const state = allocateRunState(world);
  for (let o = 0; o < world.orgCount; o++) updateVetoHolders(world, state, o);
  return state;
}

/** Recomputes who holds a veto in organisation o (after its membership or rule changes). */
export function updateVetoHolders(world: World, state: RunState, o: number): void {
  const { n } = world;
  markVetoHolders(
    world.cbmRule[o],
    state.memberList,
    o * n,
    state.memberCount[o],
    state.votes,
    0,
    world.weight,
    o * n,
    world.population,
    state.vetoHolder,
    o * n,
  );
}

function allocateRunState(world: World): RunState {
  const { n, orgCount } = world;
  let maxProposals = 0;
  for (let o = 0; o < orgCount; o++) maxProposals += world.agendaSize[o];
  const trust = createTrustStore(n, world.parameters.trust.forgetting, world.steps);
  trust.positive.set(world.initialPositive);
  trust.negative.set(world.initialNegative);
  return {
    step: 0,
    trust,
    memberList: world.memberList.slice(),
    memberCount: world.memberCount.slice(),
    stage: world.stage.slice(),
    orgMeanTrust: new Float64Array(orgCount),
    meanTrustToMembers: new Float64Array(orgCount * n),
    proposalCount: 0,
    proposalOrg: new Int32Array(maxProposals),
    proposalCbm: new Int32Array(maxProposals),
    proposalProposer: new Int32Array(maxProposals),
    proposalBindingness: new Float64Array(maxProposals),
    proposalCost: new Float64Array(maxProposals),
    // At least one row: markVetoHolders uses it as scratch space even with an empty agenda.
    votes: new Int8Array(Math.max(maxProposals, 1) * n),
    participants: new Uint8Array(maxProposals * n),
    passed: new Uint8Array(maxProposals),
    proposals: new Float64Array(orgCount),
    adopted: new Float64Array(orgCount),
    ambitionSum: new Float64Array(orgCount),
    implemented: new Float64Array(orgCount),
    conflicts: new Float64Array(orgCount),
    vetoes: new Float64Array(orgCount),
    amendments: new Float64Array(orgCount),
    implementedByDimension: new Float64Array(orgCount * DIMENSION_COUNT),
    vetoHolder: new Uint8Array(orgCount * n),
    vetoesByState: new Float64Array(orgCount * n),
    eligible: new Int32Array(Math.max(world.cbmCount, 1)),
    implementedBy: new Uint8Array(n),
    nextEvent: 0,
  };
}

/** Clears the per-step counters and proposals before a step. */
export function resetStepCounters(state: RunState): void {
  state.proposalCount = 0;
  state.proposals.fill(0);
  state.adopted.fill(0);
  state.ambitionSum.fill(0);
  state.implemented.fill(0);
  state.conflicts.fill(0);
  state.vetoes.fill(0);
  state.amendments.fill(0);
  state.implementedByDimension.fill(0);
}

/** Whether state i is currently a member of organisation o (members are few; a scan is cheap). */
export function isMember(state: RunState, n: number, o: number, i: number): boolean {
  const start = o * n;
  const end = start + state.memberCount[o];
  for (let k = start; k < end; k++) if (state.memberList[k] === i) return true;
  return false;
}

/** The chair of organisation o at the current step: the rotation advances every term. */
export function chairOf(world: World, state: RunState, o: number): number {
  const order = world.chairOrder[o];
  return order[Math.floor((state.step - 1) / world.chairTermSteps[o]) % order.length];
}
