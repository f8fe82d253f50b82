import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNS, type RunsRow } from '../../src/tables/experiment-tables.js';
import { FAILURES, VETOES, type VetoRow } from '../../src/tables/outcome-tables.js';
import { forEachRow, formatTable, parseTable, readTable } from '../../src/tables/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-tables-'));

const veto: VetoRow = {
  variant: 'today',
  point: 'p0',
  org: 'CICA',
  state: 'IND',
  subregion: 'South Asia',
  mean_vetoes: 0.1,
  share_of_runs: 1 / 3,
  runs: 30,
  mean_blocks: 0.25,
  share_of_runs_blocking: 0.2,
};

describe('the table registry', () => {
  it('writes the declared columns in order, quotes free text always, numbers in shortest form', () => {
    expect(formatTable(VETOES, [veto])).toBe(
      'variant,point,org,state,subregion,mean_vetoes,share_of_runs,runs,mean_blocks,share_of_runs_blocking\n' +
        'today,p0,CICA,IND,"South Asia",0.1,0.3333333333333333,30,0.25,0.2\n',
    );
    // A quote inside free text is doubled; an empty table is its header.
    expect(formatTable(VETOES, [{ ...veto, subregion: 'the "Stans"' }])).toContain(',"the ""Stans""",');
    expect(formatTable(VETOES, [])).toBe(
      'variant,point,org,state,subregion,mean_vetoes,share_of_runs,runs,mean_blocks,share_of_runs_blocking\n',
    );
  });

  it('writes NaN and null numbers as empty cells, and quotes other text only where CSV needs it', () => {
    const text = formatTable(FAILURES, [
      { variant: 'v', point: 'p0', replication: 2, seed: 7, message: 'plain' },
      { variant: 'v', point: 'p0', replication: 3, seed: Number.NaN, message: 'a, b' },
    ]);
    expect(text).toBe('variant,point,replication,seed,message\nv,p0,2,7,plain\nv,p0,3,,"a, b"\n');
  });

  it('reads back what it wrote: numbers as numbers, empty numbers as null, extra columns as numbers', () => {
    expect(parseTable(VETOES, formatTable(VETOES, [veto]))).toEqual([veto]);
    const run: RunsRow = {
      variant: 'v',
      point: 'p0',
      replication: 0,
      seed: 12,
      org: 'SCO',
      adopted: 4,
      ambition: Number.NaN,
    };
    const text = formatTable(RUNS, [run], ['adopted', 'ambition']);
    expect(text).toBe('variant,point,replication,seed,org,adopted,ambition\nv,p0,0,12,SCO,4,\n');
    expect(parseTable(RUNS, text)).toEqual([{ ...run, ambition: null }]);
    // A file that is not there reads as no rows.
    expect(readTable(join(dir, 'nowhere'), VETOES)).toEqual([]);
  });

  it('streams a file in chunks with the same rows as reading it whole, across chunk boundaries', () => {
    // 30,000 rows (about 1.2 MB) cross the 1 MiB chunk at least once, inside a row.
    const rows: RunsRow[] = Array.from({ length: 30_000 }, (_, k) => ({
      variant: k % 2 ? 'a' : 'b',
      point: 'p0',
      replication: k,
      seed: k * 7919,
      org: 'CICA',
      adopted: k / 3,
    }));
    const path = join(dir, 'runs.csv');
    writeFileSync(path, formatTable(RUNS, rows, ['adopted']));
    const seen: RunsRow[] = [];
    forEachRow(path, RUNS, (row) => seen.push(row));
    expect(seen).toHaveLength(30_000);
    expect(seen).toEqual(readTable(dir, RUNS));
    expect(seen[29_999]).toEqual(rows[29_999]);
  });
});
