import { describe, expect, it } from 'vitest';
import {
  constantHazardProbability,
  constantRateCount,
  PERSISTENCE_PROBABILITY,
  persistentCount,
} from '../../src/metrics/baselines.js';
import {
  brierScore,
  crpsOfCounts,
  crpsOfIntegerForecast,
  crpsOfSample,
  poissonProbabilities,
  skill,
} from '../../src/metrics/scores.js';

describe('proper scores (worked by hand)', () => {
  it('Brier: (p − o)²', () => {
    expect(brierScore(0.7, true)).toBeCloseTo(0.09, 15);
    expect(brierScore(0.7, false)).toBeCloseTo(0.49, 15);
    expect(brierScore(PERSISTENCE_PROBABILITY, true)).toBe(1);
    expect(() => brierScore(1.2, true)).toThrow(RangeError);
  });

  it('CRPS of a sample: E|X − y| − ½E|X − X′|', () => {
    // {1, 2, 3} against 2: mean distance 2/3; ordered pairs' distances sum to 8, ½ × 8/9 = 4/9.
    expect(crpsOfSample([3, 1, 2], 2)).toBeCloseTo(2 / 9, 15);
    // A point forecast scores its absolute error.
    expect(crpsOfSample([5, 5], 3)).toBe(2);
  });

  it('CRPS over the integers agrees with the sample formula on the same distribution', () => {
    // {1, 2, 2, 4} against 3: F = 0.25, 0.75, 0.75, 1 at 1..4; Σ (F(k) − 1{k ≥ 3})² = 0.6875,
    // and by the sample formula 1.25 − 9/16 = 0.6875.
    expect(crpsOfSample([1, 2, 2, 4], 3)).toBeCloseTo(0.6875, 15);
    expect(crpsOfIntegerForecast(1, [0.25, 0.5, 0, 0.25], 3)).toBeCloseTo(0.6875, 15);
    // Observations outside the support: a point mass at 0 against 2 scores 2, against −3 scores 3.
    expect(crpsOfIntegerForecast(0, [1], 2)).toBe(2);
    expect(crpsOfIntegerForecast(0, [1], -3)).toBe(3);
  });

  it('CRPS of distinct values with counts is that of the expanded sample', () => {
    expect(crpsOfCounts([1, 2, 4], [1, 2, 1], 3)).toBeCloseTo(crpsOfSample([1, 2, 2, 4], 3), 15);
    expect(crpsOfCounts([26, 27, 28], [3, 5, 2], 26)).toBeCloseTo(
      crpsOfSample([26, 26, 26, 27, 27, 27, 27, 27, 28, 28], 26),
      14,
    );
  });

  it('skill is the share of the baseline’s error the model removes', () => {
    expect(skill(0.25, 1)).toBe(0.75);
    expect(skill(2, 1)).toBe(-1);
    expect(skill(0, 0)).toBe(0);
  });
});

describe('null baselines', () => {
  it('a constant hazard of λ a year: 1 − e^(−λΔt)', () => {
    // Twelve admissions in 23 years, over 5 years: 1 − e^(−60/23).
    expect(constantHazardProbability(12 / 23, 5)).toBeCloseTo(1 - Math.exp(-60 / 23), 15);
    expect(constantHazardProbability(0, 5)).toBe(0);
  });

  it('a constant rate adds a Poisson count; persistence keeps the count', () => {
    const forecast = constantRateCount(16, 0.5, 4);
    expect(forecast.first).toBe(16);
    // Poisson(2): P(0) = e^−2, P(1) = 2e^−2, P(2) = 2e^−2, P(3) = 4/3 e^−2.
    const e = Math.exp(-2);
    expect([...forecast.probabilities.slice(0, 4)].map((p) => p / e)).toEqual(
      [1, 2, 2, 4 / 3].map((x) => expect.closeTo(x, 12)),
    );
    expect(forecast.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 11);
    expect(persistentCount(16)).toEqual({ first: 16, probabilities: Float64Array.of(1) });
    // Persistence at 16 against 28 is 12 off; a Poisson(12) forecast from 16 does better.
    const persistence = crpsOfIntegerForecast(16, persistentCount(16).probabilities, 28);
    const hazard = constantRateCount(16, 12 / 23, 23);
    expect(persistence).toBe(12);
    expect(crpsOfIntegerForecast(hazard.first, hazard.probabilities, 28)).toBeLessThan(persistence);
    expect(poissonProbabilities(0)).toEqual(Float64Array.of(1));
  });
});
