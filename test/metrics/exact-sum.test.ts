import { describe, expect, it } from 'vitest';
import { addExact, type ExactSum, exactValue, mergeExact } from '../../src/metrics/exact-sum.js';
import { createRng } from '../../src/util/rng.js';

/** The exact sum of doubles with BigInt arithmetic on a common binary scale (a second method). */
function bigIntSum(values: number[]): number {
  const SCALE = 2n ** 1100n;
  let total = 0n;
  for (const v of values) {
    if (v === 0) continue;
    // v = mantissa × 2^exponent exactly; scale every value by 2^1100 so all become integers.
    const [mantissa, exponent] = decompose(v);
    total +=
      exponent >= 0
        ? mantissa * 2n ** BigInt(exponent) * SCALE
        : (mantissa * SCALE) / 2n ** BigInt(-exponent);
  }
  // Round to the nearest double: divide back with enough precision.
  const sign = total < 0n ? -1 : 1;
  const abs = total < 0n ? -total : total;
  const bits = abs.toString(2).length;
  const shift = Math.max(0, bits - 60);
  return sign * Number(abs >> BigInt(shift)) * 2 ** (shift - 1100);
}

function decompose(v: number): [bigint, number] {
  let exponent = 0;
  let m = v;
  while (!Number.isInteger(m)) {
    m *= 2;
    exponent--;
  }
  return [BigInt(m), exponent];
}

describe('exact summation', () => {
  it('keeps what naive summation loses', () => {
    const s: ExactSum = [];
    for (const v of [1e16, 1, -1e16]) addExact(s, v);
    expect(exactValue(s)).toBe(1);
    expect(1e16 + 1 - 1e16).toBe(0); // the naive sum, for contrast
    const tenth: ExactSum = [];
    for (let i = 0; i < 10; i++) addExact(tenth, 0.1);
    expect(exactValue(tenth)).toBe(1);
  });

  it('gives the same result in any order and grouping, equal to a BigInt computation', () => {
    const rng = createRng('sums');
    const values = Array.from(
      { length: 500 },
      () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 12 - 6),
    );
    const forward: ExactSum = [];
    for (const v of values) addExact(forward, v);
    const backward: ExactSum = [];
    for (const v of [...values].reverse()) addExact(backward, v);
    const left: ExactSum = [];
    const right: ExactSum = [];
    values.forEach((v, i) => {
      addExact(i % 3 === 0 ? left : right, v);
    });
    mergeExact(left, right);
    expect(exactValue(forward)).toBe(exactValue(backward));
    expect(exactValue(left)).toBe(exactValue(forward));
    expect(exactValue(forward)).toBeCloseTo(bigIntSum(values), 12);
  });
});
