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
      'p0',
    );
    // Years 2030 (a fifth year) and 2032 (the last); the Secretariat, held from the start, is left out.
    expect(html).toContain('<th>by 2030</th><th>by 2032</th>');
    expect(html).toContain('<tr><th>CICA</th><th>Fund</th><th>today</th><td>50%</td><td>70%</td></tr>');
    expect(html).not.toContain('Secretariat');
    expect(milestonesSummary([row('Secretariat', 2030, 1, 1)], ['today'], ['CICA'], 'p0')).toBe('');
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
