import { JOE_KUO_DIRECTIONS } from './joe-kuo.js';

const BITS = 32;
const SCALE = 2 ** BITS;

/** The most dimensions the shipped direction numbers cover (joe-kuo.ts). */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_DIRECTIONS.length + 1;

/**
 * The 32 direction numbers of one dimension (Bratley & Fox 1988, algorithm 659; Joe & Kuo 2008):
 * v_j = m_j · 2^(32−j), the first s from the table and the rest by the primitive polynomial's
 * recurrence. The first dimension is van der Corput's (every m_j = 1).
 */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let j = 1; j <= BITS; j++) v[j] = 2 ** (BITS - j);
    return v;
  }
  const [s, a, ...m] = JOE_KUO_DIRECTIONS[dimension - 1];
  for (let j = 1; j <= Math.min(s, BITS); j++) v[j] = m[j - 1] * 2 ** (BITS - j);
  for (let j = s + 1; j <= BITS; j++) {
    let value = v[j - s] ^ (v[j - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) value ^= v[j - k];
    v[j] = value >>> 0;
  }
  return v;
}

/**
 * The first `count` points of the unscrambled `dimensions`-dimensional Sobol' sequence (after
 * skipping `skip`), row-major in a Float64Array of count × dimensions, in Gray-code order as
 * Antonov & Saleev (1979) generate it: the point i differs from point i − 1 by the direction
 * number of the lowest zero bit of i − 1. The first point is the origin.
 */
export function sobolPoints(count: number, dimensions: number, skip = 0): Float64Array {
  if (dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(
      `the Sobol' sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, not ${dimensions}`,
    );
  const directions = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const x = new Uint32Array(dimensions);
  const points = new Float64Array(count * dimensions);
  for (let index = 0; index < skip + count; index++) {
    if (index >= skip) {
      const row = (index - skip) * dimensions;
      for (let d = 0; d < dimensions; d++) points[row + d] = x[d] / SCALE;
    }
    // Step to the next point: flip by the direction number of this index's lowest zero bit.
    let c = 1;
    for (let value = index; value & 1; value >>>= 1) c++;
    for (let d = 0; d < dimensions; d++) x[d] = (x[d] ^ directions[d][c]) >>> 0;
  }
  return points;
}
