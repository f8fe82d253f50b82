import {
  atLeastComplementOfLogistic,
  belowLogistic,
  LOGISTIC_GRID,
  logistic,
} from '../../util/logistic-draw.js';
import type { TrustArrays } from './kernels.js';
import { VOTE_KERNEL_WASM } from './wasm-bytes.js';

/**
 * The votes on one proposal in WebAssembly (vote-kernel.wat): each voter's built-in score and the
 * vote drawn from it, as engine/score.ts and phases/vote.ts compute them, bit for bit. The caller
 * lists the voters (champions excluded) in `voters` and their uniform numbers in `uniforms`, in
 * member order, then calls `vote`.
 */
export interface VoteKernel {
  voters: Int32Array;
  uniforms: Float64Array;
  /** After a call, x = score / temperature of each voter, in the order of `voters`. */
  x: Float64Array;
  /**
   * The votes of voters[0 .. count) on proposal p of organisation o (CBM c, proposer, β_p, c_p,
   * b_p as amended, the Fund's side payment), written to votes[row + i]; stances and Σ salience ×
   * benefit are read and written in their caches under the epochs given.
   */
  vote(
    row: number,
    count: number,
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
}

/** The arrays the votes read and write: all in the kernel's memory (the run's arena). */
export interface VoteArrays {
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
}

/** The world's sizes and the voting parameters (parameters.voting). */
export interface VoteParameters {
  n: number;
  cbmCount: number;
  dimensions: number;
  sovereigntyWeight: number;
  proposerTrustWeight: number;
  memberTrustWeight: number;
  leaderWeight: number;
  temperature: number;
  abstention: number;
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
  vote: VoteKernel['vote'];
}

let compiled: WebAssembly.Module | null = null;

function voteModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(VOTE_KERNEL_WASM), (c) => c.charCodeAt(0)));
  return compiled;
}

/** What the kernel calls back: σ, and a draw's exact tiers beyond the grid (util/logistic-draw.ts). */
const IMPORTS = {
  logistic,
  belowExact: belowLogistic,
  atLeastExact: atLeastComplementOfLogistic,
};

/** The order of setArrays's addresses. */
const ARRAY_ORDER: readonly (keyof VoteArrays)[] = [
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
];

/** The kernel over `memory`, where the store's arrays and `arrays` must lie (an instance reused if given). */
export function wasmVoteKernel(
  memory: WebAssembly.Memory,
  reused: WebAssembly.Instance | null,
  store: TrustArrays,
  arrays: VoteArrays,
  parameters: VoteParameters,
): VoteKernel & { instance: WebAssembly.Instance } {
  const instance = reused ?? new WebAssembly.Instance(voteModule(), { env: { memory, ...IMPORTS } });
  const exports = instance.exports as unknown as Exports;
  const address = (array: ArrayBufferView) => {
    if (array.buffer !== memory.buffer)
      throw new Error('the vote kernel was given an array outside its memory');
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
    p.sovereigntyWeight,
    p.proposerTrustWeight,
    p.memberTrustWeight,
    p.leaderWeight,
    p.temperature,
    p.abstention,
    LOGISTIC_GRID.steps,
    LOGISTIC_GRID.offset,
    LOGISTIC_GRID.margin,
  );
  return {
    instance,
    voters: arrays.voters,
    uniforms: arrays.uniforms,
    x: arrays.scratch,
    vote: exports.vote,
  };
}
