import { describe, expect, it } from 'vitest';
import {
  acceptClosest,
  calibrationFacts,
  distanceOf,
  type ScoredDraw,
} from '../../../src/experiment/calibration/accept.js';
import type { Check } from '../../../src/model/check.js';

const checks: Check[] = [
  {
    fact: '16 members in 2002',
    org: 'CICA',
    metric: 'members',
    year: 2002,
    between: [16, 16],
    observed: 16,
    period: 'calibration',
  },
  {
    fact: 'a Secretariat by 2008',
    org: 'CICA',
    rung: 'Secretariat',
    reachedBetween: [2004, 2008],
    period: 'calibration',
  },
  { fact: 'later', org: 'CICA', rung: 'Fund', notReachedBy: 2022, period: 'holdout' },
  {
    fact: 'cannot fail',
    org: 'CICA',
    rung: 'Full',
    notReachedBy: 2022,
    period: 'calibration',
    unscored: 'never reached',
  },
];

describe('the rejection step (worked by hand)', () => {
  it('judges a draw on the calibration window only, unscored facts aside', () => {
    expect(calibrationFacts(checks)).toEqual([0, 1]);
  });

  it("a draw's distance: the share of the window's facts missed, plus 0.01 × the counts' relative error", () => {
    const facts = calibrationFacts(checks);
    const draw = (columns: Record<string, number>) => ({ draw: 0, seed: 0, parameters: {}, columns });
    // Both held, the count exact: 0.
    expect(distanceOf(draw({ 'fact.0': 1, 'value.0': 16, 'fact.1': 1 }), checks, facts)).toBe(0);
    // The count 18 (missed): ½ + 0.01 × 2/16.
    expect(distanceOf(draw({ 'fact.0': 0, 'value.0': 18, 'fact.1': 1 }), checks, facts)).toBeCloseTo(
      0.5 + 0.01 * (2 / 16),
      15,
    );
    // Both missed, the count 12: 1 + 0.01 × 4/16.
    expect(distanceOf(draw({ 'fact.0': 0, 'value.0': 12, 'fact.1': 0 }), checks, facts)).toBeCloseTo(
      1.0025,
      15,
    );
  });

  it('keeps the closest share of the draws, ties in draw order, at least one', () => {
    const draws: ScoredDraw[] = [0.5, 0.1, 0.1, 0.9, 0.3].map((distance, draw) => ({
      draw,
      seed: draw,
      parameters: {},
      columns: {},
      distance,
    }));
    expect(acceptClosest(draws, 0.4).map((d) => d.draw)).toEqual([1, 2]);
    expect(acceptClosest(draws, 0.6).map((d) => d.draw)).toEqual([1, 2, 4]);
    expect(acceptClosest(draws, 0.01).map((d) => d.draw)).toEqual([1]);
  });
});
