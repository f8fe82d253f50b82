import { poissonProbabilities } from './scores.js';

/**
 * Null forecasts the model must beat on history (issue #17, docs/VALIDATION.md), each written as
 * the scores of scores.ts take them:
 *
 * - **Constant hazard** at the historical average rate λ (events a year, from the calibration
 *   window): a yes/no fact "it happened within Δt years" has probability 1 − e^(−λΔt); a count that
 *   stood at c grows to c + N with N ~ Poisson(λΔt).
 * - **Persistence**: nothing changes — a count stays at c, and an event that has not happened does
 *   not (probability 0).
 */
export interface IntegerForecast {
  first: number;
  probabilities: Float64Array;
}

/** P(at least one event within `years`) under a constant hazard of `rate` events a year. */
export function constantHazardProbability(rate: number, years: number): number {
  if (!(rate >= 0) || !(years >= 0)) throw new RangeError('expected a rate and a span ≥ 0');
  return 1 - Math.exp(-rate * years);
}

/** A count that stood at `start`, after `years` of a constant rate: start + Poisson(rate × years). */
export function constantRateCount(start: number, rate: number, years: number): IntegerForecast {
  if (!(rate >= 0) || !(years >= 0)) throw new RangeError('expected a rate and a span ≥ 0');
  return { first: start, probabilities: poissonProbabilities(rate * years) };
}

/** Persistence: the count stays where it stood. */
export function persistentCount(start: number): IntegerForecast {
  return { first: start, probabilities: Float64Array.of(1) };
}

/** Persistence for a yes/no fact: what has not happened by the start does not happen. */
export const PERSISTENCE_PROBABILITY = 0;
