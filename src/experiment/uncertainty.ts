import type { InputProblem } from '../input/errors.js';
import type { SourceMap } from '../input/source-map.js';
import { latinHypercubeDesign } from '../sensitivity/latin-hypercube.js';
import { createRng } from '../util/rng.js';
import type { SweepPoint } from './load.js';
import type { ExperimentFile } from './schema.js';
import { factorValue, type StudyFactor } from './sensitivity/design.js';
import { factorProblems, resolveFactors } from './sensitivity/factors.js';

/**
 * An experiment's parameter uncertainty: each replication draws the factors' values from one row
 * of a Latin hypercube of `replications` rows (McKay et al. 1979), seeded by the experiment's seed,
 * and every variant and sweep point of the replication runs with the same draw — so paired
 * comparisons stay paired, and their spread over replications holds the parameters' uncertainty
 * and the simulation's noise together.
 */
export interface Uncertainty {
  factors: StudyFactor[];
  /** values[replication][factor]. */
  values: unknown[][];
  /** applies[world][factor]: false where the world's variant or sweep point sets that path itself (it wins). */
  applies: boolean[][];
}

/** The most values a draw may hold (replications × factors): a Latin hypercube is held whole. */
const MAX_DRAWN_VALUES = 50_000_000;

export function resolveUncertainty(
  file: string,
  experiment: ExperimentFile,
  points: SweepPoint[],
  replications: number,
  locations: SourceMap,
  at: (path: string, message: string) => InputProblem,
  problems: InputProblem[],
): Uncertainty | null {
  if (!experiment.uncertainty) return null;
  const factors = resolveFactors(experiment.uncertainty.factors, 'uncertainty.factors', at, problems);
  problems.push(...factorProblems(file, experiment, factors, 'uncertainty.factors', locations));
  if (replications * factors.length > MAX_DRAWN_VALUES)
    problems.push(
      at(
        'uncertainty',
        `${replications.toLocaleString('en')} replications × ${factors.length} factors is more than a Latin hypercube here holds (${MAX_DRAWN_VALUES.toLocaleString('en')} values); use fewer replications, or merge shards of separate experiments`,
      ),
    );
  if (problems.length > 0) return null;
  const k = factors.length;
  const design = latinHypercubeDesign(replications, k, createRng(`uncertainty:${experiment.seed}`));
  const values = Array.from({ length: replications }, (_, r) =>
    factors.map((factor, d) => factorValue(factor, design[r * k + d])),
  );
  const covers = (set: string, path: string) => path === set || path.startsWith(`${set}.`);
  const applies = Object.values(experiment.variants).flatMap((variant) =>
    points.map((point) => {
      const setHere = [...Object.keys(variant.set ?? {}), ...Object.keys(point.values)];
      return factors.map((f) => !setHere.some((set) => covers(set, f.path)));
    }),
  );
  return { factors, values, applies };
}
