import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
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
  if ('posterior' in experiment.uncertainty)
    return posteriorUncertainty(
      file,
      experiment,
      experiment.uncertainty.posterior,
      points,
      replications,
      at,
      problems,
    );
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
  return { factors, values, applies: appliesOf(experiment, points, factors) };
}

/** Where each factor applies: everywhere but the worlds whose variant or sweep point set its path. */
function appliesOf(experiment: ExperimentFile, points: SweepPoint[], factors: StudyFactor[]): boolean[][] {
  const covers = (set: string, path: string) => path === set || path.startsWith(`${set}.`);
  return Object.values(experiment.variants).flatMap((variant) =>
    points.map((point) => {
      const setHere = [...Object.keys(variant.set ?? {}), ...Object.keys(point.values)];
      return factors.map((f) => !setHere.some((set) => covers(set, f.path)));
    }),
  );
}

/** Columns of posterior.csv that are not parameters. */
const POSTERIOR_BOOKKEEPING = new Set(['draw', 'replication', 'seed', 'distance']);

/**
 * Parameters from a calibration's posterior (cica-sim calibrate): replication r takes row
 * r mod K of the K accepted draws, so every draw is used as evenly as the replications allow and
 * the same file gives the same runs.
 */
function posteriorUncertainty(
  file: string,
  experiment: ExperimentFile,
  posteriorFile: string,
  points: SweepPoint[],
  replications: number,
  at: (path: string, message: string) => InputProblem,
  problems: InputProblem[],
): Uncertainty | null {
  const path = resolve(dirname(file), posteriorFile);
  if (!existsSync(path)) {
    problems.push(
      at(
        'uncertainty.posterior',
        `expected a posterior.csv written by cica-sim calibrate, found no file at ${path}`,
      ),
    );
    return null;
  }
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const paths = Object.keys(rows[0] ?? {}).filter((column) => !POSTERIOR_BOOKKEEPING.has(column));
  if (rows.length === 0 || paths.length === 0) {
    problems.push(
      at('uncertainty.posterior', `expected accepted draws and at least one parameter column in ${path}`),
    );
    return null;
  }
  const draws = rows.map((row) => paths.map((p) => Number(row[p])));
  const factors: StudyFactor[] = paths.map((p, d) => ({
    path: p,
    kind: 'values',
    values: draws.map((draw) => draw[d]),
  }));
  const values = Array.from({ length: replications }, (_, r) => draws[r % draws.length]);
  return { factors, values, applies: appliesOf(experiment, points, factors) };
}
