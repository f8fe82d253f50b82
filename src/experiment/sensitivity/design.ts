import { latinHypercubeDesign } from '../../sensitivity/latin-hypercube.js';
import { type MorrisDesign, morrisDesign } from '../../sensitivity/morris.js';
import { saltelliDesign } from '../../sensitivity/sobol-indices.js';
import { createRng } from '../../util/rng.js';

/** A factor as sampled: a scenario path and how a unit value in [0, 1] becomes its value. */
export type StudyFactor =
  | { path: string; kind: 'range'; min: number; max: number; scale: 'linear' | 'log' }
  | { path: string; kind: 'values'; values: unknown[] };

export type Method = 'morris' | 'sobol' | 'lhs';

export interface StudySize {
  method: Method;
  /** morris: r; sobol: N; lhs: n. */
  size: number;
  /** morris only. */
  levels: number;
}

/** The sample points of a study on [0, 1]^k (row-major), and the Morris design when there is one. */
export interface StudyDesign {
  points: number;
  unit: Float64Array;
  morris: MorrisDesign | null;
}

/** The design of a study: a pure function of its method, size, factor count and seed. */
export function studyDesign(size: StudySize, k: number, seed: number): StudyDesign {
  if (size.method === 'morris') {
    const morris = morrisDesign(
      k,
      { trajectories: size.size, levels: size.levels },
      createRng(`morris:${seed}`),
    );
    return { points: morris.points.length / k, unit: morris.points, morris };
  }
  if (size.method === 'sobol') {
    const unit = saltelliDesign(size.size, k);
    return { points: unit.length / k, unit, morris: null };
  }
  const unit = latinHypercubeDesign(size.size, k, createRng(`lhs:${seed}`));
  return { points: size.size, unit, morris: null };
}

/** A factor's value at a unit value u in [0, 1]: linear or logarithmic in its range, or one of its values. */
export function factorValue(factor: StudyFactor, u: number): unknown {
  if (factor.kind === 'values')
    return factor.values[Math.min(factor.values.length - 1, Math.floor(u * factor.values.length))];
  if (factor.scale === 'log')
    return Math.exp(Math.log(factor.min) + u * (Math.log(factor.max) - Math.log(factor.min)));
  return factor.min + u * (factor.max - factor.min);
}

/** Every point's factor values, point by point. */
export function pointValues(design: StudyDesign, factors: readonly StudyFactor[]): unknown[][] {
  const k = factors.length;
  return Array.from({ length: design.points }, (_, p) =>
    factors.map((factor, d) => factorValue(factor, design.unit[p * k + d])),
  );
}
