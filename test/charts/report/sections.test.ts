import { describe, expect, it } from 'vitest';
import { fixed, milestonesSummary, powerSummary, signed } from '../../../src/charts/report/sections.js';
import type { MilestoneRow } from '../../../src/tables/outcome-tables.js';
import { powerRow } from '../../helpers.js';

describe("the report's sections", () => {
  it('numbers: three decimals, two significant digits when small, a dash when undefined', () => {
    expect(fixed(0.12345)).toBe('0.123');
    expect(fixed(0.00019)).toBe('0.00019');
    expect(fixed(0)).toBe('0.000');
    expect(fixed(Number.NaN)).toBe('–');
    expect(signed(0.5)).toBe('+0.500');
    expect(signed(-0.5)).toBe('-0.500');
  });

  it('milestones: rungs not held at the start, every fifth year and the last', () => {
    const row = (rung: string, year: number, share: number, held = 0): MilestoneRow => ({
      variant: 'today',
      point: 'p0',
      org: 'CICA',
      rung,
      order: rung === 'Fund' ? 4 : 1,
      held_at_start: held,
      year,
      share_reached: share,
      runs: 10,
    });
    const html = milestonesSummary(
      [2026, 2027, 2028, 2029, 2030, 2031, 2032]
        .map((year) => row('Fund', year, (year - 2025) / 10))
        .concat(row('Secretariat', 2030, 1, 1)),
      ['today'],
      ['CICA'],
      [{ id: 'p0', label: '' }],
    );
    // Years 2030 (a fifth year) and 2032 (the last); the Secretariat, held from the start, is left out.
    // Wilson's 95% interval for 5 of 10: 0.5 ± 0.2634 → [24, 76]; for 7 of 10: 0.6445 ± 0.2477 → [40, 89].
    expect(html).toContain('<th>by 2030</th><th>by 2032</th>');
    expect(html).toContain(
      '<tr><th>CICA</th><th>Fund</th><th>today</th><td>50% <small>[24, 76]</small></td><td>70% <small>[40, 89]</small></td></tr>',
    );
    expect(html).not.toContain('Secretariat');
    expect(
      milestonesSummary([row('Secretariat', 2030, 1, 1)], ['today'], ['CICA'], [{ id: 'p0', label: '' }]),
    ).toBe('');
  });

  it('milestones: a table for every sweep point, labelled', () => {
    const at = (point: string, share: number): MilestoneRow => ({
      variant: 'today',
      point,
      org: 'CICA',
      rung: 'Fund',
      order: 4,
      held_at_start: 0,
      year: 2030,
      share_reached: share,
      runs: 100,
    });
    const html = milestonesSummary(
      [at('p0', 0.1), at('p1', 0.9)],
      ['today'],
      ['CICA'],
      [
        { id: 'p0', label: 'forgetting = 0.95' },
        { id: 'p1', label: 'forgetting = 0.99' },
      ],
    );
    expect(html).toMatch(
      /sweep point: forgetting = 0\.95<\/h3>[\s\S]*<td>10% [\s\S]*sweep point: forgetting = 0\.99<\/h3>[\s\S]*<td>90% /,
    );
  });

  it('voting power: the rule, how often it passes, the strongest members and the spread', () => {
    const power = (member: string, banzhaf: number) => powerRow('today', member, banzhaf, 2 ** -28);
    const html = powerSummary([power('KAZ', 0.5), power('CHN', 0.3), power('IND', 0.2)], ['today']);
    // Passing once in 2^28 reads in powers of ten; the strongest is 2.5 times the weakest.
    expect(html).toContain('<td>3.7e-7%</td>');
    expect(html).toContain('KAZ 50.0%, CHN 30.0%, IND 20.0%');
    expect(html).toContain('<td>2.5×</td>');
  });
});
