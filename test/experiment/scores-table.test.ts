import { describe, expect, it } from 'vitest';
import { scoresTable } from '../../src/experiment/scores-table.js';
import { addSeries, createAggregate } from '../../src/metrics/aggregate.js';
import { constantRateCount } from '../../src/metrics/baselines.js';
import { crpsOfIntegerForecast } from '../../src/metrics/scores.js';
import type { Check } from '../../src/model/check.js';
import { SCORES } from '../../src/tables/outcome-tables.js';
import { parseTable } from '../../src/tables/registry.js';

// One world, one organisation, two years of quarters from 2025; four runs whose member counts at
// the end of 2026 (step 8) are 4, 4, 5 and 3.
const aggregate = createAggregate(['members'], 1, 1, [{ orgIds: ['ORG'], steps: 8 }], ['members'], 4);
for (const members of [4, 4, 5, 3])
  addSeries(
    aggregate,
    0,
    Float64Array.from({ length: 8 }, (_, s) => (s === 7 ? members : 3)),
  );
aggregate.outcomes[0].runs = 4;
aggregate.checkPasses[0] = [3, 4, 0, 0];
const layout = {
  variants: ['model'],
  points: [{ id: 'p0', values: {} }],
  sweptPaths: [],
  calendars: [{ startYear: 2025, stepsPerYear: 4 }],
};
const checks: Check[] = [
  {
    fact: 'a Fund in 2026',
    org: 'ORG',
    rung: 'Fund',
    reachedBetween: [2026, 2026],
    baseline: { from: 2025, rate: 0.5 },
    period: 'holdout',
  },
  {
    fact: '4 members by 2026',
    org: 'ORG',
    metric: 'members',
    year: 2026,
    between: [3, 5],
    observed: 4,
    baseline: { from: 2025, start: 3, rate: 1 },
  },
  {
    fact: 'never a full organisation',
    org: 'ORG',
    rung: 'Full',
    notReachedBy: 2026,
    unscored: 'it cannot be reached',
  },
  {
    fact: 'no Fund by 2025',
    org: 'ORG',
    rung: 'Fund',
    notReachedBy: 2025,
    baseline: { from: 2025, rate: 0.5 },
  },
];
const rows = parseTable(SCORES, scoresTable(aggregate, layout, checks));
const row = (fact: string, baseline: string) => rows.find((r) => r.fact === fact && r.baseline === baseline);

describe('scores.csv (worked by hand)', () => {
  it('a yes/no fact: the Brier score of the share of runs, against a constant hazard and persistence', () => {
    // 3 of 4 runs: (1 − 0.75)² = 0.0625.
    const hazard = row('a Fund in 2026', 'constant-hazard');
    expect(hazard?.model_score).toBeCloseTo(0.0625, 15);
    expect(hazard?.period).toBe('holdout');
    // Not in 2025, then within 2026, at ½ a year: e^−½ (1 − e^−½).
    const p = Math.exp(-0.5) * (1 - Math.exp(-0.5));
    expect(hazard?.baseline_score).toBeCloseTo((1 - p) ** 2, 15);
    expect(hazard?.skill).toBeCloseTo(1 - 0.0625 / (1 - p) ** 2, 12);
    // Persistence: nothing happens, so the fact gets probability 0 — a Brier score of 1.
    expect(row('a Fund in 2026', 'persistence')).toMatchObject({ baseline_score: 1, skill: 0.9375 });
  });

  it('a count: the CRPS of the runs’ values, against start + Poisson and the start', () => {
    // {3, 4, 4, 5} against 4: mean distance ½; Σ(2k − m + 1)x = 6, over 16: 0.375; CRPS 0.125.
    const persistence = row('4 members by 2026', 'persistence');
    expect(persistence?.score).toBe('crps');
    expect(persistence?.model_score).toBeCloseTo(0.125, 15);
    expect(persistence?.baseline_score).toBe(1);
    const poisson = constantRateCount(3, 1, 2);
    expect(row('4 members by 2026', 'constant-hazard')?.baseline_score).toBeCloseTo(
      crpsOfIntegerForecast(3, poisson.probabilities, 4),
      15,
    );
  });

  it('says why a fact is not scored, and gives no skill against a perfect baseline', () => {
    expect(row('never a full organisation', '')?.note).toBe('not scored: it cannot be reached');
    // "No Fund by 2025" held in no run here (passes 0): model 1; persistence said it would hold: 0.
    expect(row('no Fund by 2025', 'persistence')).toMatchObject({
      model_score: 1,
      baseline_score: 0,
      skill: null,
    });
  });
});
