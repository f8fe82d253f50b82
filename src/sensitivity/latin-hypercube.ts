import { createRng, type Rng, randomIndex } from '../util/rng.js';
import { type Factor, requireFactors, scaledRow } from './factors.js';

/**
 * A Latin hypercube of n points in [0, 1]^k (McKay, Beckman & Conover 1979): each factor's range
 * is cut into n equal strata, each stratum holds exactly one point, at a uniform position inside
 * it, and the strata of different factors are paired by independent random permutations.
 * Row-major, n × k.
 */
export function latinHypercubeDesign(n: number, k: number, rng: Rng): Float64Array {
  const design = new Float64Array(n * k);
  const order = new Int32Array(n);
  for (let d = 0; d < k; d++) {
    for (let i = 0; i < n; i++) order[i] = i;
    // Fisher–Yates: a uniform permutation of the strata.
    for (let i = n - 1; i > 0; i--) {
      const j = randomIndex(rng, i + 1);
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (let i = 0; i < n; i++) design[i * k + d] = (order[i] + rng.next()) / n;
  }
  return design;
}

/** n points of a Latin hypercube over the factors' ranges, for uncertainty propagation. */
export function latinHypercube(factors: readonly Factor[], n: number, seed: number): number[][] {
  requireFactors(factors);
  const design = latinHypercubeDesign(n, factors.length, createRng(`lhs:${seed}`));
  return Array.from({ length: n }, (_, i) => scaledRow(design, i, factors));
}
