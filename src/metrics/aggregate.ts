import jstat from 'jstat';
import { addExact, type ExactSum, exactValue, mergeExact } from './exact-sum.js';
import {
  createOutcomes,
  mergeOutcomes,
  type OutcomeLayout,
  outcomesFromJson,
  outcomesToJson,
  type WorldOutcomes,
} from './outcomes.js';
import {
  addValue,
  createQuantileSummary,
  mergeSummary,
  type QuantileSummary,
  quantile,
  summaryFromJson,
  summaryToJson,
} from './quantile-summary.js';
import type { RunSummary } from './summarize.js';

/**
 * Statistics of an experiment across runs, kept so that (1) memory does not grow with the number
 * of replications, (2) the result depends only on which runs were added, not their order, and
 * (3) two aggregates of disjoint sets of runs merge into exactly the aggregate of all of them.
 * Sums are exact (exact-sum.ts), quantiles come from count-based summaries (quantile-summary.ts).
 */

/** One cell: one metric of one organisation at one step, for one variant and point. */
interface CellStats {
  sum: ExactSum;
  sumSquares: ExactSum;
  values: QuantileSummary;
}

/** The time series of one world (variant × point). cells[(step−1) × orgs × metrics + o × metrics + k]. */
interface WorldStats {
  orgIds: string[];
  steps: number;
  cells: CellStats[];
}

/** Paired differences (variant − reference) of one whole-run metric of one organisation. */
interface PairStats {
  sum: ExactSum;
  sumSquares: ExactSum;
  n: number;
  /** Pairs whose difference is above zero, and below (absent in checkpoints written before they were counted). */
  positive?: number;
  negative?: number;
}

export interface ExperimentAggregate {
  /** The time-series metrics, in cell order. */
  metricNames: readonly string[];
  /** The whole-run values compared between variants (the metrics, then derived ones). */
  wholeRunNames: readonly string[];
  variants: number;
  points: number;
  worlds: WorldStats[];
  /** pairs[variant][point][org][metric], for variants after the first (the reference). */
  pairs: Record<string, Record<string, PairStats>>[][];
  /** The reference variant's whole-run values in the replication under way, per point, to pair against. */
  pendingReference: (RunSummary | null)[];
  /** Per-state and per-rung outcomes of each world (outcomes.ts). */
  outcomes: WorldOutcomes[];
  /** checkPasses[world][c]: runs of the world that reproduced check c (experiment/checks.ts). */
  checkPasses: number[][];
}

export function createAggregate(
  metricNames: readonly string[],
  variants: number,
  points: number,
  worlds: ({ orgIds: string[]; steps: number } & Partial<OutcomeLayout>)[],
  wholeRunNames: readonly string[] = metricNames,
  checkCount = 0,
): ExperimentAggregate {
  return {
    metricNames,
    wholeRunNames,
    variants,
    points,
    worlds: worlds.map(({ orgIds, steps }) => ({
      orgIds,
      steps,
      cells: Array.from({ length: steps * orgIds.length * metricNames.length }, () => ({
        sum: [],
        sumSquares: [],
        values: createQuantileSummary(),
      })),
    })),
    pairs: Array.from({ length: variants }, () => Array.from({ length: points }, () => ({}))),
    pendingReference: new Array(points).fill(null),
    checkPasses: worlds.map(() => new Array(checkCount).fill(0)),
    outcomes: worlds.map(
      ({
        orgIds,
        steps,
        stateIds = [],
        subregions = [],
        rungNames = orgIds.map(() => []),
        initialTrust = [],
      }) => createOutcomes({ steps, orgIds, stateIds, subregions, rungNames, initialTrust }),
    ),
  };
}

/**
 * Adds the time series of `runs` runs to the cells of world `w`: `values` holds them one after
 * another, each laid out as RunResult.values. Cell by cell, all runs at once: a cell's sums and
 * summary are several small objects, and a world's thousands of them do not stay in cache from
 * one run to the next. The order of the additions does not change the result (exact sums, counts).
 */
export function addSeries(aggregate: ExperimentAggregate, w: number, values: Float64Array, runs = 1): void {
  const world = aggregate.worlds[w];
  const cells = world.cells.length;
  for (let c = 0; c < cells; c++) {
    const cell = world.cells[c];
    for (let r = 0; r < runs; r++) {
      const value = values[r * cells + c];
      if (Number.isNaN(value)) continue; // undefined this step (e.g. no proposals): not a value
      addExact(cell.sum, value);
      addExact(cell.sumSquares, value * value);
      addValue(cell.values, value);
    }
  }
}

/**
 * Adds one run's whole-run summary to the paired differences: the reference variant's is kept
 * for its replication, any other variant's is paired with it. Runs of one replication must arrive
 * with the reference variant first (the job order guarantees it).
 */
export function addPairs(
  aggregate: ExperimentAggregate,
  variant: number,
  point: number,
  summary: RunSummary,
): void {
  if (variant === 0) {
    aggregate.pendingReference[point] = summary;
    return;
  }
  const reference = aggregate.pendingReference[point];
  if (!reference) throw new Error(`run of variant ${variant} arrived before its reference`);
  const pairs = aggregate.pairs[variant][point];
  for (const [org, row] of Object.entries(summary)) {
    const base = reference[org];
    if (!base) continue; // an organisation the reference world does not have
    pairs[org] ??= {};
    for (const metric of aggregate.wholeRunNames) {
      const difference = row[metric] - base[metric];
      if (!Number.isFinite(difference)) continue;
      pairs[org][metric] ??= { sum: [], sumSquares: [], n: 0, positive: 0, negative: 0 };
      const pair = pairs[org][metric];
      addExact(pair.sum, difference);
      addExact(pair.sumSquares, difference * difference);
      pair.n++;
      if (difference > 0) pair.positive = (pair.positive ?? 0) + 1;
      else if (difference < 0) pair.negative = (pair.negative ?? 0) + 1;
    }
  }
}

/**
 * Notes a run that failed: it adds nothing, but when it is the reference variant's, the other
 * variants of its replication have nothing to pair with (an empty summary pairs no organisation).
 */
export function addFailedRun(aggregate: ExperimentAggregate, variant: number, point: number): void {
  if (variant === 0) aggregate.pendingReference[point] = {};
}

/** Adds everything in `other` (runs disjoint from those in `into`) into `into`. */
export function mergeAggregates(into: ExperimentAggregate, other: ExperimentAggregate): void {
  for (let w = 0; w < into.worlds.length; w++) mergeWorld(into, w, other, w);
  into.pairs.forEach((byPoint, v) => {
    byPoint.forEach((byOrg, p) => {
      for (const [org, byMetric] of Object.entries(other.pairs[v][p])) {
        byOrg[org] ??= {};
        for (const [metric, pair] of Object.entries(byMetric)) {
          byOrg[org][metric] ??= { sum: [], sumSquares: [], n: 0, positive: 0, negative: 0 };
          const into = byOrg[org][metric];
          mergeExact(into.sum, pair.sum);
          mergeExact(into.sumSquares, pair.sumSquares);
          into.n += pair.n;
          into.positive = (into.positive ?? 0) + (pair.positive ?? 0);
          into.negative = (into.negative ?? 0) + (pair.negative ?? 0);
        }
      }
    });
  });
}

/**
 * Adds world `ow` of `other` — its time series, outcomes and check passes, not its pairs — into
 * world `w` of `into`: how the statistics a worker thread gathered over a block of runs of one
 * world join the experiment's (experiment/block.ts).
 */
export function mergeWorld(
  into: ExperimentAggregate,
  w: number,
  other: ExperimentAggregate,
  ow: number,
): void {
  const cells = into.worlds[w].cells;
  const theirs = other.worlds[ow].cells;
  for (let c = 0; c < cells.length; c++) {
    mergeExact(cells[c].sum, theirs[c].sum);
    mergeExact(cells[c].sumSquares, theirs[c].sumSquares);
    mergeSummary(cells[c].values, theirs[c].values);
  }
  mergeOutcomes(into.outcomes[w], other.outcomes[ow]);
  for (let c = 0; c < into.checkPasses[w].length; c++) into.checkPasses[w][c] += other.checkPasses[ow][c];
}

export interface CellSummary {
  mean: number;
  sd: number;
  p05: number;
  p50: number;
  p95: number;
  n: number;
}

/** Mean, sample standard deviation and quantiles of one cell; NaN where undefined. */
export function cellSummary(
  aggregate: ExperimentAggregate,
  world: number,
  step: number,
  org: number,
  metric: number,
): CellSummary {
  const stats = aggregate.worlds[world];
  const m = aggregate.metricNames.length;
  const cell = stats.cells[(step - 1) * stats.orgIds.length * m + org * m + metric];
  const n = cell.values.n;
  const { mean, sd } = meanAndSd(cell.sum, cell.sumSquares, n);
  return {
    mean,
    sd,
    p05: quantile(cell.values, 0.05),
    p50: quantile(cell.values, 0.5),
    p95: quantile(cell.values, 0.95),
    n,
  };
}

export interface PairSummary {
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  n: number;
  /** Shares of the pairs whose difference is above and below zero (with uncertainty: of the parameter draws). */
  sharePositive: number;
  shareNegative: number;
}

/** The mean paired difference with its 95% t interval (jStat's Student t quantile). */
export function pairSummary(
  aggregate: ExperimentAggregate,
  variant: number,
  point: number,
  org: string,
  metric: string,
): PairSummary {
  const pair = aggregate.pairs[variant][point][org]?.[metric];
  const n = pair?.n ?? 0;
  const { mean, sd } = pair ? meanAndSd(pair.sum, pair.sumSquares, n) : { mean: Number.NaN, sd: Number.NaN };
  const sharePositive = n > 0 ? (pair?.positive ?? 0) / n : Number.NaN;
  const shareNegative = n > 0 ? (pair?.negative ?? 0) / n : Number.NaN;
  if (n < 2) return { mean, sd, ciLow: Number.NaN, ciHigh: Number.NaN, n, sharePositive, shareNegative };
  const half = jstat.jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return { mean, sd, ciLow: mean - half, ciHigh: mean + half, n, sharePositive, shareNegative };
}

function meanAndSd(sum: ExactSum, sumSquares: ExactSum, n: number): { mean: number; sd: number } {
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  const total = exactValue(sum);
  const mean = total / n;
  if (n < 2) return { mean, sd: Number.NaN };
  // From exact sums the usual cancellation is bounded by one rounding of each sum.
  const variance = Math.max(0, (exactValue(sumSquares) - (total * total) / n) / (n - 1));
  return { mean, sd: Math.sqrt(variance) };
}

/** Plain JSON of an aggregate, for checkpoints and shard states. */
export function aggregateToJson(aggregate: ExperimentAggregate): unknown {
  return {
    ...aggregate,
    worlds: aggregate.worlds.map((world) => ({
      ...world,
      cells: world.cells.map((cell) => ({ ...cell, values: summaryToJson(cell.values) })),
    })),
    outcomes: aggregate.outcomes.map(outcomesToJson),
  };
}

export function aggregateFromJson(json: unknown): ExperimentAggregate {
  const data = json as ExperimentAggregate & {
    outcomes: unknown[];
    worlds: {
      orgIds: string[];
      steps: number;
      cells: { sum: ExactSum; sumSquares: ExactSum; values: unknown }[];
    }[];
  };
  return {
    ...data,
    worlds: data.worlds.map((world) => ({
      ...world,
      cells: world.cells.map((cell) => ({
        sum: cell.sum,
        sumSquares: cell.sumSquares,
        values: summaryFromJson(cell.values),
      })),
    })),
    outcomes: data.outcomes.map(outcomesFromJson),
  };
}
