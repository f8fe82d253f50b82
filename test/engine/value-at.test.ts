import { describe, expect, it } from 'vitest';
import { type RunResult, valueAt } from '../../src/engine/simulate.js';

// A hand-made result: 2 steps × 2 organisations × 3 metrics, each value naming its place.
const result: RunResult = {
  seed: 1,
  steps: 2,
  startYear: 2025,
  stepsPerYear: 4,
  orgIds: ['CICA', 'SCO'],
  metricNames: ['members', 'adopted', 'stage'],
  // step 1: CICA 111 112 113, SCO 121 122 123; step 2: CICA 211 …
  values: Float64Array.from([111, 112, 113, 121, 122, 123, 211, 212, 213, 221, 222, 223]),
};

describe('valueAt', () => {
  it('reads a metric of an organisation after a step, by id or index', () => {
    expect(valueAt(result, 1, 'CICA', 'members')).toBe(111);
    expect(valueAt(result, 1, 'SCO', 'stage')).toBe(123);
    expect(valueAt(result, 2, 0, 'adopted')).toBe(212);
    expect(valueAt(result, 2, 1, 'members')).toBe(221);
  });

  it('refuses what the result does not hold, rather than read a neighbour', () => {
    expect(() => valueAt(result, 3, 'CICA', 'members')).toThrow(RangeError);
    expect(() => valueAt(result, 0, 'CICA', 'members')).toThrow(RangeError);
    expect(() => valueAt(result, 1, 'ASEAN', 'members')).toThrow(/ASEAN/);
    expect(() => valueAt(result, 1, 'CICA', 'vetoes')).toThrow(/vetoes/);
  });
});
