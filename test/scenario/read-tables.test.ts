import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/errors.js';
import { readActorTable, readRelationTable } from '../../src/scenario/read-tables.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-read-tables-'));
function table(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map((p) =>
        'line' in p.location ? `${p.location.line}:${p.location.column} ${p.message}` : `-:- ${p.message}`,
      );
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readActorTable', () => {
  it('maps columns to field paths, numbers to numbers, lists to lists, and keeps where each cell was', () => {
    const file = table(
      'actors.csv',
      'iso3,name,population_m_2022,other_memberships,note\nKAZ,Kazakhstan,19.6,CSTO; EAEU,capital Astana\nMNG,Mongolia,3.4,,\n',
    );
    const { value, locations } = readActorTable(file, 'actors.csv');
    expect(value).toEqual({
      KAZ: { name: 'Kazakhstan', population: 19.6, groups: ['CSTO', 'EAEU'] },
      MNG: { name: 'Mongolia', population: 3.4 },
    });
    // population_m_2022 is the third column: it starts after "KAZ,Kazakhstan," at character 16.
    expect(locations.get('actors.KAZ.population')).toEqual({ file: 'actors.csv', line: 2, column: 16 });
    expect(locations.get('actors.MNG')).toEqual({ file: 'actors.csv', line: 3, column: 1 });
  });

  it('leaves an unparsable number as text, for validation to report as found', () => {
    const file = table('text-number.csv', 'iso3,population_m_2022\nKAZ,many\n');
    expect(readActorTable(file, 'a.csv').value).toEqual({ KAZ: { population: 'many' } });
  });

  it('reports unknown columns, duplicate rows and empty keys at their line and column', () => {
    expect(
      problemsOf(() => readActorTable(table('unknown.csv', 'iso3,popluation\nKAZ,1\n'), 'u.csv')),
    ).toEqual([expect.stringMatching(/^1:6 unknown column "popluation"; expected one of iso3, name, /)]);
    expect(
      problemsOf(() => readActorTable(table('twice.csv', 'iso3,name\nKAZ,a\nKAZ,b\n'), 't.csv')),
    ).toEqual(['3:1 actor KAZ is listed twice in this table']);
    expect(problemsOf(() => readActorTable(table('empty-key.csv', 'iso3,name\n,a\n'), 'e.csv'))).toEqual([
      '2:1 expected a value in column iso3, found an empty cell',
    ]);
    expect(problemsOf(() => readActorTable(table('empty.csv', ''), 'z.csv'))).toEqual([
      '-:- expected a header row, found an empty file',
    ]);
  });
});

describe('readRelationTable', () => {
  it('reads relations in order with numeric intensities, and requires the four columns', () => {
    const file = table(
      'relations.csv',
      'iso3_a,iso3_b,kind,intensity,note\nIND,PAK,dispute,0.9,Kashmir\nCHN,RUS,alliance,0.5,\n',
    );
    const { value, locations } = readRelationTable(file, 'relations.csv');
    expect(value).toEqual([
      { a: 'IND', b: 'PAK', kind: 'dispute', intensity: 0.9, note: 'Kashmir' },
      { a: 'CHN', b: 'RUS', kind: 'alliance', intensity: 0.5 },
    ]);
    expect(locations.get('1.intensity')).toEqual({ file: 'relations.csv', line: 3, column: 18 });
    expect(
      problemsOf(() => readRelationTable(table('no-kind.csv', 'iso3_a,iso3_b,intensity\nA,B,1\n'), 'r.csv')),
    ).toEqual(['1:1 expected a column "kind", found none']);
  });

  it('reports a row with too many cells as a CSV error at its line', () => {
    const file = table('ragged.csv', 'iso3_a,iso3_b,kind,intensity\nA,B,dispute,1,extra\n');
    expect(problemsOf(() => readRelationTable(file, 'r.csv'))).toEqual([expect.stringMatching(/^2:1 CSV: /)]);
  });
});
