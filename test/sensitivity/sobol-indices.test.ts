import { describe, expect, it } from 'vitest';
import { saltelliDesign, sobolIndices } from '../../src/sensitivity/sobol-indices.js';

const PI = Math.PI;
const ishigamiFactors = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -PI, max: PI }));
const ishigami = ([x1, x2, x3]: number[]) =>
  Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);

/** Sobol's G function (Saltelli & Sobol' 1995): analytic indices from its coefficients a_i. */
const G_A = [0, 1, 4.5, 9, 99, 99];
const gFunction = (x: number[]) =>
  x.reduce((product, xi, i) => product * ((Math.abs(4 * xi - 2) + G_A[i]) / (1 + G_A[i])), 1);
function gAnalytic() {
  const partial = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
  const variance = partial.reduce((p, v) => p * (1 + v), 1) - 1;
  return partial.map((v, i) => ({
    first: v / variance,
    total: (v * partial.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / variance,
  }));
}

describe("Sobol' indices (Saltelli's scheme)", () => {
  it('the Ishigami function (a = 7, b = 0.1): the analytic indices within 0.03 at N = 8192', async () => {
    const { factors } = await sobolIndices(ishigami, ishigamiFactors, {
      samples: 8192,
      seed: 1,
      resamples: 200,
    });
    // Ishigami & Homma 1990; values as in Saltelli et al. 2008, §4.
    const expected = [
      { first: 0.3139, total: 0.5576 },
      { first: 0.4424, total: 0.4424 },
      { first: 0, total: 0.2437 },
    ];
    factors.forEach((f, i) => {
      expect(f.name).toBe(`x${i + 1}`);
      expect(Math.abs(f.first - expected[i].first)).toBeLessThan(0.03);
      expect(Math.abs(f.total - expected[i].total)).toBeLessThan(0.03);
      expect(f.firstLow).toBeLessThanOrEqual(f.first);
      expect(f.firstHigh).toBeGreaterThanOrEqual(f.first);
      expect(f.totalLow).toBeLessThanOrEqual(f.total);
      expect(f.totalHigh).toBeGreaterThanOrEqual(f.total);
      expect(f.firstHigh - f.firstLow).toBeLessThan(0.1);
    });
  });

  it("Sobol's G function: the analytic indices within 0.03 at N = 8192", async () => {
    const factors = G_A.map((_, i) => ({ name: `x${i + 1}`, min: 0, max: 1 }));
    const result = await sobolIndices(gFunction, factors, { samples: 8192, seed: 2, resamples: 100 });
    const analytic = gAnalytic();
    // By hand: V_1 = ⅓, V = Π(1 + V_i) − 1 = 0.46533, so S_1 = 0.7163 (the dominant factor, a_1 = 0).
    expect(analytic[0].first).toBeCloseTo(0.7163, 4);
    result.factors.forEach((f, i) => {
      expect(Math.abs(f.first - analytic[i].first)).toBeLessThan(0.03);
      expect(Math.abs(f.total - analytic[i].total)).toBeLessThan(0.03);
    });
  });

  it('a model that answers later (a promise) gives the same indices', async () => {
    const now = await sobolIndices(ishigami, ishigamiFactors, { samples: 256, seed: 3, resamples: 50 });
    const later = await sobolIndices(async (x) => ishigami(x), ishigamiFactors, {
      samples: 256,
      seed: 3,
      resamples: 50,
    });
    expect(later).toEqual(now);
  });

  it('the design: A, B, then each AB_i, which is A with column i from B', () => {
    const N = 4;
    const k = 3;
    const design = saltelliDesign(N, k);
    expect(design.length).toBe(N * (k + 2) * k);
    const row = (block: number, j: number) =>
      Array.from(design.subarray((block * N + j) * k, (block * N + j + 1) * k));
    for (let j = 0; j < N; j++)
      for (let i = 0; i < k; i++) {
        const expected = row(0, j);
        expected[i] = row(1, j)[i];
        expect(row(2 + i, j)).toEqual(expected);
      }
  });

  it('a model that fails to give a number is named with its inputs', async () => {
    await expect(sobolIndices(() => Number.NaN, ishigamiFactors, { samples: 4, seed: 1 })).rejects.toThrow(
      /the model gave NaN at \[/,
    );
  });
});
