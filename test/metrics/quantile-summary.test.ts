import { quantileSeq } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  addValue,
  createQuantileSummary,
  EXACT_DISTINCT,
  mergeSummary,
  quantile,
  RELATIVE_ACCURACY,
  sortedQuantile,
  summaryFromJson,
  summaryToJson,
} from '../../src/metrics/quantile-summary.js';
import { createRng } from '../../src/util/rng.js';

const Q = [0, 0.05, 0.25, 0.5, 0.95, 1];

describe('quantile summaries', () => {
  it('are exact (type 7, as mathjs quantileSeq) while values are few', () => {
    const rng = createRng('few');
    const values = Array.from({ length: 777 }, () => Math.floor(rng.next() * 30));
    const summary = createQuantileSummary();
    for (const v of values) addValue(summary, v);
    expect(summary.exact).not.toBeNull();
    for (const q of Q) expect(quantile(summary, q)).toBeCloseTo(quantileSeq(values, q) as number, 12);
  });

  it('stay within the relative accuracy once bucketed', () => {
    const rng = createRng('many');
    const values = Array.from({ length: 5000 }, () => 0.2 + rng.next() * 0.7);
    const summary = createQuantileSummary();
    for (const v of values) addValue(summary, v);
    expect(summary.exact).toBeNull();
    for (const q of Q) {
      const reference = quantileSeq(values, q) as number;
      expect(Math.abs(quantile(summary, q) - reference) / reference).toBeLessThan(RELATIVE_ACCURACY * 1.01);
    }
  });

  it('merge to exactly the summary of all values, whatever the split, and survive JSON', () => {
    const rng = createRng('merge');
    const values = Array.from({ length: 3000 }, (_, i) => (i % 5 === 0 ? 0 : rng.next() * 10));
    const whole = createQuantileSummary();
    for (const v of values) addValue(whole, v);
    // Parts small enough to stay exact merge into a bucketed whole.
    const parts = Array.from({ length: 60 }, () => createQuantileSummary());
    values.forEach((v, i) => {
      addValue(parts[i % 60], v);
    });
    expect(parts[0].exact?.values.length).toBeLessThanOrEqual(EXACT_DISTINCT);
    const merged = createQuantileSummary();
    for (const part of parts)
      mergeSummary(merged, summaryFromJson(JSON.parse(JSON.stringify(summaryToJson(part)))));
    expect(JSON.stringify(summaryToJson(merged))).toBe(JSON.stringify(summaryToJson(whole)));
    for (const q of Q) expect(quantile(merged, q)).toBe(quantile(whole, q));
  });
});

describe('sortedQuantile', () => {
  it("equals mathjs's quantileSeq to the bit, on random data with and without ties", () => {
    const rng = createRng('sorted-quantile');
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rng.next() * 60);
      const ties = trial % 2 === 0;
      const values = Array.from({ length: n }, () =>
        ties ? Math.floor(rng.next() * 4) : rng.next() * 100 - 50,
      );
      const sorted = Float64Array.from(values).sort();
      for (const p of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1, rng.next()])
        expect(sortedQuantile(sorted, p)).toBe(quantileSeq(values, p) as number);
    }
  });
});
