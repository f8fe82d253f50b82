/**
 * Directed trust between every pair of states as Beta evidence (Jøsang's beta reputation):
 * positive evidence r[i→j], negative evidence s[i→j], trust = (r+1)/(r+s+2).
 *
 * Forgetting: evidence loses a share (1 − forgetting) each step. Instead of touching all N² cells
 * every step, each cell remembers the step it was last brought up to date and is decayed by
 * forgetting^(steps since) when read or written. The powers come from one table computed at the
 * start, so a read is a multiply and a lookup, and a step costs only the cells it touches.
 * Evidence "as of step t" is Σ_u e_u · forgetting^(t−u) over everything added at steps u ≤ t.
 */
export interface TrustStore {
  n: number;
  positive: Float64Array;
  negative: Float64Array;
  /** The step each cell's evidence is expressed at. */
  updatedAt: Int32Array;
  /** retention[k] = forgetting^k, for k = 0 .. steps. */
  retention: Float64Array;
}

export function createTrustStore(n: number, forgetting: number, steps: number): TrustStore {
  const retention = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k++) retention[k] = forgetting ** k;
  return {
    n,
    positive: new Float64Array(n * n),
    negative: new Float64Array(n * n),
    updatedAt: new Int32Array(n * n),
    retention,
  };
}

/** Trust of i in j at `step`, without changing the store. */
export function trustAt(store: TrustStore, i: number, j: number, step: number): number {
  const cell = i * store.n + j;
  const kept = store.retention[step - store.updatedAt[cell]];
  return (store.positive[cell] * kept + 1) / ((store.positive[cell] + store.negative[cell]) * kept + 2);
}

/** Uncertainty of i about j at `step`: 2/(r+s+2), 1 when there is no evidence at all. */
export function uncertaintyAt(store: TrustStore, i: number, j: number, step: number): number {
  const cell = i * store.n + j;
  const kept = store.retention[step - store.updatedAt[cell]];
  return 2 / ((store.positive[cell] + store.negative[cell]) * kept + 2);
}

/** Adds evidence to i's view of j at `step`, decaying what was there first. */
export function addEvidence(
  store: TrustStore,
  i: number,
  j: number,
  step: number,
  positive: number,
  negative: number,
): void {
  const cell = i * store.n + j;
  const kept = store.retention[step - store.updatedAt[cell]];
  store.positive[cell] = store.positive[cell] * kept + positive;
  store.negative[cell] = store.negative[cell] * kept + negative;
  store.updatedAt[cell] = step;
}

/**
 * Trust among the states in `list[offset .. offset+count)`, over ordered pairs of distinct states,
 * in one pass (the recorders need both each step): the mean to mean[o], and the share of pairs
 * whose trust is above `threshold` to cohesion[o]; NaN below two states.
 */
export function memberTrustStats(
  store: TrustStore,
  list: Int32Array,
  offset: number,
  count: number,
  step: number,
  threshold: number,
  o: number,
  mean: Float64Array,
  cohesion: Float64Array,
): void {
  if (count < 2) {
    mean[o] = Number.NaN;
    cohesion[o] = Number.NaN;
    return;
  }
  let sum = 0;
  let above = 0;
  for (let a = 0; a < count; a++) {
    const i = list[offset + a];
    for (let b = 0; b < count; b++) {
      if (a === b) continue;
      const trust = trustAt(store, i, list[offset + b], step);
      sum += trust;
      if (trust > threshold) above++;
    }
  }
  const pairs = count * (count - 1);
  mean[o] = sum / pairs;
  cohesion[o] = above / pairs;
}
