import { describe, expect, it } from 'vitest';
import { morrisDesign, morrisScreening } from '../../src/sensitivity/morris.js';
import { createRng } from '../../src/util/rng.js';

describe('Morris screening', () => {
  it('the elementary effects of a linear function are its coefficients exactly, with σ = 0', async () => {
    const c = [3, -2, 0.5, 0];
    const factors = c.map((_, i) => ({ name: `x${i}`, min: 0, max: 1 }));
    const { factors: result } = await morrisScreening(
      (x) => x.reduce((s, xi, i) => s + c[i] * xi, 0),
      factors,
      {
        trajectories: 12,
        levels: 4,
        seed: 5,
      },
    );
    result.forEach((f, i) => {
      expect(f.mu).toBeCloseTo(c[i], 12);
      expect(f.muStar).toBeCloseTo(Math.abs(c[i]), 12);
      expect(f.sigma).toBeCloseTo(0, 12);
    });
  });

  it('effects are per unit of the whole range: a factor on [2, 5] with coefficient 4 has effect 12', async () => {
    const { factors } = await morrisScreening(
      ([x, y]) => 4 * x + y,
      [
        { name: 'x', min: 2, max: 5 },
        { name: 'y', min: -1, max: 1 },
      ],
      { seed: 1 },
    );
    expect(factors[0].mu).toBeCloseTo(12, 10);
    expect(factors[1].mu).toBeCloseTo(2, 10);
  });

  it('an interaction shows in σ: for x·y on [0, 1]², each effect is the other factor, whose mean is ½', async () => {
    // The effect of x is y (where the step of x is taken), and y is on the grid {0, ⅓, ⅔, 1}:
    // with many trajectories μ* → ½ and σ > 0.
    const { factors } = await morrisScreening(
      ([x, y]) => x * y,
      [
        { name: 'x', min: 0, max: 1 },
        { name: 'y', min: 0, max: 1 },
      ],
      { trajectories: 4000, seed: 7 },
    );
    for (const f of factors) {
      expect(f.muStar).toBeCloseTo(0.5, 1);
      expect(f.sigma).toBeGreaterThan(0.3);
    }
  });

  it('each trajectory moves every factor once by ±Δ on the grid', () => {
    const k = 5;
    const design = morrisDesign(k, { trajectories: 20, levels: 6 }, createRng(1));
    expect(design.delta).toBeCloseTo(0.6, 15);
    for (let t = 0; t < 20; t++) {
      expect([...design.moved.subarray(t * k, t * k + k)].sort()).toEqual([0, 1, 2, 3, 4]);
      for (let m = 0; m < k; m++) {
        const before = design.points.subarray((t * (k + 1) + m) * k, (t * (k + 1) + m + 1) * k);
        const after = design.points.subarray((t * (k + 1) + m + 1) * k, (t * (k + 1) + m + 2) * k);
        for (let d = 0; d < k; d++) {
          const change = after[d] - before[d];
          if (d === design.moved[t * k + m])
            expect(change).toBeCloseTo(design.direction[t * k + m] * 0.6, 12);
          else expect(change).toBe(0);
          expect(Math.round(after[d] * 5) / 5).toBe(after[d]); // on the grid {0, 0.2, ..., 1}
          expect(after[d]).toBeGreaterThanOrEqual(0);
          expect(after[d]).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('the same seed gives the same design; a different one does not', () => {
    const a = morrisDesign(4, { trajectories: 5, levels: 4 }, createRng('morris:1'));
    const b = morrisDesign(4, { trajectories: 5, levels: 4 }, createRng('morris:1'));
    const c = morrisDesign(4, { trajectories: 5, levels: 4 }, createRng('morris:2'));
    expect(b.points).toEqual(a.points);
    expect(c.points).not.toEqual(a.points);
  });

  it('refuses odd levels and a single trajectory', () => {
    expect(() => morrisDesign(2, { trajectories: 4, levels: 3 }, createRng(1))).toThrow(/even/);
    expect(() => morrisDesign(2, { trajectories: 1, levels: 4 }, createRng(1))).toThrow(/at least 2/);
  });
});
