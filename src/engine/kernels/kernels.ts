/**
 * The loops over pairs of states that dominate a run (docs/PERFORMANCE.md §What was optimised):
 * the trust assessment, the recorders' member-pair statistics and an implementation round's
 * evidence. Two implementations with one contract, bit for bit: WebAssembly (wasm-kernels.ts,
 * about twice as fast) and JavaScript (js-kernels.ts, for worlds too large for a WebAssembly
 * memory of 4 GiB). `list` arguments are lists of states; `offset` is where the list starts in it.
 */
export interface TrustKernels {
  /**
   * For each member i = list[offset + a], a < count: mean[outOffset + i] = its mean trust in the
   * others (½ alone), lowest[outOffset + i] = its lowest (1 alone). Returns Σ mean in list order.
   */
  assess(
    step: number,
    list: Int32Array,
    offset: number,
    count: number,
    mean: Float64Array,
    lowest: Float64Array,
    outOffset: number,
  ): number;
  /** Σ trust over ordered pairs of distinct listed states; how many exceed `threshold` is then in `above`. */
  pairStats(step: number, list: Int32Array, offset: number, count: number, threshold: number): number;
  above: number;
  /**
   * An implementation round: for each listed i with done[i] and each other listed j, the cell
   * (i, j) is decayed to `step`, gains positive[j] and negative[j], and is expressed at `step`.
   */
  evidence(
    step: number,
    list: Int32Array,
    size: number,
    done: Uint8Array,
    positive: Float64Array,
    negative: Float64Array,
  ): void;
  /**
   * Blame and resentment: each state from[a], a < fromCount, adds `negative` evidence (and no
   * positive) about each to[b], b < toCount — addEvidence(i, j, step, 0, negative) pair by pair.
   */
  penalise(
    step: number,
    from: Int32Array,
    fromCount: number,
    to: Int32Array,
    toCount: number,
    negative: number,
  ): void;
}

/** The arrays of a trust store (engine/trust.ts TrustStore), which the loops read and write. */
export interface TrustArrays {
  n: number;
  /** Evidence gathered in the run, as of updatedAt. */
  positive: Float64Array;
  negative: Float64Array;
  /** Structural evidence (never forgotten): r0, s0 — the run's own copy (dated relations change it). */
  basePositive: Float64Array;
  baseNegative: Float64Array;
  /** The step each cell's evidence is expressed at. */
  updatedAt: Int32Array;
  /** retention[k] = forgetting^k, for k = 0 .. steps. */
  retention: Float64Array;
}
