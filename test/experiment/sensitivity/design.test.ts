import { describe, expect, it } from 'vitest';
import { factorValue, pointValues, studyDesign } from '../../../src/experiment/sensitivity/design.js';

describe('the design of a study', () => {
  it('maps a unit value to a factor: linear, logarithmic, or one of its listed values', () => {
    const linear = { path: 'a', kind: 'range', min: 2, max: 6, scale: 'linear' } as const;
    const log = { path: 'b', kind: 'range', min: 1, max: 100, scale: 'log' } as const;
    const listed = { path: 'c', kind: 'values' as const, values: [0, 1, 2, 3] };
    expect(factorValue(linear, 0.25)).toBe(3);
    // By hand: halfway in log(value) between 1 and 100 is 10.
    expect(factorValue(log, 0.5)).toBeCloseTo(10, 12);
    expect(factorValue(log, 0)).toBeCloseTo(1, 12);
    expect(factorValue(log, 1)).toBeCloseTo(100, 12);
    // Four values, equally likely: u in [0, ¼) → 0, ..., [¾, 1] → 3.
    expect([0, 0.2499, 0.25, 0.5, 0.74, 0.75, 1].map((u) => factorValue(listed, u))).toEqual([
      0, 0, 1, 2, 2, 3, 3,
    ]);
  });

  it('sizes: Morris r × (k + 1) points, Sobol N × (k + 2), a Latin hypercube n', () => {
    expect(studyDesign({ method: 'morris', size: 5, levels: 4 }, 3, 1).points).toBe(20);
    expect(studyDesign({ method: 'sobol', size: 8, levels: 4 }, 3, 1).points).toBe(40);
    expect(studyDesign({ method: 'lhs', size: 16, levels: 4 }, 3, 1).points).toBe(16);
  });

  it('each point gets every factor its value, in the order of the factors', () => {
    const design = studyDesign({ method: 'lhs', size: 4, levels: 4 }, 2, 3);
    const values = pointValues(design, [
      { path: 'a', kind: 'range', min: 0, max: 10, scale: 'linear' },
      { path: 'b', kind: 'values', values: ['x', 'y'] },
    ]);
    expect(values).toHaveLength(4);
    values.forEach((row, p) => {
      expect(row[0]).toBeCloseTo(design.unit[p * 2] * 10, 12);
      expect(row[1]).toBe(design.unit[p * 2 + 1] < 0.5 ? 'x' : 'y');
    });
  });
});
