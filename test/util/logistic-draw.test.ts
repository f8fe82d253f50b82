import { describe, expect, it } from 'vitest';
import {
  approximateLogistic,
  atLeastComplementOfLogistic,
  belowLogistic,
  logistic,
} from '../../src/util/logistic-draw.js';
import { createRng } from '../../src/util/rng.js';

/** The double next to x: one unit in the last place further from zero (`up`) or nearer (x finite, not 0). */
function nextAfter(x: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + (up ? 1n : -1n));
  return view.getFloat64(0);
}

describe('the logistic draw', () => {
  it('approximates σ within 1e-6 everywhere it is attempted, and declines outside ±700 and for NaN', () => {
    let worst = 0;
    for (let y = -699.99; y < 700; y += 0.0137)
      worst = Math.max(worst, Math.abs(approximateLogistic(y) - logistic(y)));
    expect(worst).toBeLessThan(1e-6);
    for (const y of [Number.NaN, 700, -700, 1e9, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(approximateLogistic(y)).toBeNaN();
  });

  it('answers u < σ(y) and u ≥ 1 − σ(y) exactly as the comparisons with Math.exp do, at the boundary too', () => {
    const rng = createRng('logistic-draw');
    const cases: [number, number][] = [];
    for (let k = 0; k < 200_000; k++) {
      const y = (rng.next() - 0.5) * (k % 2 ? 20 : 1500);
      cases.push([rng.next(), y]);
      // u at σ(y), 1 − σ(y) and the doubles either side: the cases a margin must hand to Math.exp.
      for (const at of [logistic(y), 1 - logistic(y)])
        if (at > 0 && at < 1) cases.push([at, y], [nextAfter(at, true), y], [nextAfter(at, false), y]);
    }
    // y at the grid's points (step 1/16 up to ±20) and the doubles either side; u at σ there,
    // and just inside and outside the grid's margin of 1e-12.
    for (let k = -20 * 16 - 1; k <= 20 * 16 + 1; k++) {
      const point = k / 16;
      for (const y of point === 0
        ? [0, 1e-300, -1e-300]
        : [point, nextAfter(point, true), nextAfter(point, false)])
        for (const at of [logistic(point), 1 - logistic(point)])
          for (const u of [at, at - 1e-12, at + 1e-12, at - 2e-12, at + 2e-12])
            if (u > 0 && u < 1) cases.push([u, y], [nextAfter(u, true), y], [nextAfter(u, false), y]);
    }
    for (const y of [0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 745, -745, 1e-300])
      for (const u of [0, 0.5, 1 - 2 ** -53]) cases.push([u, y]);
    let below = 0;
    let above = 0;
    for (const [u, y] of cases) {
      if (belowLogistic(u, y) !== u < logistic(y)) below++;
      if (atLeastComplementOfLogistic(u, y) !== u >= 1 - logistic(y)) above++;
    }
    expect([below, above]).toEqual([0, 0]);
    expect(cases.length).toBeGreaterThan(900_000);
  });
});
