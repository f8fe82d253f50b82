import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/charts/report/findings.js';
import { findingsTable } from '../../../src/charts/report/findings-table.js';

describe("the report's findings table", () => {
  it('shows a clear change with its arrow and mean, an unclear one as a muted dot, an undefined one empty', () => {
    const findings: Finding[] = [
      {
        org: 'CICA',
        variant: 'fast',
        clear: [
          { metric: 'cohesion', direction: 'lower', mean: -0.021, low: -0.03, high: -0.012, holds: null },
        ],
        unclear: ['adoption_rate'],
      },
      { org: 'SCO', variant: 'fast', clear: [], unclear: ['cohesion'] },
    ];
    const html = findingsTable(findings, ['adoption_rate', 'cohesion', 'vetoes']);
    const rows = html.match(/<tr>.*?<\/tr>/gs) ?? [];
    // vetoes is in no finding: no column for it.
    expect(rows[0]).not.toContain('vetoes');
    expect(rows[1]).toContain('<th>CICA</th><th>fast</th>');
    expect(rows[1]).toContain('<td class="unclear" title="the 95% interval holds zero">·</td>');
    expect(rows[1]).toContain('<td class="clear lower" title="95% interval -0.030 to -0.012">▼ -0.021</td>');
    // SCO's adoption rate is not defined: an empty cell.
    expect(rows[2]).toContain('<td class="unclear" title="not defined"></td>');
    expect(findingsTable([], ['cohesion'])).toBe('');
  });
});
