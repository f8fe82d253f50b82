import { yearOfStep } from '../model/calendar.js';
import { DIMENSION_COUNT } from '../model/dimensions.js';
import { PROPOSAL_KINDS, type ProposalKind } from '../model/proposals.js';
import { type CompiledRule, compileRule } from '../rules/compile.js';
import { markVetoHolders, passes } from '../rules/decide.js';
import type { VotingBody } from '../rules/voting-body.js';
import { arenaBytes, createKernelArena, type KernelArena } from './kernels/arena.js';
import type { MemberKernels } from './kernels/member-kernels.js';
import { createMemberKernels, memberKernelBytes } from './member-arrays.js';
import type { ScoringTerms } from './score.js';
import type { TraceSink } from './trace.js';
import { createTrustStore, type TrustStore, trustStoreBytes } from './trust.js';
import type { World } from './world.js';

/**
 * Everything a run changes, allocated once before the first step: the trust store, the current
 * memberships, this step's proposals and votes, and this step's counters per organisation.
 * Phases write here; recorders read here. Nothing in it is allocated during a step.
 */
export interface RunState {
  /** The current step, 1-based; 0 before the first. */
  step: number;
  /** Where trace records go; null when the run is not traced (nothing is built then). */
  trace: TraceSink | null;
  /** While tracing: the amendments made to each proposal of this step. */
  traceAmendments: { bindingness: number; cost: number; objectors: string[] }[][];
  trust: TrustStore;
  /**
   * Where the trust store and the lists the pair loops read live (kernels/arena.ts). simulate
   * hands it back at the end of the run, for the thread's next run.
   */
  arena: KernelArena;

  /** Current members of each organisation (a copy of the World's, so enlargement can change it). */
  memberList: Int32Array;
  memberCount: Int32Array;
  /** memberMark[o * n + i] = 1 while i is a member of o (kept with memberList). */
  memberMark: Uint8Array;
  /** Rungs of the institutional ladder reached. */
  stage: Int32Array;
  /**
   * The voting body of each organisation: a view of its current members (memberList, count
   * kept equal to memberCount) with the World's weights and populations.
   */
  bodies: VotingBody[];
  /** The rules in force for each kind of proposal, rules[kind][o], compiled for the current members and stage (refreshRules). */
  rules: Record<ProposalKind, CompiledRule[]>;
  /** Partnerships in force: partnered[o1 * orgCount + o2] = 1, both ways. */
  partnered: Uint8Array;
  /** Salience of each state now: the World's, shifted by shocks and fading back. [i × DIMENSION_COUNT + d] */
  salience: Float64Array;
  /**
   * Σ_d salience[i,d] × benefit[c,d] of state i and CBM c (score.ts), at [i × cbmCount + c], kept
   * while salienceBenefitAt[…] equals salienceEpoch. The epoch moves after every phase that may
   * change salience (runStep: the events, and any phase of one's own), so deliberation's rounds and
   * the votes after them compute each sum once a step.
   */
  salienceBenefit: Float64Array;
  salienceBenefitAt: Int32Array;
  salienceEpoch: number;
  /** 1 when a shock this step calls for a crisis response in organisation o. */
  crisisPending: Uint8Array;
  /** Implementations in each organisation since the run began (a prerequisite of rungs). */
  implementedTotal: Float64Array;
  /** The step each organisation last reached a rung (0: before the run). */
  lastReformStep: Int32Array;
  /** The step of each organisation's last failed reform vote (−∞: none). */
  lastFailedReformStep: Float64Array;
  /** A moving average of each organisation's compliance: its record of kept commitments. */
  adoptionRecord: Float64Array;
  /** The step each state was admitted to each organisation during the run, admittedStep[o * n + i] (NaN: not). */
  admittedStep: Float64Array;
  /** The step each state last applied to each organisation (−∞ before the run). */
  lastApplicationStep: Float64Array;
  /** Index of the first scheduled application not yet made. */
  nextApplication: number;
  /** The step each rung was reached: NaN if not (yet), 0 if before the run; at world.rungOffset[o] + k. */
  rungReachedStep: Float64Array;

  /** Mean trust among each organisation's members at the start of this step's deliberation. */
  orgMeanTrust: Float64Array;
  /** meanTrustToMembers[o * n + i]: mean trust of member i in the other members of o. */
  meanTrustToMembers: Float64Array;
  /** lowestTrustToMembers[o * n + i]: trust of member i in the member of o it trusts least (1 alone). */
  lowestTrustToMembers: Float64Array;
  /**
   * Trust among each organisation's members after the step, for the recorders: one pass over the
   * member pairs gives both the mean and the cohesion (trust.ts memberTrustStats), computed by
   * whichever recorder asks first; memberStatsStep[o] says for which step they are.
   */
  memberStatsStep: Int32Array;
  memberMeanTrust: Float64Array;
  memberCohesion: Float64Array;

  /** Proposals put to a vote this step: 0 .. proposalCount. */
  proposalCount: number;
  proposalOrg: Int32Array;
  proposalCbm: Int32Array;
  proposalProposer: Int32Array;
  /** 0: a CBM from the agenda; 1: a crisis response (decided under the crisis rule). */
  proposalKind: Uint8Array;
  /** For a joint CBM, the index of the same measure tabled in the partner organisation; −1 otherwise. */
  proposalPartner: Int32Array;
  /** Bindingness and cost of each proposal as it goes to the vote, after any amendment. */
  proposalBindingness: Float64Array;
  proposalCost: Float64Array;
  /** The share of the measure's benefit the text still delivers after amendment (1 as tabled). */
  proposalBenefit: Float64Array;
  /** votes[p * n + i]: YES, ABSTAIN or NO of state i on proposal p. */
  votes: Int8Array;
  /** The votes row kept free of CBM proposals, for reform votes and rule computations. */
  scratchRow: number;
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
  /** "No" votes that were pivotal in defeating a CBM proposal (blocks, under any rule). */
  blocks: Float64Array;
  amendments: Float64Array;
  reforms: Float64Array;
  applications: Float64Array;
  admissions: Float64Array;
  shocks: Float64Array;
  jointAdopted: Float64Array;
  /** implementedByDimension[o * DIMENSION_COUNT + d] this step. */
  implementedByDimension: Float64Array;

  /**
   * Measures in force (docs/MODEL.md §Measures in force), at [o * cbmCount + c]: whether in force,
   * the bindingness, cost and share of benefit as adopted, and the step the participants next
   * implement it. forceParticipants[(o * cbmCount + c) * n + i]: 1 a participant, 2 a participant
   * bound against its vote (it voted no).
   */
  inForce: Uint8Array;
  forceBindingness: Float64Array;
  forceCost: Float64Array;
  forceBenefit: Float64Array;
  forceDue: Int32Array;
  /** A joint measure's partner organisation (−1: none): the two implement it together. */
  forceLinked: Int32Array;
  forceParticipants: Uint8Array;
  /** Measures in force in each organisation after the step. */
  inForceCount: Float64Array;
  /** Implementations due this step (participants × measures implemented): the denominator of compliance. */
  obligations: Float64Array;

  /** vetoHolder[o * n + i] = 1 when member i's lone "no" blocks o's CBM proposals (see markVetoHolders). */
  vetoHolder: Uint8Array;
  /** Whole-run count of vetoes used by each state in each organisation: vetoesByState[o * n + i]. */
  vetoesByState: Float64Array;
  /** Whole-run count of blocks by each state in each organisation, under any rule: its "no" was pivotal to a CBM's failure. */
  blocksByState: Float64Array;

  /** Scratch space. */
  eligible: Int32Array;
  implementedBy: Uint8Array;
  /** The participants of the measure being implemented. */
  participantList: Int32Array;
  participantMark: Uint8Array;
  /** participantOverruled[i] = 1 when participant i of the measure being implemented voted against it. */
  participantOverruled: Uint8Array;
  /** The positive evidence each participant's implementation adds, the negative its defection adds (scratch for implement.ts). */
  participantPositive: Float64Array;
  participantNegative: Float64Array;
  /** The compliance chance's terms shared by the participants of the measure being implemented (implement.ts). */
  complianceTerms: ComplianceTerms;
  /** Who adds negative evidence about whom (blame, resentment: kernels penalise), gathered by a phase and used at once. */
  fromList: Int32Array;
  toList: Int32Array;
  /** How many are in toList after phases/decide.ts splitVotes (the no voters of a proposal). */
  noCount: number;
  /** The proposal being scored, as score.ts reads it once for all its members (scoringTerms). */
  scoringTerms: ScoringTerms;
  /** The leading powers' stances on the proposal being scored (score.ts leaderStances). */
  leaderStance: Float64Array;
  /** The epoch each stance in leaderStance was computed in, and the current one. */
  leaderStanceStamp: Int32Array;
  leaderStanceEpoch: number;
  /** Deliberation's, the votes' and compliance's WebAssembly loops (kernels/member-kernels.ts); null where the arena is plain arrays. */
  memberKernels: MemberKernels | null;
  /**
   * The member of each organisation last found a likely objector in deliberation (−1: none yet),
   * tested first next time: where one objector settles it, finding one soon is all that matters.
   */
  lastObjector: Int32Array;
  /** Index of the first scheduled event not yet applied. */
  nextEvent: number;

  /** Dated events (docs/MODEL.md §Dated events): the index of the first not yet applied. */
  nextDated: number;
  /** candidate[o * n + i] = 1 while i may apply to o of its own accord (the World's, changed by status events). */
  candidate: Uint8Array;
  /** The chair each organisation has since a chair event (−1: the rotation). */
  chairOverride: Int32Array;
  /** Hazard intensities of the World's clash and rival pairs, as relation events leave them. */
  clashIntensity: Float64Array;
  rivalIntensity: Float64Array;
}

/**
 * The terms of the compliance chance that one implementation round's participants share
 * (phases/implement.ts): the implementation parameters, the measure's bindingness and cost as
 * adopted, and the monitoring logit of the institutions its organisation has reached.
 */
export interface ComplianceTerms {
  /** implementation.probability: 0 and 1 are certainties, with no logit. */
  probability: number;
  /** logit(probability). */
  intercept: number;
  capabilityWeight: number;
  sovereigntyWeight: number;
  costWeight: number;
  adversaryWeight: number;
  overruledWeight: number;
  bindingness: number;
  cost: number;
  monitoring: number;
}

export function createRunState(world: World): RunState {
  const state = allocateRunState(world);
  state.memberKernels = createMemberKernels(world, state);
  for (let o = 0; o < world.orgCount; o++) {
    refreshRules(world, state, o);
    for (let k = 0; k < state.stage[o]; k++) state.rungReachedStep[world.rungOffset[o] + k] = 0;
  }
  return state;
}

/**
 * Compiles organisation o's rules for its current members and stage (shares of members and
 * population depend on who is a member) and recomputes its veto holders. Runs when the stage or
 * the membership changes, not every step.
 */
export function refreshRules(world: World, state: RunState, o: number): void {
  const { n } = world;
  let weight = 0;
  let population = 0;
  for (let m = 0; m < state.memberCount[o]; m++) {
    const i = state.memberList[o * n + m];
    weight += world.weight[o * n + i];
    population += world.population[i];
  }
  const totals = { count: state.memberCount[o], weight, population };
  const indexOf = (id: string) => world.stateIndex.get(id) as number;
  const rules = world.ruleSets[o][state.stage[o]];
  for (const kind of PROPOSAL_KINDS) state.rules[kind][o] = compileRule(rules[kind], totals, indexOf);
  markVetoHolders(
    state.rules.cbm[o],
    state.bodies[o],
    state.votes,
    state.scratchRow * n,
    state.vetoHolder,
    o * n,
  );
}

/** The most CBM proposals a step can have: each agenda at its largest over the ladder, a crisis response, joint CBMs. */
function maxProposalsOf(world: World): number {
  const { orgCount } = world;
  let maxProposals = 0;
  for (let o = 0; o < orgCount; o++) {
    let extra = 0;
    for (let k = 0; k <= world.rungNames[o].length; k++)
      extra = Math.max(extra, world.stageAgenda[world.stageOffset[o] + k]);
    // ...and room for one crisis response.
    maxProposals += world.agendaSize[o] + extra + 1;
  }
  // Each possible partnership tables its joint CBMs as one proposal in each organisation.
  return maxProposals + orgCount * (orgCount - 1) * world.parameters.partnerships.jointAgenda;
}

function copied(into: Float64Array, from: Float64Array): Float64Array {
  into.set(from);
  return into;
}

function allocateRunState(world: World): RunState {
  const { n, orgCount } = world;
  const maxProposals = maxProposalsOf(world);
  const { arena, trust, memberList } = allocateTrust(world, maxProposals);
  // An organisation founded during the run has no members until then (phases/dated.ts).
  const memberCount = world.memberCount.map((count, o) => (world.foundingStep[o] > 0 ? 0 : count));
  return {
    step: 0,
    trace: null,
    traceAmendments: [],
    trust,
    arena,
    memberList,
    memberCount,
    memberMark: memberMarks(world, memberCount, arena.u8(orgCount * n)),
    bodies: Array.from({ length: orgCount }, (_, o) => ({
      members: memberList,
      memberOffset: o * n,
      count: memberCount[o],
      weight: world.weight,
      weightOffset: o * n,
      population: world.population,
    })),
    stage: world.stage.slice(),
    rules: Object.fromEntries(
      PROPOSAL_KINDS.map((kind) => [kind, new Array<CompiledRule>(orgCount)]),
    ) as Record<ProposalKind, CompiledRule[]>,
    partnered: world.partnered.slice(),
    salience: copied(arena.f64(world.salience.length), world.salience),
    crisisPending: new Uint8Array(orgCount),
    implementedTotal: new Float64Array(orgCount),
    lastReformStep: new Int32Array(orgCount),
    lastFailedReformStep: new Float64Array(orgCount).fill(Number.NEGATIVE_INFINITY),
    adoptionRecord: new Float64Array(orgCount).fill(world.parameters.institutions.initialRecord),
    admittedStep: new Float64Array(orgCount * n).fill(Number.NaN),
    lastApplicationStep: new Float64Array(orgCount * n).fill(Number.NEGATIVE_INFINITY),
    nextApplication: 0,
    rungReachedStep: new Float64Array(world.rungMeanTrust.length).fill(Number.NaN),
    orgMeanTrust: new Float64Array(orgCount),
    meanTrustToMembers: arena.f64(orgCount * n),
    lowestTrustToMembers: arena.f64(orgCount * n).fill(1),
    memberStatsStep: new Int32Array(orgCount).fill(-1),
    memberMeanTrust: new Float64Array(orgCount),
    memberCohesion: new Float64Array(orgCount),
    proposalCount: 0,
    proposalOrg: new Int32Array(maxProposals),
    proposalCbm: new Int32Array(maxProposals),
    proposalProposer: new Int32Array(maxProposals),
    proposalKind: new Uint8Array(maxProposals),
    proposalPartner: new Int32Array(maxProposals).fill(-1),
    proposalBindingness: new Float64Array(maxProposals),
    proposalCost: new Float64Array(maxProposals),
    proposalBenefit: new Float64Array(maxProposals),
    // One row per possible proposal, and one more (scratchRow) for reform votes and veto holders.
    votes: arena.i8((maxProposals + 1) * n),
    scratchRow: maxProposals,
    participants: new Uint8Array(maxProposals * n),
    passed: new Uint8Array(maxProposals),
    proposals: new Float64Array(orgCount),
    adopted: new Float64Array(orgCount),
    ambitionSum: new Float64Array(orgCount),
    implemented: new Float64Array(orgCount),
    conflicts: new Float64Array(orgCount),
    vetoes: new Float64Array(orgCount),
    blocks: new Float64Array(orgCount),
    amendments: new Float64Array(orgCount),
    reforms: new Float64Array(orgCount),
    applications: new Float64Array(orgCount),
    admissions: new Float64Array(orgCount),
    shocks: new Float64Array(orgCount),
    jointAdopted: new Float64Array(orgCount),
    implementedByDimension: new Float64Array(orgCount * DIMENSION_COUNT),
    ...allocateMeasuresInForce(world),
    vetoHolder: new Uint8Array(orgCount * n),
    vetoesByState: new Float64Array(orgCount * n),
    blocksByState: new Float64Array(orgCount * n),
    ...allocateScratch(world, arena),
    nextEvent: 0,
    ...allocateDated(world),
  };
}

/** Clears the per-step counters and proposals before a step. */
export function resetStepCounters(state: RunState): void {
  state.proposalCount = 0;
  state.proposals.fill(0);
  state.adopted.fill(0);
  state.ambitionSum.fill(0);
  state.implemented.fill(0);
  state.obligations.fill(0);
  state.conflicts.fill(0);
  state.vetoes.fill(0);
  state.blocks.fill(0);
  state.amendments.fill(0);
  state.reforms.fill(0);
  state.applications.fill(0);
  state.admissions.fill(0);
  state.shocks.fill(0);
  state.jointAdopted.fill(0);
  state.proposalPartner.fill(-1);
  state.implementedByDimension.fill(0);
}

/** Whether state i is currently a member of organisation o. */
export function isMember(state: RunState, n: number, o: number, i: number): boolean {
  return state.memberMark[o * n + i] === 1;
}

/** Admits state j to organisation o: it votes from the next proposal on. */
export function admitMember(world: World, state: RunState, o: number, j: number): void {
  const { n } = world;
  const count = state.memberCount[o];
  state.memberList[o * n + count] = j;
  state.memberCount[o] = count + 1;
  state.memberMark[o * n + j] = 1;
  state.bodies[o].count = count + 1;
}

function memberMarks(world: World, memberCount: Int32Array, marks: Uint8Array): Uint8Array {
  for (let o = 0; o < world.orgCount; o++)
    for (let m = 0; m < memberCount[o]; m++) marks[o * world.n + world.memberList[o * world.n + m]] = 1;
  return marks;
}

/** The chair of organisation o at the current step: the one a chair event named, else the rotation, which advances every term. */
export function chairOf(world: World, state: RunState, o: number): number {
  const named = state.chairOverride[o];
  if (named >= 0) return named;
  const order = world.chairOrder[o];
  return order[Math.floor((state.step - 1) / world.chairTermSteps[o]) % order.length];
}

/** The rule that decides proposal p: its organisation's CBM rule, or crisis rule for a crisis response. */
export function ruleOfProposal(state: RunState, p: number): CompiledRule {
  const o = state.proposalOrg[p];
  return state.proposalKind[p] === 1 ? state.rules.crisis[o] : state.rules.cbm[o];
}

/** The calendar year of the current step. */
export function currentYear(world: World, state: RunState): number {
  return yearOfStep(world, state.step);
}

/** Whether organisation o's current members pass `rule` with the votes in row `voteRow` of state.votes. */
export function orgPasses(
  world: World,
  state: RunState,
  o: number,
  rule: CompiledRule,
  voteRow: number,
): boolean {
  return passes(rule, state.bodies[o], state.votes, voteRow * world.n);
}

/** What dated events change in a run: candidates, chairs and hazards (docs/MODEL.md §Dated events). */
function allocateDated(world: World) {
  return {
    nextDated: 0,
    candidate: world.candidate.slice(),
    chairOverride: new Int32Array(world.orgCount).fill(-1),
    clashIntensity: world.clashIntensity.slice(),
    rivalIntensity: world.rivalIntensity.slice(),
  };
}

/** The record of measures in force, per organisation and CBM (docs/MODEL.md §Measures in force). */
function allocateMeasuresInForce(world: World) {
  const cells = world.orgCount * world.cbmCount;
  return {
    inForce: new Uint8Array(cells),
    forceBindingness: new Float64Array(cells),
    forceCost: new Float64Array(cells),
    forceBenefit: new Float64Array(cells),
    forceDue: new Int32Array(cells),
    forceLinked: new Int32Array(cells).fill(-1),
    forceParticipants: new Uint8Array(cells * world.n),
    inForceCount: new Float64Array(world.orgCount),
    obligations: new Float64Array(world.orgCount),
  };
}

/** The trust store and the lists the pair loops read, in one arena (engine/kernels/arena.ts) with room for the member kernels' arrays. */
function allocateTrust(world: World, maxProposals: number) {
  const { n, orgCount } = world;
  const arena = createKernelArena(
    trustStoreBytes(n, world.steps) + kernelListBytes(world) + memberKernelBytes(world, maxProposals),
  );
  const trust = createTrustStore(
    n,
    world.parameters.trust.forgetting,
    world.steps,
    world.basePositive,
    world.baseNegative,
    arena,
  );
  const memberList = arena.i32(orgCount * n);
  memberList.set(world.memberList);
  return { arena, trust, memberList };
}

/** What the lists the pair loops read take in the arena: memberList, the assessment's outputs, the participants' scratch. */
function kernelListBytes(world: World): number {
  const { n, orgCount } = world;
  return arenaBytes([
    [orgCount * n, 4],
    [orgCount * n, 8],
    [orgCount * n, 8],
    [n, 1],
    [n, 4],
    [n, 8],
    [n, 8],
    [n, 4],
    [n, 4],
  ]);
}

/** Scratch space of the phases, per state (docs: RunState). */
function allocateScratch(world: World, arena: KernelArena) {
  const { n } = world;
  return {
    eligible: new Int32Array(Math.max(world.cbmCount, 1)),
    implementedBy: arena.u8(n),
    participantList: arena.i32(n),
    participantMark: new Uint8Array(n),
    participantOverruled: arena.u8(n),
    participantPositive: arena.f64(n),
    participantNegative: arena.f64(n),
    complianceTerms: {
      probability: 0,
      intercept: 0,
      capabilityWeight: 0,
      sovereigntyWeight: 0,
      costWeight: 0,
      adversaryWeight: 0,
      overruledWeight: 0,
      bindingness: 0,
      cost: 0,
      monitoring: 0,
    },
    fromList: arena.i32(n),
    toList: arena.i32(n),
    noCount: 0,
    salienceBenefit: arena.f64(n * world.cbmCount),
    salienceBenefitAt: arena.i32(n * world.cbmCount),
    salienceEpoch: 1,
    scoringTerms: {
      p: -1,
      o: -1,
      c: -1,
      proposer: -1,
      benefitShare: 0,
      cost: 0,
      bindingness: 0,
      sidePayment: 0,
    },
    leaderStance: arena.f64(n),
    leaderStanceStamp: arena.i32(n),
    leaderStanceEpoch: 0,
    memberKernels: null,
    lastObjector: new Int32Array(world.orgCount).fill(-1),
  };
}
