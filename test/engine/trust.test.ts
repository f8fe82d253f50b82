import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  createTrustStore,
  memberTrustStats,
  trustAt,
  uncertaintyAt,
} from '../../src/engine/trust.js';

/** A store of n states whose every pair has structural trust t0 with `prior` pseudo-observations. */
function storeWith(n: number, forgetting: number, steps: number, t0: number, prior: number) {
  const base = (share: number) => new Float64Array(n * n).fill(prior * share);
  return createTrustStore(n, forgetting, steps, base(t0), base(1 - t0));
}

describe('Beta trust around a structural baseline, with forgetting', () => {
  it('reads (r + r0)/(r + s + r0 + s0): with nothing gathered, the structural trust, and full uncertainty', () => {
    // Structural trust 0.3 weighing like 10 observations: r0 = 3, s0 = 7.
    const store = storeWith(2, 0.5, 10, 0.3, 10);
    expect(trustAt(store, 0, 1, 0)).toBeCloseTo(0.3, 15);
    expect(uncertaintyAt(store, 0, 1, 0)).toBe(1);
    addEvidence(store, 0, 1, 0, 5, 0);
    // (5 + 3) / (5 + 0 + 10) = 8/15; uncertainty 10/15.
    expect(trustAt(store, 0, 1, 0)).toBeCloseTo(8 / 15, 15);
    expect(uncertaintyAt(store, 0, 1, 0)).toBeCloseTo(10 / 15, 15);
    // The other direction is untouched.
    expect(trustAt(store, 1, 0, 0)).toBeCloseTo(0.3, 15);
  });

  it('forgets only what was gathered: trust returns to the structural level, not to ½', () => {
    const store = storeWith(2, 0.5, 40, 0.2, 10);
    addEvidence(store, 0, 1, 1, 40, 0); // r = 40 at step 1: trust (40 + 2) / 50 = 0.84
    expect(trustAt(store, 0, 1, 1)).toBeCloseTo(0.84, 15);
    // Three steps later r = 40 / 8 = 5: (5 + 2) / 15.
    expect(trustAt(store, 0, 1, 4)).toBeCloseTo(7 / 15, 15);
    // Thirty steps later r ≈ 4e-8: back to 0.2 within 1e-8.
    expect(trustAt(store, 0, 1, 31)).toBeCloseTo(0.2, 8);
  });

  it('decays gathered evidence by forgetting^(steps since), the same as decaying every step', () => {
    // forgetting 0.5 keeps the arithmetic exact in binary.
    const store = storeWith(2, 0.5, 10, 0.5, 2);
    addEvidence(store, 0, 1, 1, 8, 0); // r = 8 at step 1
    addEvidence(store, 0, 1, 3, 0, 4); // at step 3: r = 8 × 0.25 = 2, s = 4
    // Read at step 4: r = 1, s = 2, r0 = s0 = 1 → (1 + 1) / (1 + 2 + 2) = 0.4.
    expect(trustAt(store, 0, 1, 4)).toBe(0.4);
    expect(store.positive[1]).toBe(2);
    expect(store.negative[1]).toBe(4);
    expect(store.updatedAt[1]).toBe(3);
  });

  it('averages and counts cohesion over ordered pairs of distinct members', () => {
    const store = storeWith(3, 1, 5, 0.5, 2);
    addEvidence(store, 0, 1, 0, 2, 0); // (2 + 1) / 4 = 3/4
    addEvidence(store, 1, 0, 0, 0, 2); // 1/4
    const members = Int32Array.from([0, 1, 2]);
    const mean = new Float64Array(2);
    const cohesion = new Float64Array(2);
    memberTrustStats(store, members, 0, 3, 0, 0.5, 1, mean, cohesion);
    expect(mean[1]).toBeCloseTo((0.75 + 0.25 + 4 * 0.5) / 6, 15);
    // Only 0→1 is strictly above 0.5.
    expect(cohesion[1]).toBeCloseTo(1 / 6, 15);
    memberTrustStats(store, members, 0, 1, 0, 0.5, 0, mean, cohesion);
    expect(mean[0]).toBeNaN();
    expect(cohesion[0]).toBeNaN();
  });
});
