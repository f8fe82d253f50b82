import type { FloatReader } from '../util/float-stream.js';

/**
 * Exactly rounded floating-point summation (Shewchuk, "Adaptive precision floating-point
 * arithmetic and fast robust geometric predicates", 1997; the algorithm behind Python's
 * math.fsum). The running sum is kept as a list of non-overlapping partials whose exact total is
 * the exact sum of everything added, so the result does not depend on the order of the additions
 * or on how they were grouped — which is what lets experiment shards merge into exactly the
 * numbers one machine would have produced.
 */
export type ExactSum = number[];

export function addExact(partials: ExactSum, value: number): void {
  // Adding zero leaves the exact sum as it is (most counts are zero in most steps).
  if (value === 0) return;
  let x = value;
  let kept = 0;
  for (let i = 0; i < partials.length; i++) {
    let y = partials[i];
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const high = x + y;
    const low = y - (high - x);
    if (low !== 0) partials[kept++] = low;
    x = high;
  }
  if (kept < partials.length) {
    partials[kept] = x;
    // Setting an array's length is a call into the runtime even when it does not change it.
    if (partials.length !== kept + 1) partials.length = kept + 1;
  } else partials.push(x);
}

/** Adds every partial of `other` into `into`: the exact sum of both. */
export function mergeExact(into: ExactSum, other: ExactSum): void {
  for (const value of other) addExact(into, value);
}

/** Merges a packed exact sum (FloatWriter.list of its partials) into `into`. */
export function mergePackedExact(into: ExactSum, input: FloatReader): void {
  const length = input.next();
  for (let k = 0; k < length; k++) addExact(into, input.next());
}

/** The exact sum rounded once to the nearest double (round-half-even, as math.fsum). */
export function exactValue(partials: ExactSum): number {
  if (partials.length === 0) return 0;
  let i = partials.length - 1;
  let high = partials[i];
  let low = 0;
  while (i > 0) {
    const x = high;
    const y = partials[--i];
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  // Correct the rounding of the top two partials when what remains below would tip it.
  if (i > 0 && ((low < 0 && partials[i - 1] < 0) || (low > 0 && partials[i - 1] > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}
