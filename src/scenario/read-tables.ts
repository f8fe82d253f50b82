import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../input/errors.js';
import { readInputText } from '../input/read-input.js';
import type { SourceMap } from '../input/source-map.js';
import { DIMENSION_COLUMNS, DIMENSIONS } from '../model/dimensions.js';

/**
 * CSV tables of actors and relations (scenarios/data/*.csv). Each known column maps to a field
 * path of the scenario, so a bad cell is reported as `actors.csv:12:34 actors.JPN.population: ...`.
 * Columns that only document the data (statuses, notes, sources) are read and ignored.
 */

type FieldPath = string[];

const ACTOR_COLUMNS: Record<string, FieldPath | 'number-list'> = {
  name: ['name'],
  subregion: ['subregion'],
  population_m_2022: ['population'],
  gdp_usd_bn_2022: ['gdp'],
  milex_usd_bn_2022: ['military'],
  energy: ['energy'],
  sovereignty: ['sovereignty'],
  ...Object.fromEntries(DIMENSIONS.map((d) => [DIMENSION_COLUMNS[d], ['salience', d]])),
};
const ACTOR_LIST_COLUMNS: Record<string, FieldPath> = {
  other_memberships: ['groups'],
  territory: ['territory'],
};
const ACTOR_NUMERIC = new Set(['population', 'gdp', 'military', 'sovereignty', 'salience']);
const DOCUMENTARY_COLUMNS = new Set([
  'cica_status',
  'cica_year',
  'sco_status',
  'sco_year',
  'asean_status',
  'asean_year',
  'basis',
  'note',
  'source',
]);

export interface TableResult<T> {
  value: T;
  locations: SourceMap;
}

interface Row {
  cells: Record<string, string>;
  line: number;
  columnOf: (column: string) => number;
}

/** Reads an actor table keyed by `iso3` into `{ ISO3: partial actor }`. */
export function readActorTable(file: string, displayName: string): TableResult<Record<string, unknown>> {
  const { rows, header } = readCsv(file, displayName, 'iso3');
  const problems: InputProblem[] = [];
  checkColumns(header, ['iso3'], { ...ACTOR_COLUMNS, ...ACTOR_LIST_COLUMNS }, displayName, problems);
  const actors: Record<string, Record<string, unknown>> = {};
  const locations: SourceMap = new Map();
  for (const row of rows) {
    const id = row.cells.iso3;
    const base = `actors.${id}`;
    if (Object.hasOwn(actors, id)) {
      problems.push({
        location: { file: displayName, line: row.line, column: 1 },
        path: base,
        message: `actor ${id} is listed twice in this table`,
      });
      continue;
    }
    const actor: Record<string, unknown> = {};
    locations.set(base, { file: displayName, line: row.line, column: 1 });
    for (const [column, raw] of Object.entries(row.cells)) {
      const list = ACTOR_LIST_COLUMNS[column];
      const target = list ?? ACTOR_COLUMNS[column];
      if (!target || raw === '') continue;
      const path = target as FieldPath;
      const value = list ? raw.split(';').map((s) => s.trim()) : cellValue(raw, ACTOR_NUMERIC.has(path[0]));
      setIn(actor, path, value);
      locations.set(`${base}.${path.join('.')}`, {
        file: displayName,
        line: row.line,
        column: row.columnOf(column),
      });
    }
    actors[id] = actor;
  }
  if (problems.length) throw new InputError(problems);
  return { value: actors, locations };
}

const RELATION_COLUMNS: Record<string, string> = {
  iso3_a: 'a',
  iso3_b: 'b',
  kind: 'kind',
  intensity: 'intensity',
  note: 'note',
};

/** Reads a relation table into a list of `{ a, b, kind, intensity, note }`. */
export function readRelationTable(file: string, displayName: string): TableResult<unknown[]> {
  const { rows, header } = readCsv(file, displayName, 'iso3_a');
  const problems: InputProblem[] = [];
  checkColumns(header, ['iso3_a', 'iso3_b', 'kind', 'intensity'], RELATION_COLUMNS, displayName, problems);
  if (problems.length) throw new InputError(problems);
  const relations: unknown[] = [];
  const locations: SourceMap = new Map();
  rows.forEach((row, index) => {
    const relation: Record<string, unknown> = {};
    locations.set(`${index}`, { file: displayName, line: row.line, column: 1 });
    for (const [column, raw] of Object.entries(row.cells)) {
      const field = RELATION_COLUMNS[column];
      if (!field) continue;
      if (field === 'note' && raw === '') continue;
      relation[field] = field === 'intensity' ? cellValue(raw, true) : raw;
      locations.set(`${index}.${field}`, { file: displayName, line: row.line, column: row.columnOf(column) });
    }
    relations.push(relation);
  });
  return { value: relations, locations };
}

function readCsv(file: string, displayName: string, keyColumn: string): { rows: Row[]; header: string[] } {
  const text = readInputText(file, displayName);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError([
      {
        location: line ? { file: displayName, line, column: 1 } : { file: displayName },
        path: '',
        message: `CSV: ${String((error as Error).message).split('\n')[0]}`,
      },
    ]);
  }
  if (records.length === 0) {
    throw new InputError([
      { location: { file: displayName }, path: '', message: 'expected a header row, found an empty file' },
    ]);
  }
  const header = records[0].record;
  const lines = text.split(/\r?\n/);
  const rows = records.slice(1).map(({ record, info }) => {
    const cells: Record<string, string> = Object.create(null);
    header.forEach((column, i) => {
      cells[column] = record[i] ?? '';
    });
    const raw = lines[info.lines - 1] ?? '';
    return {
      cells,
      line: info.lines,
      columnOf: (column: string) => columnOffset(raw, header.indexOf(column)),
    };
  });
  const missingKey = rows.find((row) => !row.cells[keyColumn]);
  if (missingKey) {
    throw new InputError([
      {
        location: { file: displayName, line: missingKey.line, column: 1 },
        path: '',
        message: `expected a value in column ${keyColumn}, found an empty cell`,
      },
    ]);
  }
  return { rows, header };
}

function checkColumns(
  header: string[],
  required: string[],
  known: Record<string, unknown>,
  file: string,
  problems: InputProblem[],
): void {
  for (const column of required) {
    if (!header.includes(column)) {
      problems.push({
        location: { file, line: 1, column: 1 },
        path: '',
        message: `expected a column "${column}", found none`,
      });
    }
  }
  for (const column of header) {
    if (!required.includes(column) && !Object.hasOwn(known, column) && !DOCUMENTARY_COLUMNS.has(column)) {
      problems.push({
        location: { file, line: 1, column: columnOffset(header.join(','), header.indexOf(column)) },
        path: '',
        message: `unknown column "${column}"; expected one of ${[...required, ...Object.keys(known)].join(', ')}`,
      });
    }
  }
}

/** A numeric cell becomes a number; anything unparsable stays text so validation can report it as found. */
function cellValue(raw: string, numeric: boolean): unknown {
  if (!numeric) return raw;
  const value = Number(raw);
  return Number.isFinite(value) ? value : raw;
}

/** 1-based character column of the n-th field of an unquoted CSV line (1 when quotes make it ambiguous). */
function columnOffset(line: string, fieldIndex: number): number {
  if (fieldIndex <= 0 || line.includes('"')) return 1;
  let offset = 0;
  for (let i = 0; i < fieldIndex; i++) {
    const comma = line.indexOf(',', offset);
    if (comma < 0) return 1;
    offset = comma + 1;
  }
  return offset + 1;
}

function setIn(target: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    node[segment] ??= {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}
