import type { Parameters } from '../../scenario/schema.js';
import {
  atLeastComplementOfLogistic,
  belowLogistic,
  LOGISTIC_GRID,
  logistic,
} from '../../util/logistic-draw.js';
import type { TrustArrays } from './kernels.js';
import { MEMBER_KERNELS_WASM } from './wasm-bytes.js';

/**
 * The loops over the members of a step that score or draw, in WebAssembly (member-kernels.wat),
 * bit for bit as JavaScript computes them: a round of deliberation (phases/deliberate.ts), the
 * votes on one proposal (engine/score.ts, phases/vote.ts) and an implementation round's
 * compliance (phases/implement.ts). For the draws, the caller lists the voters (champions
 * excluded) in `voters`, or the participants in participantList, and their uniform numbers in
 * `uniforms`, in order, then calls `vote` or `comply`.
 */
export interface MemberKernels {
  voters: Int32Array;
  uniforms: Float64Array;
  /**
   * After `vote`, x = score / temperature of each voter, in the order of `voters`; after `comply`,
   * the logit of each participant's compliance chance, in list order.
   */
  x: Float64Array;
  /**
   * The proposal the next calls of `vote` and `markObjectors` score (a ScoringTerms of score.ts),
   * at `step`, with the epochs under which Σ salience × benefit and the stances are cached.
   */
  setProposal(step: number, proposal: KernelProposal, salienceEpoch: number, stanceEpoch: number): void;
  /** The votes of voters[0 .. count) on the proposal set, written to votes[row + i] (row = p × n). */
  vote(row: number, count: number): void;
  /**
   * The compliance of participantList[0 .. size) with a measure of organisation o (and its
   * partner, −1 if none), bindingness b and cost as adopted, under o's monitoring: implementedBy,
   * participantPositive and participantNegative of each participant.
   */
  comply(o: number, partner: number, size: number, b: number, cost: number, monitoring: number): void;
  /**
   * A round of deliberation on the proposal set (votes row `row` = p × n), of an organisation with
   * `count` members: each member, `tested` first when ≥ 0, marked NO in the row if a likely objector (not
   * a champion of the measure's dimension `dim`, and P(no) ≥ threshold, `boundary` its logit),
   * YES otherwise; with `firstSettles` it stops at the first objector. Returns the first, or −1.
   */
  markObjectors(
    row: number,
    count: number,
    tested: number,
    firstSettles: number,
    threshold: number,
    boundary: number,
    dim: number,
  ): number;
}

/** What a member's score on a proposal reads of it (score.ts ScoringTerms extends this). */
export interface KernelProposal {
  /** The proposal's organisation, measure and proposer. */
  o: number;
  c: number;
  proposer: number;
  /** β_p, the share of the measure's benefit the text still delivers; c_p and b_p as amended. */
  benefitShare: number;
  cost: number;
  bindingness: number;
  /** What the organisation's Fund, if built, pays a member that would lose by the measure. */
  sidePayment: number;
}

/** The arrays the member kernels read and write: all in their memory (the run's arena). */
export interface MemberArrays {
  salience: Float64Array;
  cbmBenefit: Float64Array;
  salienceBenefit: Float64Array;
  salienceBenefitAt: Int32Array;
  sovereignty: Float64Array;
  meanTrustToMembers: Float64Array;
  memberMark: Uint8Array;
  leaderOffset: Int32Array;
  leaderState: Int32Array;
  leaderTie: Float64Array;
  leaderStance: Float64Array;
  leaderStanceStamp: Int32Array;
  votes: Int8Array;
  voters: Int32Array;
  uniforms: Float64Array;
  grid: Float64Array;
  /** The kernel's own: a value per voter between its passes. */
  scratch: Float64Array;
  capability: Float64Array;
  lowestTrustToMembers: Float64Array;
  participantList: Int32Array;
  implementedBy: Uint8Array;
  participantOverruled: Uint8Array;
  participantPositive: Float64Array;
  participantNegative: Float64Array;
  memberList: Int32Array;
  coordinator: Uint8Array;
}

/** The world's sizes and the parameters the kernels read. */
export interface MemberParameters {
  n: number;
  cbmCount: number;
  dimensions: number;
  voting: Parameters['voting'];
  /** parameters.implementation, with logit(probability) as `intercept`. */
  implementation: Parameters['implementation'] & { intercept: number };
  /** parameters.trust: what an implementation or a defection signals. */
  signals: Parameters['trust'];
}

interface Exports {
  setTrust(P: number, N: number, R0: number, S0: number, U: number, RET: number): void;
  setArrays(...addresses: number[]): void;
  setParameters(
    n: number,
    cbms: number,
    dims: number,
    sovereigntyWeight: number,
    proposerTrustWeight: number,
    memberTrustWeight: number,
    leaderWeight: number,
    temperature: number,
    abstention: number,
    gridSteps: number,
    gridOffset: number,
    gridMargin: number,
  ): void;
  vote: MemberKernels['vote'];
  setProposal(
    step: number,
    o: number,
    c: number,
    proposer: number,
    benefitShare: number,
    cost: number,
    bindingness: number,
    sidePayment: number,
    salienceEpoch: number,
    stanceEpoch: number,
  ): void;
  setComplianceParameters(...values: number[]): void;
  comply: MemberKernels['comply'];
  markObjectors: MemberKernels['markObjectors'];
}

let compiled: WebAssembly.Module | null = null;

function memberModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(MEMBER_KERNELS_WASM), (c) => c.charCodeAt(0)));
  return compiled;
}

/** What the kernel calls back: σ, and a draw's exact tiers beyond the grid (util/logistic-draw.ts). */
const IMPORTS = {
  logistic,
  belowExact: belowLogistic,
  atLeastExact: atLeastComplementOfLogistic,
};

/** The order of setArrays's addresses. */
const ARRAY_ORDER: readonly (keyof MemberArrays)[] = [
  'salience',
  'cbmBenefit',
  'salienceBenefit',
  'salienceBenefitAt',
  'sovereignty',
  'meanTrustToMembers',
  'memberMark',
  'leaderOffset',
  'leaderState',
  'leaderTie',
  'leaderStance',
  'leaderStanceStamp',
  'votes',
  'voters',
  'uniforms',
  'grid',
  'scratch',
  'capability',
  'lowestTrustToMembers',
  'participantList',
  'implementedBy',
  'participantOverruled',
  'participantPositive',
  'participantNegative',
  'memberList',
  'coordinator',
];

/** The kernel over `memory`, where the store's arrays and `arrays` must lie (an instance reused if given). */
export function wasmMemberKernels(
  memory: WebAssembly.Memory,
  reused: WebAssembly.Instance | null,
  store: TrustArrays,
  arrays: MemberArrays,
  parameters: MemberParameters,
): MemberKernels & { instance: WebAssembly.Instance } {
  const instance = reused ?? new WebAssembly.Instance(memberModule(), { env: { memory, ...IMPORTS } });
  const exports = instance.exports as unknown as Exports;
  const address = (array: ArrayBufferView) => {
    if (array.buffer !== memory.buffer)
      throw new Error('a member kernel was given an array outside its memory');
    return array.byteOffset;
  };
  exports.setTrust(
    address(store.positive),
    address(store.negative),
    address(store.basePositive),
    address(store.baseNegative),
    address(store.updatedAt),
    address(store.retention),
  );
  exports.setArrays(...ARRAY_ORDER.map((name) => address(arrays[name])));
  const p = parameters;
  exports.setParameters(
    p.n,
    p.cbmCount,
    p.dimensions,
    p.voting.sovereigntyWeight,
    p.voting.proposerTrustWeight,
    p.voting.memberTrustWeight,
    p.voting.leaderWeight,
    p.voting.temperature,
    p.voting.abstention,
    LOGISTIC_GRID.steps,
    LOGISTIC_GRID.offset,
    LOGISTIC_GRID.margin,
  );
  const { implementation: c, signals } = p;
  exports.setComplianceParameters(
    c.probability,
    c.intercept,
    c.capabilityWeight,
    c.sovereigntyWeight,
    c.costWeight,
    c.adversaryWeight,
    c.overruledWeight,
    c.adversaryBelow,
    signals.implementationEvidence,
    signals.defectionEvidence,
    signals.cheapTalk,
    signals.signalWeight,
    signals.adversarySignal,
  );
  return {
    instance,
    voters: arrays.voters,
    uniforms: arrays.uniforms,
    x: arrays.scratch,
    setProposal: (step, proposal, salienceEpoch, stanceEpoch) =>
      exports.setProposal(
        step,
        proposal.o,
        proposal.c,
        proposal.proposer,
        proposal.benefitShare,
        proposal.cost,
        proposal.bindingness,
        proposal.sidePayment,
        salienceEpoch,
        stanceEpoch,
      ),
    vote: exports.vote,
    comply: exports.comply,
    markObjectors: exports.markObjectors,
  };
}
