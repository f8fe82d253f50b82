import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * What a column holds: `id` (letters, digits, "_", "-": never quoted), `text` (free text such as
 * subregions, rung names, facts and rules: always quoted), `string` (any other text, such as an
 * error message, quoted only where CSV needs it), or `number` (shortest round-trip form; empty for NaN
 * or an undefined value).
 */
export type ColumnKind = 'id' | 'text' | 'string' | 'number';

export type Cell = string | number | null;

/**
 * One output table, declared once: its file, its columns in order and what each holds. Writers
 * (the experiment's tables stage) and readers (charts, the report, tests) both go through the
 * declaration, so a column has one name and one format. Rows are plain objects; `Row` is their type.
 */
export interface TableDeclaration<Row> {
  name: string;
  file: string;
  description: string;
  columns: { readonly [K in keyof Row]-?: ColumnKind };
  /** Columns named by the data (runs.csv: one per metric and swept parameter): numbers, after the declared ones. */
  extraNumbers?: boolean;
}

const csvNumber = (value: number) => (Number.isNaN(value) ? '' : String(value));

/** The table as CSV text: a header (unless `header: false`), then one line per row. */
export function formatTable<Row>(
  table: TableDeclaration<Row>,
  rows: readonly Row[],
  extraColumns: readonly string[] = [],
  options: { header?: boolean } = {},
): string {
  const kinds = table.columns as Record<string, ColumnKind>;
  const columns = [...Object.keys(kinds), ...extraColumns];
  return stringify(rows as unknown as Record<string, unknown>[], {
    header: options.header ?? true,
    columns,
    cast: {
      number: csvNumber,
      string: (value, context) =>
        !context.header && kinds[context.column as string] === 'text' ? { value, quoted: true } : value,
    },
  });
}

/** Parses the table's CSV text into typed rows: numbers as numbers, empty numbers as null. */
export function parseTable<Row>(table: TableDeclaration<Row>, text: string): Row[] {
  const [header, ...records] = parse(text) as string[][];
  return header ? typedRows(table, header, records) : [];
}

/**
 * Rows as objects of the declared types. (csv-parse's own `cast` option, called per cell, made
 * reading runs.csv ten times slower than converting the parsed strings here.)
 */
function typedRows<Row>(table: TableDeclaration<Row>, header: string[], records: string[][]): Row[] {
  const kinds = table.columns as Record<string, ColumnKind>;
  const numeric = header.map(
    (name) => (kinds[name] ?? (table.extraNumbers ? 'number' : 'text')) === 'number',
  );
  return records.map((record) => {
    const row: Record<string, string | number | null> = {};
    for (let k = 0; k < header.length; k++) {
      const value = record[k];
      row[header[k]] = numeric[k] ? (value === '' ? null : Number(value)) : value;
    }
    return row as Row;
  });
}

/** The rows of a table in an experiment directory; none when the experiment did not write it. */
export function readTable<Row>(dir: string, table: TableDeclaration<Row>): Row[] {
  const path = join(dir, table.file);
  return existsSync(path) ? parseTable(table, readFileSync(path, 'utf8')) : [];
}

/**
 * Calls `visit` with each row of a table file, in order, reading it in chunks so that a large
 * runs.csv is never held whole. For tables whose fields hold no line breaks (all but failures.csv).
 */
export function forEachRow<Row>(path: string, table: TableDeclaration<Row>, visit: (row: Row) => void): void {
  const file = openSync(path, 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  // A chunk can end inside a character: the decoder keeps its first bytes for the next.
  const decoder = new StringDecoder('utf8');
  let header: string[] = [];
  let carry = '';
  try {
    for (;;) {
      const read = readSync(file, buffer, 0, buffer.length, null);
      const text = carry + (read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read)));
      const end = read === 0 ? text.length : text.lastIndexOf('\n') + 1;
      carry = text.slice(end);
      const records = parse(text.slice(0, end)) as string[][];
      if (header.length === 0 && records.length > 0) header = records.shift() as string[];
      for (const row of typedRows(table, header, records)) visit(row);
      if (read === 0) return;
    }
  } finally {
    closeSync(file);
  }
}

const CHUNK_BYTES = 1 << 20;
