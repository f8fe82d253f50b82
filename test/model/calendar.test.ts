import { describe, expect, it } from 'vitest';
import { yearOfStep } from '../../src/model/calendar.js';

describe('yearOfStep', () => {
  it('puts steps 1..stepsPerYear in the start year, and step 0 (before the run) in the year before', () => {
    const quarters = { startYear: 2025, stepsPerYear: 4 };
    expect([0, 1, 4, 5, 8, 9].map((step) => yearOfStep(quarters, step))).toEqual([
      2024, 2025, 2025, 2026, 2026, 2027,
    ]);
    expect(yearOfStep({ startYear: 1999, stepsPerYear: 1 }, 24)).toBe(2022);
  });
});
