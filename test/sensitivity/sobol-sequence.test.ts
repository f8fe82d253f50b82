import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../../src/sensitivity/sobol-sequence.js';

/**
 * Points of the unscrambled Sobol' sequence as SciPy 1.17.1 gives them
 * (`scipy.stats.qmc.Sobol(d=512, scramble=False).random(4096)`, which uses the same Joe–Kuo
 * new-joe-kuo-6.21201 direction numbers): [index, dimension, value].
 */
const SCIPY: [number, number, number][] = [
  [1, 0, 0.5],
  [1, 511, 0.5],
  [2, 0, 0.75],
  [2, 1, 0.25],
  [2, 511, 0.75],
  [3, 0, 0.25],
  [3, 511, 0.25],
  [5, 0, 0.875],
  [5, 2, 0.125],
  [5, 39, 0.375],
  [5, 511, 0.875],
  [100, 0, 0.4140625],
  [100, 1, 0.2578125],
  [100, 2, 0.7734375],
  [100, 39, 0.1328125],
  [100, 127, 0.4609375],
  [100, 300, 0.7890625],
  [100, 511, 0.5234375],
  [1023, 0, 0.0009765625],
  [1023, 1, 0.7529296875],
  [1023, 2, 0.6123046875],
  [1023, 39, 0.6982421875],
  [1023, 127, 0.7001953125],
  [1023, 300, 0.6123046875],
  [1023, 511, 0.6142578125],
  [2047, 1, 0.62744140625],
  [2047, 2, 0.93115234375],
  [2047, 39, 0.67626953125],
  [2047, 127, 0.02197265625],
  [2047, 300, 0.94091796875],
  [2047, 511, 0.29443359375],
  [4095, 0, 0.000244140625],
  [4095, 1, 0.941162109375],
  [4095, 2, 0.334228515625],
  [4095, 39, 0.227294921875],
  [4095, 127, 0.261474609375],
  [4095, 300, 0.813232421875],
  [4095, 511, 0.914794921875],
];

describe("the Sobol' sequence", () => {
  it("gives SciPy's points, dimension 1 to 512", () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(512);
    const points = sobolPoints(4096, 512);
    for (const [i, d, value] of SCIPY) expect([i, d, points[i * 512 + d]]).toEqual([i, d, value]);
    // The first point is the origin.
    expect(points.subarray(0, 512).every((v) => v === 0)).toBe(true);
  });

  it('skipping points gives the same points later in the sequence', () => {
    const all = sobolPoints(40, 7);
    expect(sobolPoints(10, 7, 30)).toEqual(all.subarray(30 * 7));
  });

  it('the first 2^m points of dimensions 1 and 2 form a (0, m, 2)-net: one point in every elementary box', () => {
    // Sobol (1967): every box [a/2^p, (a+1)/2^p) × [b/2^q, (b+1)/2^q) with p + q = m holds exactly one point.
    const m = 8;
    const points = sobolPoints(2 ** m, 2);
    for (let p = 0; p <= m; p++) {
      const q = m - p;
      const boxes = new Set<number>();
      for (let i = 0; i < 2 ** m; i++)
        boxes.add(Math.floor(points[2 * i] * 2 ** p) * 2 ** q + Math.floor(points[2 * i + 1] * 2 ** q));
      expect(boxes.size).toBe(2 ** m);
    }
  });

  it('refuses a dimension it has no direction numbers for', () => {
    expect(() => sobolPoints(4, 513)).toThrow(/1 to 512 dimensions/);
  });
});
