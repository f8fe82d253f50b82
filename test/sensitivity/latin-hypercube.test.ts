import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/sensitivity/latin-hypercube.js';

describe('Latin hypercube sampling', () => {
  it('puts exactly one point in each of the n strata of every factor, inside its range', () => {
    const factors = [
      { name: 'a', min: 0, max: 1 },
      { name: 'b', min: -10, max: 30 },
      { name: 'c', min: 0.5, max: 0.6 },
    ];
    const n = 50;
    const points = latinHypercube(factors, n, 9);
    expect(points).toHaveLength(n);
    factors.forEach((f, d) => {
      const strata = points.map((p) => Math.floor(((p[d] - f.min) / (f.max - f.min)) * n));
      expect(new Set(strata).size).toBe(n);
      for (const p of points) {
        expect(p[d]).toBeGreaterThanOrEqual(f.min);
        expect(p[d]).toBeLessThan(f.max);
      }
    });
  });

  it('is the same for a seed, different across seeds, and its factors are paired at random', () => {
    const factors = [
      { name: 'a', min: 0, max: 1 },
      { name: 'b', min: 0, max: 1 },
    ];
    const one = latinHypercube(factors, 100, 1);
    expect(latinHypercube(factors, 100, 1)).toEqual(one);
    expect(latinHypercube(factors, 100, 2)).not.toEqual(one);
    // Independent permutations: the two columns are far from perfectly correlated.
    const strata = (d: number) => one.map((p) => Math.floor(p[d] * 100));
    const a = strata(0);
    const b = strata(1);
    expect(a.filter((s, i) => s === b[i]).length).toBeLessThan(10);
  });
});
