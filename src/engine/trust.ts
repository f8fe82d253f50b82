import { arenaBytes, createKernelArena, type KernelArena, kernelBytes } from './kernels/arena.js';
import type { TrustArrays, TrustKernels } from './kernels/kernels.js';

/**
 * Directed trust between every pair of states as Beta evidence (docs/MODEL.md §Trust): the pair's
 * structural evidence (r0, s0: its relations and shared memberships, never forgotten) plus the
 * evidence gathered in the run (r, s), which fades:
 *
 *   trust(i→j) = (r + r0) / (r + s + r0 + s0)
 *
 * the mean of the Beta belief that j is a trustworthy type. As gathered evidence fades, trust
 * returns to the structural t0 = r0 / (r0 + s0), not to ½: a conflict does not fade into
 * neutrality by itself, and cooperation that stops decays back to where structure puts it.
 *
 * Forgetting: gathered evidence loses a share (1 − forgetting) each step. Instead of touching all
 * N² cells every step, each cell remembers the step it was last brought up to date and is decayed
 * by forgetting^(steps since) when read or written. The powers come from one table computed at
 * the start, so a read is a multiply and a lookup, and a step costs only the cells it touches.
 * Evidence "as of step t" is Σ_u e_u · forgetting^(t−u) over everything added at steps u ≤ t.
 */
export interface TrustStore extends TrustArrays {
  /** The loops over pairs of states, over these arrays (kernels/kernels.ts). */
  kernels: TrustKernels;
}

/** Bytes a store of n states over `steps` steps takes in its arena, the kernels' room included. */
export function trustStoreBytes(n: number, steps: number): number {
  const cells = n * n;
  return (
    arenaBytes([
      [cells, 8],
      [cells, 8],
      [cells, 8],
      [cells, 8],
      [cells, 4],
      [steps + 1, 8],
    ]) + kernelBytes(n)
  );
}

/**
 * A store with no evidence gathered, the given structural evidence, and its arrays in `arena` (by
 * default one of its own): a run's state puts its lists in the same arena, so the pair loops can
 * read them (engine/state.ts).
 */
export function createTrustStore(
  n: number,
  forgetting: number,
  steps: number,
  basePositive: Float64Array,
  baseNegative: Float64Array,
  arena: KernelArena = createKernelArena(trustStoreBytes(n, steps)),
): TrustStore {
  const cells = n * n;
  const positive = arena.f64(cells);
  const negative = arena.f64(cells);
  const base = [arena.f64(cells), arena.f64(cells)];
  const updatedAt = arena.i32(cells);
  const retention = arena.f64(steps + 1);
  base[0].set(basePositive);
  base[1].set(baseNegative);
  for (let k = 0; k <= steps; k++) retention[k] = forgetting ** k;
  // A literal, not a spread: a spread's object made every read of the store a quarter slower.
  const store: TrustStore = {
    n,
    positive,
    negative,
    basePositive: base[0],
    baseNegative: base[1],
    updatedAt,
    retention,
    kernels: UNBOUND,
  };
  store.kernels = arena.kernels(store);
  return store;
}

/** The kernels of a store until they are bound to its arrays (createTrustStore, two lines on). */
const UNBOUND = {} as TrustKernels;

/** Trust of i in j at `step`, without changing the store. */
export function trustAt(store: TrustStore, i: number, j: number, step: number): number {
  const cell = i * store.n + j;
  const kept = store.retention[step - store.updatedAt[cell]];
  const r0 = store.basePositive[cell];
  return (
    (store.positive[cell] * kept + r0) /
    ((store.positive[cell] + store.negative[cell]) * kept + r0 + store.baseNegative[cell])
  );
}

/** Uncertainty of i about j at `step`: W / (r + s + W) with W the structural evidence; 1 with none gathered. */
export function uncertaintyAt(store: TrustStore, i: number, j: number, step: number): number {
  const cell = i * store.n + j;
  const kept = store.retention[step - store.updatedAt[cell]];
  const prior = store.basePositive[cell] + store.baseNegative[cell];
  return prior / ((store.positive[cell] + store.negative[cell]) * kept + prior);
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
  const sum = store.kernels.pairStats(step, list, offset, count, threshold);
  const pairs = count * (count - 1);
  mean[o] = sum / pairs;
  cohesion[o] = store.kernels.above / pairs;
}
