import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { robustness, sensitivityFindingsMarkdown } from '../../src/charts/sensitivity-findings.js';
import { repoFile } from '../helpers.js';
import { FINDINGS_DOCS, findingsBlockOf } from './findings-block.js';

describe('the findings of the shipped sensitivity study in the docs', () => {
  it.each(FINDINGS_DOCS)('%s holds the table the shipped tables give (npm run sensitivity-table)', (doc) => {
    expect(readFileSync(repoFile(doc), 'utf8')).toContain(findingsBlockOf(repoFile('.')));
  });

  it('a finding is robust when one sign holds at 90% of the points, depends at half, else no sign or mostly no difference', () => {
    expect(
      [
        [0.95, 0],
        [0, 0.9],
        [0.89, 0.11],
        [0.2, 0.5],
        [0.45, 0.4],
        [0.12, 0.08],
      ].map(([p, n]) => robustness(p, n)),
    ).toEqual([
      'robust',
      'robust',
      'depends on the parameters',
      'depends on the parameters',
      'no consistent sign',
      'no difference at most points',
    ]);
  });

  it('a row, worked by hand: the Sobol stage gives the spread, the screening the leading factors', () => {
    const row = {
      output: 'f',
      org: 'X',
      metric: 'rate',
      variant: 'b',
      reference: 'a',
      points: 4,
      mean: -0.2,
      sd: 0.1,
      p05: -0.4,
      p50: -0.2,
      p95: 0.05,
      share_positive: 0.1,
      share_negative: 0.85,
      noise_share: 0.12,
    };
    const table = sensitivityFindingsMarkdown(
      {
        outputs: [{ ...row, mean: 9 }],
        indices: [
          { output: 'f', factor: 'parameters.p', mu_star: 0.3, mu: -0.3, sigma: 0.1 },
          { output: 'f', factor: 'parameters.q', mu_star: 0.02, mu: 0, sigma: 0 },
        ],
      },
      {
        outputs: [row],
        indices: [
          {
            output: 'f',
            factor: 'parameters.p',
            first: 0.6,
            first_low: 0.5,
            first_high: 0.7,
            total: 0.7,
            total_low: 0.6,
            total_high: 0.8,
          },
        ],
      },
    );
    // q's μ* is under a tenth of p's; 85% of the points keep the negative sign.
    expect(table.split('\n')[2]).toBe(
      '| f: b − a, rate | -0.200 (-0.400 to 0.050) | 85% below 0, 10% above: depends on the parameters | p 0.300 | p 0.70 (0.60) | 12% |',
    );
  });
});
