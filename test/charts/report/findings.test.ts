import { describe, expect, it } from 'vitest';
import { judgeFindings } from '../../../src/charts/report/findings.js';
import type { ReportData } from '../../../src/charts/report/gather.js';
import type { CompareRow } from '../../../src/tables/experiment-tables.js';

const difference = (
  variant: string,
  metric: string,
  low: number | null,
  high: number | null,
  point = 'p0',
): CompareRow => ({
  variant,
  reference: 'today',
  point,
  org: 'CICA',
  metric,
  mean_difference: low === null || high === null ? null : (low + high) / 2,
  ci95_low: low,
  ci95_high: high,
  sd: 1,
  n: 30,
  // Made up: the share of pairs above zero 0.7, below 0.2 (holds picks the one of the change's direction).
  share_positive: 0.7,
  share_negative: 0.2,
});

describe('judging findings', () => {
  it('a change is clear where its 95% interval excludes zero, at the first sweep point; undefined ones are left out', () => {
    const data = {
      orgs: ['CICA'],
      metrics: ['adoption_rate', 'cohesion', 'ambition', 'vetoes'],
      firstPoint: 'p0',
      manifest: { variants: ['today', 'fast'] },
      compare: [
        difference('fast', 'adoption_rate', 0.02, 0.06),
        difference('fast', 'cohesion', -0.05, -0.01),
        difference('fast', 'ambition', -0.1, 0.2),
        difference('fast', 'vetoes', null, null),
        // At another point: not judged.
        difference('fast', 'vetoes', 1, 2, 'p1'),
      ],
    } as unknown as ReportData;
    expect(judgeFindings(data)).toEqual([
      {
        org: 'CICA',
        variant: 'fast',
        clear: [
          { metric: 'adoption_rate', direction: 'higher', mean: 0.04, low: 0.02, high: 0.06, holds: 0.7 },
          {
            metric: 'cohesion',
            direction: 'lower',
            mean: expect.closeTo(-0.03, 12),
            low: -0.05,
            high: -0.01,
            holds: 0.2,
          },
        ],
        unclear: ['ambition'],
      },
    ]);
  });
});
