import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  createTrustStore,
  memberTrustStats,
  trustAt,
  uncertaintyAt,
} from '../../src/engine/trust.js';

describe('Beta trust with forgetting', () => {
  it('reads (r+1)/(r+s+2) and 2/(r+s+2) with no evidence as 1/2 and full uncertainty', () => {
    const store = createTrustStore(2, 0.5, 10);
    expect(trustAt(store, 0, 1, 0)).toBe(0.5);
    expect(uncertaintyAt(store, 0, 1, 0)).toBe(1);
    addEvidence(store, 0, 1, 0, 3, 1);
    // r = 3, s = 1: trust 4/6, uncertainty 2/6.
    expect(trustAt(store, 0, 1, 0)).toBeCloseTo(4 / 6, 15);
    expect(uncertaintyAt(store, 0, 1, 0)).toBeCloseTo(2 / 6, 15);
    // The other direction is untouched.
    expect(trustAt(store, 1, 0, 0)).toBe(0.5);
  });

  it('decays evidence by forgetting^(steps since), the same as decaying every step', () => {
    // forgetting 0.5 keeps the arithmetic exact in binary.
    const store = createTrustStore(2, 0.5, 10);
    addEvidence(store, 0, 1, 1, 8, 0); // r = 8 at step 1
    addEvidence(store, 0, 1, 3, 0, 4); // at step 3: r = 8 × 0.25 = 2, s = 4
    // Read at step 4: r = 2 × 0.5 = 1, s = 4 × 0.5 = 2 → trust (1+1)/(1+2+2) = 0.4.
    expect(trustAt(store, 0, 1, 4)).toBe(0.4);
    // Eager by hand: step 1: r 8; step 2: r 4; step 3: r 2, s 4; step 4: r 1, s 2.
    expect(store.positive[1]).toBe(2);
    expect(store.negative[1]).toBe(4);
    expect(store.updatedAt[1]).toBe(3);
  });

  it('averages and counts cohesion over ordered pairs of distinct members', () => {
    const store = createTrustStore(3, 1, 5);
    addEvidence(store, 0, 1, 0, 2, 0); // 3/4
    addEvidence(store, 1, 0, 0, 0, 2); // 1/4
    // The four other ordered pairs have no evidence: 1/2 each.
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
