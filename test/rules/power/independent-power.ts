import { expect } from 'vitest';
import type { PowerResult } from '../../../src/rules/power/indices.js';

const INDICES = ['banzhaf', 'banzhafRaw', 'shapleyShubik', 'colemanPrevent', 'colemanInitiate'] as const;

/** Two analyses agree: the passage probability and every index of every member, within `tolerance`. */
export function expectSamePower(actual: PowerResult, expected: PowerResult, tolerance: number): void {
  expect(Math.abs(actual.passageProbability - expected.passageProbability)).toBeLessThan(tolerance);
  actual.members.forEach((m, i) => {
    for (const index of INDICES)
      expect(Math.abs(m[index] - expected.members[i][index]), `${m.id} ${index}`).toBeLessThan(tolerance);
  });
}

/**
 * A second method for the voting power of weighted majority games (weight ≥ quota), written
 * plainly for tests: for each member, the coalitions of the others are counted afresh, by size and
 * weight, with no removal. In doubles (exact integers up to 52 others), or in BigInt for larger
 * bodies; members of equal weight are counted once.
 */
export function forwardWeightedPower(
  weights: readonly number[],
  quota: number,
): { banzhafRaw: number[]; shapleyShubik: number[]; passage: number } {
  const n = weights.length;
  const total = weights.reduce((s, w) => s + w, 0);
  const byWeight = new Map<number, { banzhafRaw: number; shapleyShubik: number }>();
  const result = weights.map((wi, i) => {
    const known = byWeight.get(wi);
    if (known) return known;
    // counts[k][w]: coalitions of the others of size k and weight w.
    const counts = Array.from({ length: n }, () => new Float64Array(total + 1));
    counts[0][0] = 1;
    let seen = 0;
    weights.forEach((wj, j) => {
      if (j === i) return;
      seen++;
      for (let k = seen; k >= 1; k--) for (let w = total; w >= wj; w--) counts[k][w] += counts[k - 1][w - wj];
    });
    let swings = 0;
    let shapley = 0;
    for (let k = 0; k < n; k++) {
      let swingsOfSize = 0;
      for (let w = Math.max(0, quota - wi); w < quota; w++) swingsOfSize += counts[k][w];
      swings += swingsOfSize;
      // k!(n−k−1)!/n!, as a product of ratios.
      let weight = 1 / n;
      for (let m = 1; m <= k; m++) weight *= m / (n - m);
      shapley += swingsOfSize * weight;
    }
    const found = { banzhafRaw: swings / 2 ** (n - 1), shapleyShubik: shapley };
    byWeight.set(wi, found);
    return found;
  });
  // Winning coalitions of everyone, by weight alone.
  const all = new Float64Array(total + 1);
  all[0] = 1;
  for (const w of weights) for (let v = total; v >= w; v--) all[v] += all[v - w];
  let winning = 0;
  for (let v = quota; v <= total; v++) winning += all[v];
  return {
    banzhafRaw: result.map((r) => r.banzhafRaw),
    shapleyShubik: result.map((r) => r.shapleyShubik),
    passage: winning / 2 ** n,
  };
}

/**
 * The same, exactly, in BigInt for bodies of any size: each member's swings by size, and the
 * indices as quotients of big integers (Shapley–Shubik's k!(n−k−1)!/n! kept exact to the end).
 */
export function bigIntWeightedPower(
  weights: readonly number[],
  quota: number,
): { banzhafRaw: number[]; shapleyShubik: number[] } {
  const n = weights.length;
  const factorial = [1n];
  for (let m = 1; m <= n; m++) factorial.push(factorial[m - 1] * BigInt(m));
  const cap = quota; // weights from the quota up are merged: they never make a swing
  const byWeight = new Map<number, { banzhafRaw: number; shapleyShubik: number }>();
  const result = weights.map((wi, i) => {
    const known = byWeight.get(wi);
    if (known) return known;
    const counts = Array.from({ length: n }, () => new Array<bigint>(cap + 1).fill(0n));
    counts[0][0] = 1n;
    let seen = 0;
    weights.forEach((wj, j) => {
      if (j === i) return;
      seen++;
      for (let k = seen; k >= 1; k--)
        for (let w = cap; w >= 0; w--) {
          const from = counts[k - 1][w];
          if (from !== 0n) counts[k][Math.min(cap, w + wj)] += from;
        }
    });
    let swings = 0n;
    let shapleyNumerator = 0n;
    for (let k = 0; k < n; k++) {
      let swingsOfSize = 0n;
      for (let w = Math.max(0, quota - wi); w < quota; w++) swingsOfSize += counts[k][w];
      swings += swingsOfSize;
      shapleyNumerator += swingsOfSize * factorial[k] * factorial[n - k - 1];
    }
    const found = {
      banzhafRaw: ratio(swings, 2n ** BigInt(n - 1)),
      shapleyShubik: ratio(shapleyNumerator, factorial[n]),
    };
    byWeight.set(wi, found);
    return found;
  });
  return { banzhafRaw: result.map((r) => r.banzhafRaw), shapleyShubik: result.map((r) => r.shapleyShubik) };
}

/** a / b as a double, from big integers, to 15 significant digits and more. */
function ratio(a: bigint, b: bigint): number {
  const scale = 10n ** 30n;
  return Number((a * scale) / b) / 1e30;
}
