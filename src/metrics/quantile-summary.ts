import type { FloatReader, FloatWriter } from '../util/float-stream.js';

/**
 * What an experiment keeps of one cell's values (one metric, organisation, step, variant and
 * point over all replications) to report quantiles, in memory that does not grow with the number
 * of replications, merging exactly across shards and independent of the order values arrive in.
 *
 * - While a cell has at most EXACT_DISTINCT distinct values (counts of proposals, members,
 *   conflicts, stages...) it keeps each value with its count: quantiles are exact.
 * - Beyond that it keeps counts in logarithmic buckets (the DDSketch mapping of Masson, Rim and
 *   Lee, VLDB 2019): bucket i holds values in (γ^(i−1), γ^i] with γ = (1+α)/(1−α), and a bucket
 *   is reported as 2γ^i/(γ+1), within relative error α = 0.5% of every value in it.
 *
 * Both are counts, so merging adds counts and the result depends only on the multiset of values.
 * Quantiles follow R's type 7 (linear interpolation between order statistics at (n−1)q).
 */
export const EXACT_DISTINCT = 64;
export const RELATIVE_ACCURACY = 0.005;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

export interface QuantileSummary {
  n: number;
  /** The distinct values in ascending order with their counts, while exact; null once bucketed. */
  exact: ExactValues | null;
  zeros: number;
  positive: BucketStore;
  negative: BucketStore;
}

/**
 * Sorted parallel arrays rather than a Map: finding a value is a binary search over at most
 * EXACT_DISTINCT numbers, and quantiles need them sorted anyway. Taking in runs spends most of
 * its time here (a few thousand values a run), and this halved it.
 */
export interface ExactValues {
  values: number[];
  counts: number[];
}

/** Counts of consecutive bucket indices offset, offset+1, ... */
export interface BucketStore {
  offset: number;
  counts: number[];
}

export function createQuantileSummary(): QuantileSummary {
  return {
    n: 0,
    exact: { values: [], counts: [] },
    zeros: 0,
    positive: { offset: 0, counts: [] },
    negative: { offset: 0, counts: [] },
  };
}

export function addValue(summary: QuantileSummary, value: number, count = 1): void {
  summary.n += count;
  const exact = summary.exact;
  if (exact) {
    const { values, counts } = exact;
    let low = 0;
    let high = values.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[middle] < value) low = middle + 1;
      else high = middle;
    }
    if (low < values.length && values[low] === value) counts[low] += count;
    else {
      values.splice(low, 0, value);
      counts.splice(low, 0, count);
      if (values.length > EXACT_DISTINCT) toBuckets(summary);
    }
    return;
  }
  bucketValue(summary, value, count);
}

export function mergeSummary(into: QuantileSummary, other: QuantileSummary): void {
  if (other.exact) {
    other.exact.values.forEach((value, k) => {
      addValue(into, value, (other.exact as ExactValues).counts[k]);
    });
    return;
  }
  if (into.exact) toBuckets(into);
  into.n += other.n;
  into.zeros += other.zeros;
  mergeStore(into.positive, other.positive);
  mergeStore(into.negative, other.negative);
}

/** The q-quantile (type 7) of everything added; NaN when nothing was. */
export function quantile(summary: QuantileSummary, q: number): number {
  if (summary.n === 0) return Number.NaN;
  const h = (summary.n - 1) * q;
  const lower = Math.floor(h);
  const below = valueAtRank(summary, lower);
  if (h === lower) return below;
  return below + (h - lower) * (valueAtRank(summary, lower + 1) - below);
}

/**
 * The p-quantile (type 7) of values sorted in ascending order, computed as mathjs's quantileSeq
 * computes it on sorted input, to the bit: index = p × (n − 1), then (1 − f) × below + f × above.
 * (Loading mathjs takes half a second, which every experiment would pay for its summaries.)
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const index = p * (sorted.length - 1);
  if (Number.isInteger(index)) return sorted[index];
  const lower = Math.floor(index);
  const fraction = index % 1;
  return sorted[lower] * (1 - fraction) + sorted[lower + 1] * fraction;
}

function toBuckets(summary: QuantileSummary): void {
  const exact = summary.exact;
  summary.exact = null;
  if (!exact) return;
  exact.values.forEach((value, k) => {
    bucketValue(summary, value, exact.counts[k]);
  });
}

function bucketValue(summary: QuantileSummary, value: number, count: number): void {
  if (value === 0) summary.zeros += count;
  else if (value > 0) addToStore(summary.positive, Math.ceil(Math.log(value) / LOG_GAMMA), count);
  else addToStore(summary.negative, Math.ceil(Math.log(-value) / LOG_GAMMA), count);
}

function addToStore(store: BucketStore, index: number, count: number): void {
  if (store.counts.length === 0) store.offset = index;
  if (index < store.offset) {
    store.counts.unshift(...new Array<number>(store.offset - index).fill(0));
    store.offset = index;
  }
  const at = index - store.offset;
  while (store.counts.length <= at) store.counts.push(0);
  store.counts[at] += count;
}

function mergeStore(into: BucketStore, other: BucketStore): void {
  other.counts.forEach((count, k) => {
    if (count !== 0) addToStore(into, other.offset + k, count);
  });
}

const representative = (index: number) => (2 * GAMMA ** index) / (GAMMA + 1);

/** The value of the element at 0-based `rank` in sorted order. */
function valueAtRank(summary: QuantileSummary, rank: number): number {
  if (summary.exact) {
    const { values, counts } = summary.exact;
    let seen = 0;
    for (let k = 0; k < values.length; k++) {
      seen += counts[k];
      if (rank < seen) return values[k];
    }
    return values[values.length - 1];
  }
  let seen = 0;
  // Negative values, most negative (largest magnitude bucket) first.
  for (let k = summary.negative.counts.length - 1; k >= 0; k--) {
    seen += summary.negative.counts[k];
    if (rank < seen) return -representative(summary.negative.offset + k);
  }
  seen += summary.zeros;
  if (rank < seen) return 0;
  for (let k = 0; k < summary.positive.counts.length; k++) {
    seen += summary.positive.counts[k];
    if (rank < seen) return representative(summary.positive.offset + k);
  }
  return representative(summary.positive.offset + summary.positive.counts.length - 1);
}

/** Writes a summary to a worker's result (metrics/packed-world.ts). */
export function packSummary(summary: QuantileSummary, out: FloatWriter): void {
  out.push(summary.n);
  out.push(summary.zeros);
  if (summary.exact) {
    out.list(summary.exact.values);
    out.list(summary.exact.counts);
  } else {
    out.push(-1);
    out.push(summary.positive.offset);
    out.list(summary.positive.counts);
    out.push(summary.negative.offset);
    out.list(summary.negative.counts);
  }
}

/** Merges a packed summary (packSummary) into `into`, as mergeSummary would, building nothing. */
export function mergePackedSummary(into: QuantileSummary, input: FloatReader): void {
  const n = input.next();
  const zeros = input.next();
  const distinct = input.next();
  const data = input.data;
  if (distinct >= 0) {
    const values = input.at;
    const counts = values + distinct + 1; // past the values and the counts' length
    for (let k = 0; k < distinct; k++) addValue(into, data[values + k], data[counts + k]);
    input.at = counts + distinct;
    return;
  }
  if (into.exact) toBuckets(into);
  into.n += n;
  into.zeros += zeros;
  for (const store of [into.positive, into.negative]) {
    const offset = input.next();
    const length = input.next();
    for (let k = 0; k < length; k++) {
      const count = data[input.at + k];
      if (count !== 0) addToStore(store, offset + k, count);
    }
    input.at += length;
  }
}

/** Plain JSON for checkpoints and shard states. */
export function summaryToJson(summary: QuantileSummary): unknown {
  return {
    n: summary.n,
    exact: summary.exact ? summary.exact.values.map((value, k) => [value, summary.exact?.counts[k]]) : null,
    zeros: summary.zeros,
    positive: summary.positive,
    negative: summary.negative,
  };
}

export function summaryFromJson(json: unknown): QuantileSummary {
  const data = json as {
    n: number;
    exact: [number, number][] | null;
    zeros: number;
    positive: BucketStore;
    negative: BucketStore;
  };
  return {
    n: data.n,
    // Written in ascending order (summaryToJson), as the arrays keep them.
    exact: data.exact
      ? { values: data.exact.map(([value]) => value), counts: data.exact.map(([, count]) => count) }
      : null,
    zeros: data.zeros,
    positive: { offset: data.positive.offset, counts: [...data.positive.counts] },
    negative: { offset: data.negative.offset, counts: [...data.negative.counts] },
  };
}
