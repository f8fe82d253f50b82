import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.js';

describe('plain-text tables', () => {
  it('left-aligns text, right-aligns numbers (three decimals, integers whole, – for NaN)', () => {
    expect(
      formatTable(
        ['org', 'members', 'trust'],
        [
          ['CICA', 28, 0.61234],
          ['SCO', 10, Number.NaN],
        ],
      ),
    ).toBe(
      ['org   members  trust', '----  -------  -----', 'CICA       28  0.612', 'SCO        10      –'].join(
        '\n',
      ),
    );
  });
});
