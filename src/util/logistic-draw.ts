/**
 * The logistic σ(y) = 1 / (1 + e^(−y)), and the comparison every draw of the model makes with it,
 * `u < σ(y)`, decided without Math.exp in all but a sliver of cases.
 *
 * Why: a ten-year run draws about ten thousand votes and implementations, each a comparison of a
 * uniform number with σ; Math.exp is a call into V8's C library and was a fourteenth of a run.
 * A comparison needs σ only near u, so it is decided in three tiers:
 *   1. σ is increasing, so σ(y) lies between σ at the grid points of step 1/16 either side of y,
 *      tabulated with `logistic` for |y| < 20: u below the lower one (less a margin of 1e-12, far
 *      above the rounding of either σ) is below σ(y), u above the upper one is not. Two table
 *      reads settle every draw but those whose u falls between the two: σ's slope is at most ¼,
 *      so at most one draw in 64.
 *   2. Otherwise σ is approximated from a polynomial e^r on |r| ≤ ln2 / 2 and a table of powers of
 *      two (absolute error below 1e-6, against a margin of 1e-5).
 *   3. Only when u falls within that margin is σ computed exactly, as `logistic` does.
 * The answer is therefore always the one `u < logistic(y)` gives, bit for bit (a test compares
 * them on millions of cases, at the boundary and at the grid's points included).
 */

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** σ's inverse, logit(p) = log(p / (1 − p)): ±∞ at 1 and 0. */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** Whether u < logistic(y): exactly that comparison's answer. */
export function belowLogistic(u: number, y: number): boolean {
  const scaled = y * GRID_STEPS;
  if (scaled > -GRID_OFFSET && scaled < GRID_OFFSET) {
    const k = Math.floor(scaled) + GRID_OFFSET;
    if (u < GRID[k] - GRID_MARGIN) return true;
    if (u > GRID[k + 1] + GRID_MARGIN) return false;
  }
  const approximate = approximateLogistic(y);
  if (u < approximate - MARGIN) return true;
  if (u > approximate + MARGIN) return false;
  return u < logistic(y);
}

/** Whether u ≥ 1 − logistic(y): exactly that comparison's answer (a "no" drawn from the upper tail). */
export function atLeastComplementOfLogistic(u: number, y: number): boolean {
  const scaled = y * GRID_STEPS;
  if (scaled > -GRID_OFFSET && scaled < GRID_OFFSET) {
    // 1 − σ(y) lies between 1 − σ at the grid point above y and 1 − σ at the one below.
    const k = Math.floor(scaled) + GRID_OFFSET;
    if (u > 1 - GRID[k] + GRID_MARGIN) return true;
    if (u < 1 - GRID[k + 1] - GRID_MARGIN) return false;
  }
  const approximate = 1 - approximateLogistic(y);
  if (u > approximate + MARGIN) return true;
  if (u < approximate - MARGIN) return false;
  return u >= 1 - logistic(y);
}

/** Grid points a unit of y (a power of two, so y × GRID_STEPS and the points are exact). */
const GRID_STEPS = 16;
/** The grid covers |y| < 20, where σ is not yet 0 or 1 to the margin's precision: 20 × GRID_STEPS. */
const GRID_OFFSET = 20 * GRID_STEPS;
/** GRID[k] = logistic((k − GRID_OFFSET) / GRID_STEPS), as computed: 5 KiB, in cache. */
const GRID = Float64Array.from({ length: 2 * GRID_OFFSET + 2 }, (_, k) =>
  logistic((k - GRID_OFFSET) / GRID_STEPS),
);
/**
 * Far more than what the computed σ can be off the true one (a few units in the last place of a
 * number at most 1, about 1e-15), the rounding of 1 − σ included; σ is increasing, so these
 * bounds hold for the computed values too.
 */
const GRID_MARGIN = 1e-12;
/**
 * The grid as the votes' WebAssembly kernel reads it (engine/kernels/member-kernels.wat), which
 * settles the grid's tier itself and calls belowLogistic and atLeastComplementOfLogistic for the
 * rest: points a unit of y, the index of y = 0, the margin, σ at the points.
 */
export const LOGISTIC_GRID = { steps: GRID_STEPS, offset: GRID_OFFSET, margin: GRID_MARGIN, values: GRID };
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
