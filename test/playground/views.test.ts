import { describe, expect, it } from 'vitest';
import type { PlaygroundResults } from '../../src/playground/runs.js';
import { findingRows, format, resultCharts } from '../../src/playground/views.js';
import type { CompareRow } from '../../src/tables/experiment-tables.js';

const compare = (metric: string, mean: number, low: number, high: number): CompareRow => ({
  variant: 'B',
  reference: 'A',
  point: 'p0',
  org: 'CICA',
  metric,
  mean_difference: mean,
  ci95_low: low,
  ci95_high: high,
  sd: 1,
  n: 10,
  share_positive: 0.5,
  share_negative: 0.5,
});

const results: PlaygroundResults = {
  timeseries: [],
  compare: [compare('adoption_rate', 0.194, 0.187, 0.201), compare('mean_trust', 0.001, -0.002, 0.004)],
  summaries: [
    [1, 2, 3].map((k) => ({ CICA: { adoption_rate: 0.1 * k, mean_trust: 0.5 } })),
    [1, 2, 3].map((k) => ({ CICA: { adoption_rate: 0.1 * k + 0.2, mean_trust: 0.5 } })),
  ],
};

describe('what the page shows', () => {
  it('says in words whether B differs from A, with the interval', () => {
    const rows = findingRows(results, 'CICA');
    const adoption = rows.find((r) => r.metric === 'adoption_rate');
    expect(adoption?.a).toBeCloseTo(0.2, 12);
    expect(adoption?.b).toBeCloseTo(0.4, 12);
    expect(adoption?.words).toBe(
      'adoption rate (adopted / proposed): higher under B by 0.194 on average (95% interval 0.187 to 0.201) for CICA',
    );
    expect(rows.find((r) => r.metric === 'mean_trust')?.words).toBe(
      'mean trust among members (0–1): no clear difference (B − A = 0.001, 95% interval -0.002 to 0.004)',
    );
    expect(rows.find((r) => r.metric === 'stage')?.words).toBe(
      'institutional stage (rungs reached): not defined in these runs',
    );
    expect([format(12.345), format(1.2345), format(0.12345), format(0)]).toEqual([
      '12.3',
      '1.23',
      '0.123',
      '0',
    ]);
  });

  it('leads with the findings figure, then each metric over time and over the whole run', () => {
    const ids = resultCharts(results, 'CICA').map((c) => c.id);
    expect(ids[0]).toBe('findings');
    expect(ids).toContain('over-time-adoption_rate');
    expect(ids).toContain('whole-run-mean_trust');
  });
});
