/**
 * Proper scores of forecasts against what happened, for judging the model on history (issue #17,
 * docs/VALIDATION.md): lower is better for both, and a forecast that puts its weight on the truth
 * cannot do better by hedging.
 *
 * - **Brier score** of a yes/no fact (Brier 1950): (p − o)², with p the forecast probability and
 *   o 1 if the fact held, 0 if not. The model's p is the share of its runs in which the fact held.
 * - **Continuous ranked probability score** of a quantity (Matheson & Winkler 1976; Gneiting &
 *   Raftery 2007): CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx = E|X − y| − ½ E|X − X′|, with X, X′
 *   independent draws from the forecast F. For the model F is the runs' empirical distribution;
 *   for an integer-valued forecast given by its probabilities the integral is a sum over integers.
 *
 * Skill against a baseline: 1 − score / baseline score (1: perfect, 0: no better, below 0: worse).
 */

/** Brier score of probability `p` for a fact that did (`happened`) or did not hold. */
export function brierScore(p: number, happened: boolean): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`expected a probability in [0, 1], found ${p}`);
  const o = happened ? 1 : 0;
  return (p - o) ** 2;
}

/**
 * CRPS of an ensemble (the runs' values) for the observed `y`: mean |x − y| − ½ mean |x − x′| over
 * all ordered pairs, the second term from the sorted sample in O(m log m):
 * Σ_i Σ_j |x_i − x_j| = 2 Σ_k (2k − m + 1) x_(k), k = 0 … m − 1.
 */
export function crpsOfSample(sample: ArrayLike<number>, y: number): number {
  const m = sample.length;
  if (m === 0) throw new RangeError('expected at least one value in the sample');
  const sorted = Float64Array.from(sample).sort();
  let distance = 0;
  let spread = 0;
  for (let k = 0; k < m; k++) {
    distance += Math.abs(sorted[k] - y);
    spread += (2 * k - m + 1) * sorted[k];
  }
  return distance / m - spread / (m * m);
}

/**
 * CRPS of an ensemble given as distinct values (ascending) with their counts — an experiment's
 * exact summary of a cell — the same as crpsOfSample of the expanded sample:
 * E|X − X′| = (2/N²) Σ_k c_k v_k (C_below(k) − C_above(k)).
 */
export function crpsOfCounts(values: ArrayLike<number>, counts: ArrayLike<number>, y: number): number {
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k];
  if (total === 0) throw new RangeError('expected at least one value');
  let distance = 0;
  let spread = 0;
  let below = 0;
  for (let k = 0; k < values.length; k++) {
    const above = total - below - counts[k];
    distance += counts[k] * Math.abs(values[k] - y);
    spread += counts[k] * values[k] * (below - above);
    below += counts[k];
  }
  return distance / total - spread / (total * total);
}

/**
 * CRPS of a forecast over the integers given by P(X = k) for k = first, first + 1, … (summing to 1;
 * F is taken as 1 beyond the last): Σ_k (F(k) − 1{k ≥ y})² over all integers k, since F and the
 * step at y are both constant on each [k, k + 1) when y is a whole number.
 */
export function crpsOfIntegerForecast(first: number, probabilities: ArrayLike<number>, y: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(first))
    throw new RangeError('expected whole numbers for the observation and the first value');
  const last = first + probabilities.length - 1;
  // Below the support F = 0: each k from y up to first − 1 adds 1; above it F = 1: each k from
  // last + 1 up to y − 1 adds 1.
  let score = Math.max(0, first - y) + Math.max(0, y - last - 1);
  let cumulative = 0;
  for (let k = 0; k < probabilities.length; k++) {
    cumulative += probabilities[k];
    score += (Math.min(1, cumulative) - (first + k >= y ? 1 : 0)) ** 2;
  }
  return score;
}

/** Poisson probabilities P(N = k), k = 0 … until the tail left is below `tail`. */
export function poissonProbabilities(mean: number, tail = 1e-12): Float64Array {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`expected a mean ≥ 0, found ${mean}`);
  const probabilities: number[] = [];
  let p = Math.exp(-mean);
  let total = 0;
  for (let k = 0; total < 1 - tail && k < 10_000; k++) {
    if (k > 0) p *= mean / k;
    probabilities.push(p);
    total += p;
  }
  return Float64Array.from(probabilities);
}

/** 1 − score / baseline: the share of the baseline's error the model removes. */
export function skill(score: number, baselineScore: number): number {
  return baselineScore === 0 ? (score === 0 ? 0 : Number.NEGATIVE_INFINITY) : 1 - score / baselineScore;
}
