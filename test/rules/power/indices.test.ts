import { describe, expect, it } from 'vitest';
import { indicesFromCounts } from '../../../src/rules/power/indices.js';

describe('indicesFromCounts', () => {
  it('turns the swing counts of the game [3; 2, 1, 1] into every index, as worked by hand', () => {
    // Winning coalitions (weight ≥ 3): {A,B}, {A,C}, {A,B,C}: W = 3 of 2^3 = 8.
    // Swings: A in all three; B in {A,B}; C in {A,C}. Total 5.
    // Shapley–Shubik: A is pivotal in 4 of 6 orders, B and C in 1 each.
    const result = indicesFromCounts(['A', 'B', 'C'], [3, 1, 1], [4 / 6, 1 / 6, 1 / 6], 3, 8);
    expect(result.passageProbability).toBe(3 / 8);
    const [a, b] = result.members;
    expect(a).toEqual({
      id: 'A',
      banzhaf: 3 / 5,
      banzhafRaw: 3 / 4,
      shapleyShubik: 4 / 6,
      colemanPrevent: 1,
      colemanInitiate: 3 / 5,
    });
    expect(b.banzhaf).toBe(1 / 5);
    expect(b.banzhafRaw).toBe(1 / 4);
    expect(b.colemanPrevent).toBe(1 / 3);
    expect(b.colemanInitiate).toBe(1 / 5);
  });

  it('gives zeros, not NaN, where nothing wins or nobody swings', () => {
    const result = indicesFromCounts(['A', 'B'], [0, 0], [0, 0], 0, 4);
    expect(result.passageProbability).toBe(0);
    for (const m of result.members) {
      expect([m.banzhaf, m.banzhafRaw, m.colemanPrevent, m.colemanInitiate]).toEqual([0, 0, 0, 0]);
    }
  });
});
