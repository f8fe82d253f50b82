import { createRng, randomIndex } from '../util/rng.js';
import { evaluateDesign, type Factor, requireFactors, type SensitivityModel } from './factors.js';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.js';

export interface SobolFactor {
  name: string;
  /** First-order index S_i and its bootstrap 95% interval. */
  first: number;
  firstLow: number;
  firstHigh: number;
  /** Total-effect index S_Ti and its bootstrap 95% interval. */
  total: number;
  totalLow: number;
  totalHigh: number;
}

export interface SobolOptions {
  /** N: base samples (a power of two keeps the Sobol' points balanced); N × (k + 2) evaluations. */
  samples: number;
  /** Seeds the bootstrap. */
  seed: number;
  /** Bootstrap resamples for the intervals (default 1000). */
  resamples?: number;
}

/**
 * Saltelli's design (Saltelli 2002; Saltelli et al. 2010, §3): the first N points of the 2k-dimensional
 * Sobol' sequence, split into A (the first k coordinates) and B (the last k), and for each factor
 * i the matrix AB_i — A with column i taken from B. Rows, row-major over the k factors:
 * A (N rows), B (N rows), then AB_1 ... AB_k (N rows each): N × (k + 2) in all.
 */
export function saltelliDesign(samples: number, k: number): Float64Array {
  if (2 * k > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(
      `Saltelli's design needs 2k Sobol' dimensions; at most ${SOBOL_MAX_DIMENSIONS / 2} factors`,
    );
  const base = sobolPoints(samples, 2 * k);
  const design = new Float64Array(samples * (k + 2) * k);
  for (let j = 0; j < samples; j++) {
    for (let d = 0; d < k; d++) {
      const a = base[j * 2 * k + d];
      const b = base[j * 2 * k + k + d];
      design[j * k + d] = a;
      design[(samples + j) * k + d] = b;
      for (let i = 0; i < k; i++) design[((2 + i) * samples + j) * k + d] = d === i ? b : a;
    }
  }
  return design;
}

/** S_i and S_Ti from the outputs at the rows `rows` of each block (A, B, AB_i) of a Saltelli design. */
function estimate(y: Float64Array, samples: number, k: number, rows: Int32Array, into: Float64Array): void {
  const n = rows.length;
  let sum = 0;
  let sumSquares = 0;
  for (const j of rows) {
    const a = y[j];
    const b = y[samples + j];
    sum += a + b;
    sumSquares += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = sumSquares / (2 * n) - mean * mean;
  for (let i = 0; i < k; i++) {
    const offset = (2 + i) * samples;
    let first = 0;
    let total = 0;
    for (const j of rows) {
      const a = y[j];
      const ab = y[offset + j];
      // Saltelli et al. 2010, Table 2 (b) for S_i; Jansen 1999 (f) for S_Ti.
      first += y[samples + j] * (ab - a);
      total += (a - ab) * (a - ab);
    }
    into[i] = variance > 0 ? first / n / variance : 0;
    into[k + i] = variance > 0 ? total / (2 * n) / variance : 0;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

/**
 * First-order and total Sobol' indices from the outputs of a Saltelli design (saltelliDesign),
 * with percentile bootstrap 95% intervals (Efron & Tibshirani 1993): the N base rows resampled
 * with replacement, each estimate recomputed on the resample.
 */
export function sobolAnalysis(
  y: Float64Array,
  names: readonly string[],
  options: SobolOptions,
): { factors: SobolFactor[] } {
  const k = names.length;
  const { samples } = options;
  if (y.length !== samples * (k + 2))
    throw new RangeError(`expected ${samples * (k + 2)} outputs (N × (k + 2)), found ${y.length}`);
  const all = Int32Array.from({ length: samples }, (_, j) => j);
  const point = new Float64Array(2 * k);
  estimate(y, samples, k, all, point);

  const resamples = options.resamples ?? 1000;
  const rng = createRng(`sobol-bootstrap:${options.seed}`);
  const draws = Array.from({ length: 2 * k }, () => new Float64Array(resamples));
  const rows = new Int32Array(samples);
  const once = new Float64Array(2 * k);
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < samples; j++) rows[j] = randomIndex(rng, samples);
    estimate(y, samples, k, rows, once);
    for (let e = 0; e < 2 * k; e++) draws[e][r] = once[e];
  }
  const interval = (e: number) => {
    const sorted = draws[e].sort();
    return [percentile(sorted, 0.025), percentile(sorted, 0.975)];
  };
  return {
    factors: names.map((name, i) => {
      const [firstLow, firstHigh] = interval(i);
      const [totalLow, totalHigh] = interval(k + i);
      return { name, first: point[i], firstLow, firstHigh, total: point[k + i], totalLow, totalHigh };
    }),
  };
}

/**
 * First-order and total Sobol' indices of a model over its factors, by Saltelli's scheme on the
 * unscrambled Sobol' sequence (Joe–Kuo direction numbers), with Saltelli 2010 and Jansen
 * estimators and bootstrap 95% intervals. Costs N × (k + 2) evaluations.
 */
export async function sobolIndices(
  model: SensitivityModel,
  factors: readonly Factor[],
  options: SobolOptions,
): Promise<{ factors: SobolFactor[] }> {
  requireFactors(factors);
  const design = saltelliDesign(options.samples, factors.length);
  const y = await evaluateDesign(model, design, factors);
  return sobolAnalysis(
    y,
    factors.map((f) => f.name),
    options,
  );
}
