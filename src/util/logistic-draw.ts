/**
 * The logistic σ(y) = 1 / (1 + e^(−y)), and the comparison every draw of the model makes with it,
 * `u < σ(y)`, decided without Math.exp in all but a sliver of cases.
 *
 * Why: a ten-year run draws about ten thousand votes and implementations, each a comparison of a
 * uniform number with σ; Math.exp is a call into V8's C library and was a fourteenth of a run.
 * A comparison needs σ only near u. So σ is first approximated from a polynomial e^r on
 * |r| ≤ ln2 / 2 and a table of powers of two (absolute error below 1e-6, against a margin of
 * 1e-5); only when u falls within the margin is σ computed exactly, as `logistic` does. The
 * answer is therefore always the one `u < logistic(y)` gives, bit for bit (a test compares them
 * on millions of cases, at the boundary included).
 */

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Whether u < logistic(y): exactly that comparison's answer. */
export function belowLogistic(u: number, y: number): boolean {
  const approximate = approximateLogistic(y);
  if (u < approximate - MARGIN) return true;
  if (u > approximate + MARGIN) return false;
  return u < logistic(y);
}

/** Whether u ≥ 1 − logistic(y): exactly that comparison's answer (a "no" drawn from the upper tail). */
export function atLeastComplementOfLogistic(u: number, y: number): boolean {
  const approximate = 1 - approximateLogistic(y);
  if (u > approximate + MARGIN) return true;
  if (u < approximate - MARGIN) return false;
  return u >= 1 - logistic(y);
}

/** Far more than the approximation's error (below 1e-6) and the rounding of 1 − σ. */
const MARGIN = 1e-5;
/** Beyond this |y| the approximation is not attempted (NaN is returned, so the exact path decides). */
const RANGE = 700;
const POWER_OFFSET = 1100;
/** POWERS_OF_TWO[k + POWER_OFFSET] = 2^k, exactly, for |k| ≤ 1100 (zero and ∞ at the ends). */
const POWERS_OF_TWO = Float64Array.from({ length: 2 * POWER_OFFSET + 1 }, (_, k) => 2 ** (k - POWER_OFFSET));

/**
 * σ(y) within 1e-6: e^(−y) = 2^k × e^r with k = round(−y / ln 2) and |r| ≤ ln2/2 + ε, e^r from its
 * Taylor polynomial of degree 6 (relative error below r⁷/7! × e^r < 2e-7). NaN outside ±RANGE and
 * for NaN.
 */
export function approximateLogistic(y: number): number {
  if (!(y > -RANGE && y < RANGE)) return Number.NaN;
  const z = -y;
  const k = Math.round(z * Math.LOG2E);
  const r = z - k * Math.LN2;
  const er = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  return 1 / (1 + er * POWERS_OF_TWO[k + POWER_OFFSET]);
}
