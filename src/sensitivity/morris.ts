import { createRng, type Rng, randomIndex } from '../util/rng.js';
import { evaluateDesign, type Factor, requireFactors, type SensitivityModel } from './factors.js';

export interface MorrisFactor {
  name: string;
  /** Mean elementary effect (Morris 1991). */
  mu: number;
  /** Mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007): the importance. */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1): interactions and non-linearity. */
  sigma: number;
}

export interface MorrisOptions {
  /** r: trajectories, each k + 1 points (default 10). */
  trajectories?: number;
  /** p: grid levels per factor, even (default 4); the step is Δ = p / (2(p − 1)). */
  levels?: number;
  seed: number;
}

/** A Morris design: r trajectories of k + 1 points each, and which factor each step moved, which way. */
export interface MorrisDesign {
  k: number;
  trajectories: number;
  delta: number;
  /** Row-major, r × (k + 1) points × k factors, on [0, 1]. */
  points: Float64Array;
  /** moved[t × k + m]: the factor step m of trajectory t changed. */
  moved: Int32Array;
  /** Its direction, +1 or −1. */
  direction: Int8Array;
}

/**
 * Morris's one-at-a-time trajectories (Morris 1991) on the grid {0, 1/(p − 1), ..., 1}: each
 * trajectory starts at a random grid point, then moves every factor once, in random order, by
 * ±Δ, the direction chosen at random and the start chosen so that the move stays on the grid.
 */
export function morrisDesign(
  k: number,
  options: { trajectories: number; levels: number },
  rng: Rng,
): MorrisDesign {
  const { trajectories, levels } = options;
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0))
    throw new RangeError(`Morris levels must be an even whole number ≥ 2, found ${levels}`);
  if (!(Number.isInteger(trajectories) && trajectories >= 2))
    throw new RangeError(`Morris needs at least 2 trajectories, found ${trajectories}`);
  const delta = levels / (2 * (levels - 1));
  const points = new Float64Array(trajectories * (k + 1) * k);
  const moved = new Int32Array(trajectories * k);
  const direction = new Int8Array(trajectories * k);
  // Grid levels, kept as whole numbers so that every point lies exactly on the grid.
  const level = new Int32Array(k);
  const x = new Float64Array(k);
  const sign = new Int8Array(k);
  for (let t = 0; t < trajectories; t++) {
    for (let d = 0; d < k; d++) {
      sign[d] = rng.next() < 0.5 ? 1 : -1;
      // Upward moves start on the lower half of the grid, downward ones on the upper half.
      level[d] = randomIndex(rng, levels / 2) + (sign[d] > 0 ? 0 : levels / 2);
      x[d] = level[d] / (levels - 1);
    }
    const order = Int32Array.from({ length: k }, (_, d) => d);
    for (let i = k - 1; i > 0; i--) {
      const j = randomIndex(rng, i + 1);
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    const first = t * (k + 1);
    points.set(x, first * k);
    for (let m = 0; m < k; m++) {
      const d = order[m];
      level[d] += (sign[d] * levels) / 2;
      x[d] = level[d] / (levels - 1);
      points.set(x, (first + m + 1) * k);
      moved[t * k + m] = d;
      direction[t * k + m] = sign[d];
    }
  }
  return { k, trajectories, delta, points, moved, direction };
}

/** μ, μ* and σ of each factor's elementary effects, from the outputs at a Morris design's points. */
export function morrisAnalysis(
  design: MorrisDesign,
  y: Float64Array,
  names: readonly string[],
): { factors: MorrisFactor[] } {
  const { k, trajectories, delta } = design;
  if (y.length !== trajectories * (k + 1))
    throw new RangeError(`expected ${trajectories * (k + 1)} outputs (r × (k + 1)), found ${y.length}`);
  const effects = Array.from({ length: k }, () => new Float64Array(trajectories));
  for (let t = 0; t < trajectories; t++) {
    for (let m = 0; m < k; m++) {
      const row = t * (k + 1) + m;
      const d = design.moved[t * k + m];
      effects[d][t] = (y[row + 1] - y[row]) / (design.direction[t * k + m] * delta);
    }
  }
  return {
    factors: names.map((name, d) => {
      const e = effects[d];
      let sum = 0;
      let sumAbs = 0;
      for (const v of e) {
        sum += v;
        sumAbs += Math.abs(v);
      }
      const mu = sum / trajectories;
      let squares = 0;
      for (const v of e) squares += (v - mu) * (v - mu);
      return { name, mu, muStar: sumAbs / trajectories, sigma: Math.sqrt(squares / (trajectories - 1)) };
    }),
  };
}

/**
 * Morris's elementary-effects screening of a model over its factors, on the unit-scaled factor
 * space (an effect is the change in output per unit of a factor's whole range): μ, μ* (Campolongo
 * et al. 2007) and σ per factor. Costs r × (k + 1) evaluations.
 */
export async function morrisScreening(
  model: SensitivityModel,
  factors: readonly Factor[],
  options: MorrisOptions,
): Promise<{ factors: MorrisFactor[] }> {
  requireFactors(factors);
  const design = morrisDesign(
    factors.length,
    { trajectories: options.trajectories ?? 10, levels: options.levels ?? 4 },
    createRng(`morris:${options.seed}`),
  );
  const y = await evaluateDesign(model, design.points, factors);
  return morrisAnalysis(
    design,
    y,
    factors.map((f) => f.name),
  );
}
