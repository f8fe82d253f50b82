import type { RunResult } from '../engine/simulate.js';

/**
 * What an experiment keeps, across runs, of each world's per-state and per-rung outcomes: vetoes
 * by state, the final trust matrix, when each rung was reached and when each state was admitted.
 * Everything is a count or a sum of integers, so it is exact, independent of the order runs
 * arrive in, and two disjoint sets of runs merge into exactly the whole (as aggregate.ts).
 *
 * Trust is kept as a histogram of TRUST_BINS equal bins over [0, 1] per ordered pair, so its
 * quantiles are within one bin width (0.01) of the exact ones, in memory that does not grow with
 * the number of runs.
 */
export const TRUST_BINS = 100;

/** What a world's outcomes are indexed by: its states (with their subregions), organisations and rungs. */
export interface OutcomeLayout {
  steps: number;
  orgIds: string[];
  stateIds: string[];
  subregions: string[];
  /** Each organisation's ladder; rungs are numbered through all ladders in order. */
  rungNames: string[][];
  /** Each pair's structural trust at the start, [i × states + j], to four decimals ([]: not kept, for large worlds). */
  initialTrust: number[];
}

export interface WorldOutcomes extends OutcomeLayout {
  runs: number;
  /** Vetoes used, summed over runs: vetoTotals[o × states + i]. */
  vetoTotals: Float64Array;
  /** Runs in which state i used at least one veto in organisation o: vetoRuns[o × states + i]. */
  vetoRuns: Float64Array;
  /** Blocks (a pivotal "no" on a failed CBM, under any rule), summed over runs, and runs with any: [o × states + i]. */
  blockTotals: Float64Array;
  blockRuns: Float64Array;
  /** Final trust of i in j: counts in bin b at trustBins[(i × states + j) × TRUST_BINS + b]. */
  trustBins: Uint32Array;
  /** Runs in which rung r was reached at step s (0: held at the start): rungSteps[r × (steps + 1) + s]. */
  rungSteps: Float64Array;
  /** Runs in which state i was admitted to o at step s: admittedSteps[(o × states + i) × (steps + 1) + s]. */
  admittedSteps: Float64Array;
}

export function createOutcomes(layout: OutcomeLayout): WorldOutcomes {
  const { steps } = layout;
  const orgCount = layout.orgIds.length;
  const stateCount = layout.stateIds.length;
  const rungCount = layout.rungNames.reduce((total, names) => total + names.length, 0);
  return {
    ...layout,
    // A checkpoint written before the column existed has none.
    initialTrust: layout.initialTrust ?? [],
    runs: 0,
    vetoTotals: new Float64Array(orgCount * stateCount),
    vetoRuns: new Float64Array(orgCount * stateCount),
    blockTotals: new Float64Array(orgCount * stateCount),
    blockRuns: new Float64Array(orgCount * stateCount),
    trustBins: new Uint32Array(stateCount * stateCount * TRUST_BINS),
    rungSteps: new Float64Array(rungCount * (steps + 1)),
    admittedSteps: new Float64Array(orgCount * stateCount * (steps + 1)),
  };
}

export function trustBin(trust: number): number {
  return Math.min(TRUST_BINS - 1, Math.max(0, Math.floor(trust * TRUST_BINS)));
}

export function addOutcomes(outcomes: WorldOutcomes, result: RunResult): void {
  outcomes.runs++;
  const { vetoesByState, blocksByState, finalTrust, rungReachedStep, admittedStep } = result;
  const span = outcomes.steps + 1;
  if (vetoesByState)
    for (let c = 0; c < vetoesByState.length; c++) {
      outcomes.vetoTotals[c] += vetoesByState[c];
      if (vetoesByState[c] > 0) outcomes.vetoRuns[c]++;
    }
  if (blocksByState)
    for (let c = 0; c < blocksByState.length; c++) {
      outcomes.blockTotals[c] += blocksByState[c];
      if (blocksByState[c] > 0) outcomes.blockRuns[c]++;
    }
  if (finalTrust)
    for (let c = 0; c < finalTrust.length; c++) {
      const trust = finalTrust[c];
      if (!Number.isNaN(trust)) outcomes.trustBins[c * TRUST_BINS + trustBin(trust)]++;
    }
  if (rungReachedStep)
    for (let r = 0; r < rungReachedStep.length; r++) {
      const step = rungReachedStep[r];
      if (!Number.isNaN(step)) outcomes.rungSteps[r * span + step]++;
    }
  if (admittedStep)
    for (let c = 0; c < admittedStep.length; c++) {
      const step = admittedStep[c];
      if (!Number.isNaN(step)) outcomes.admittedSteps[c * span + step]++;
    }
}

export function mergeOutcomes(into: WorldOutcomes, other: WorldOutcomes): void {
  into.runs += other.runs;
  const add = (a: Float64Array | Uint32Array, b: Float64Array | Uint32Array) => {
    for (let c = 0; c < a.length; c++) a[c] += b[c];
  };
  add(into.vetoTotals, other.vetoTotals);
  add(into.vetoRuns, other.vetoRuns);
  add(into.blockTotals, other.blockTotals);
  add(into.blockRuns, other.blockRuns);
  add(into.trustBins, other.trustBins);
  add(into.rungSteps, other.rungSteps);
  add(into.admittedSteps, other.admittedSteps);
}

/**
 * Outcomes as additions to make, for a worker thread to send back what a block of runs adds: the
 * dense arrays hold n² × 100 trust bins and organisations × n × steps admission counts, far
 * more than a block touches (hundreds of megabytes at 5,000 states). Each list holds pairs
 * (index, count) into the array of that name; vetoes and blocks hold triples (index, total, runs).
 * Indices may repeat: additions add up.
 */
export interface OutcomeAdditions {
  runs: number;
  vetoes: number[];
  blocks: number[];
  trust: number[];
  rungs: number[];
  admissions: number[];
}

export function emptyAdditions(): OutcomeAdditions {
  return { runs: 0, vetoes: [], blocks: [], trust: [], rungs: [], admissions: [] };
}

/** What one run adds (as addOutcomes would add it to a world's outcomes with `steps` steps). */
export function addRunAdditions(additions: OutcomeAdditions, result: RunResult, steps: number): void {
  additions.runs++;
  const { vetoesByState, blocksByState, finalTrust, rungReachedStep, admittedStep } = result;
  const span = steps + 1;
  if (vetoesByState)
    for (let c = 0; c < vetoesByState.length; c++)
      if (vetoesByState[c] > 0) additions.vetoes.push(c, vetoesByState[c], 1);
  if (blocksByState)
    for (let c = 0; c < blocksByState.length; c++)
      if (blocksByState[c] > 0) additions.blocks.push(c, blocksByState[c], 1);
  if (finalTrust)
    for (let c = 0; c < finalTrust.length; c++) {
      const trust = finalTrust[c];
      if (!Number.isNaN(trust)) additions.trust.push(c * TRUST_BINS + trustBin(trust), 1);
    }
  if (rungReachedStep)
    for (let r = 0; r < rungReachedStep.length; r++) {
      const step = rungReachedStep[r];
      if (!Number.isNaN(step)) additions.rungs.push(r * span + step, 1);
    }
  if (admittedStep)
    for (let c = 0; c < admittedStep.length; c++) {
      const step = admittedStep[c];
      if (!Number.isNaN(step)) additions.admissions.push(c * span + step, 1);
    }
}

/** The additions that would turn empty outcomes into `outcomes` (its non-zero entries). */
export function additionsOf(outcomes: WorldOutcomes): OutcomeAdditions {
  const pairs = (values: ArrayLike<number>) => {
    const list: number[] = [];
    for (let k = 0; k < values.length; k++) if (values[k] !== 0) list.push(k, values[k]);
    return list;
  };
  const triples = (totals: Float64Array, runs: Float64Array) => {
    const list: number[] = [];
    for (let c = 0; c < totals.length; c++)
      if (totals[c] !== 0 || runs[c] !== 0) list.push(c, totals[c], runs[c]);
    return list;
  };
  return {
    runs: outcomes.runs,
    vetoes: triples(outcomes.vetoTotals, outcomes.vetoRuns),
    blocks: triples(outcomes.blockTotals, outcomes.blockRuns),
    trust: pairs(outcomes.trustBins),
    rungs: pairs(outcomes.rungSteps),
    admissions: pairs(outcomes.admittedSteps),
  };
}

/**
 * Quantile q of the final trust of i in j over runs: the value at rank q × n in the histogram,
 * spread evenly within its bin; NaN with no runs.
 */
export function trustQuantile(outcomes: WorldOutcomes, i: number, j: number, q: number): number {
  const base = (i * outcomes.stateIds.length + j) * TRUST_BINS;
  let n = 0;
  for (let b = 0; b < TRUST_BINS; b++) n += outcomes.trustBins[base + b];
  if (n === 0) return Number.NaN;
  const rank = q * n;
  let below = 0;
  for (let b = 0; b < TRUST_BINS; b++) {
    const count = outcomes.trustBins[base + b];
    if (count > 0 && below + count >= rank) return (b + (rank - below) / count) / TRUST_BINS;
    below += count;
  }
  return 1;
}

/** Share of runs in which rung r was reached by the end of step `step` (0: at the start). */
export function shareReachedBy(outcomes: WorldOutcomes, counts: Float64Array, offset: number, step: number) {
  let reached = 0;
  for (let s = 0; s <= step; s++) reached += counts[offset + s];
  return outcomes.runs > 0 ? reached / outcomes.runs : Number.NaN;
}

/** Sparse JSON: [index, count, index, count, ...] of the non-zero entries of each array. */
export function outcomesToJson(outcomes: WorldOutcomes): unknown {
  const sparse = (array: Float64Array | Uint32Array) => {
    const entries: number[] = [];
    for (let c = 0; c < array.length; c++) if (array[c] !== 0) entries.push(c, array[c]);
    return entries;
  };
  return {
    steps: outcomes.steps,
    orgIds: outcomes.orgIds,
    stateIds: outcomes.stateIds,
    subregions: outcomes.subregions,
    rungNames: outcomes.rungNames,
    initialTrust: outcomes.initialTrust,
    runs: outcomes.runs,
    vetoTotals: sparse(outcomes.vetoTotals),
    vetoRuns: sparse(outcomes.vetoRuns),
    blockTotals: sparse(outcomes.blockTotals),
    blockRuns: sparse(outcomes.blockRuns),
    trustBins: sparse(outcomes.trustBins),
    rungSteps: sparse(outcomes.rungSteps),
    admittedSteps: sparse(outcomes.admittedSteps),
  };
}

export function outcomesFromJson(json: unknown): WorldOutcomes {
  const data = json as OutcomeLayout & { runs: number } & Record<
      'vetoTotals' | 'vetoRuns' | 'blockTotals' | 'blockRuns' | 'trustBins' | 'rungSteps' | 'admittedSteps',
      number[]
    >;
  const outcomes = createOutcomes(data);
  outcomes.runs = data.runs;
  // A checkpoint written before blocks were kept by state has none (absent: zeros).
  const fill = (array: Float64Array | Uint32Array, entries: number[] = []) => {
    for (let e = 0; e < entries.length; e += 2) array[entries[e]] = entries[e + 1];
  };
  fill(outcomes.vetoTotals, data.vetoTotals);
  fill(outcomes.vetoRuns, data.vetoRuns);
  fill(outcomes.blockTotals, data.blockTotals);
  fill(outcomes.blockRuns, data.blockRuns);
  fill(outcomes.trustBins, data.trustBins);
  fill(outcomes.rungSteps, data.rungSteps);
  fill(outcomes.admittedSteps, data.admittedSteps);
  return outcomes;
}
