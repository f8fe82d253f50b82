import type { TopLevelSpec } from 'vega-lite';
import { InputError, type InputProblem } from '../input/errors.js';
import { CHART_TABLES } from '../tables/chart-settings.js';
import { variantColour } from './theme.js';

/**
 * An experiment's own Vega-Lite spec refers to an output table as `data: { name: "runs" }` (a
 * named data source, which Vega-Lite itself allows). Here every such reference, at any depth
 * (layers, concatenations, lookups), becomes the table's rows inlined as values, so the written
 * spec stands alone like the built-in ones. Only the columns the spec mentions somewhere (as a
 * field, in a transform, in an expression) are kept: a chart over runs.csv would otherwise carry
 * every metric of every run, megabytes the chart never reads.
 */
export function inlineTables(
  spec: unknown,
  table: (name: (typeof CHART_TABLES)[number]) => Record<string, unknown>[],
): unknown {
  const text = JSON.stringify(spec);
  const mentioned = new Map<string, boolean>();
  const used = (column: string) => {
    let found = mentioned.get(column);
    if (found === undefined) {
      found = new RegExp(`(^|[^\\w])${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(text);
      mentioned.set(column, found);
    }
    return found;
  };
  const project = (rows: Record<string, unknown>[]) =>
    rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => used(column))));
  return inlineWith(spec, (name) => project(table(name)));
}

function inlineWith(
  spec: unknown,
  table: (name: (typeof CHART_TABLES)[number]) => Record<string, unknown>[],
): unknown {
  if (Array.isArray(spec)) return spec.map((item) => inlineWith(item, table));
  if (typeof spec !== 'object' || spec === null) return spec;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    const name = tableName(value);
    copy[key] = key === 'data' && name ? { values: table(name) } : inlineWith(value, table);
  }
  return copy;
}

/** The output tables a spec names as data sources, to check before an experiment runs. */
export function namedTables(spec: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(spec)) for (const item of spec) namedTables(item, found);
  else if (typeof spec === 'object' && spec !== null)
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'data' && typeof value === 'object' && value !== null && 'name' in value)
        found.add(String((value as { name: unknown }).name));
      namedTables(value, found);
    }
  return found;
}

/**
 * Gives every `color: { field: variant }` without a scale of its own the experiment's variant
 * colours, so a user's chart colours variants as the built-in ones do.
 */
export function withVariantColours(spec: unknown, variants: string[]): unknown {
  if (Array.isArray(spec)) return spec.map((item) => withVariantColours(item, variants));
  if (typeof spec !== 'object' || spec === null) return spec;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    const colour = value as { field?: unknown; scale?: unknown } | null;
    copy[key] =
      key === 'color' && colour && typeof colour === 'object' && colour.field === 'variant' && !colour.scale
        ? { ...colour, scale: variantColour(variants).scale }
        : withVariantColours(value, variants);
  }
  return copy;
}

function tableName(value: unknown): (typeof CHART_TABLES)[number] | null {
  if (typeof value !== 'object' || value === null || !('name' in value)) return null;
  const name = (value as { name: unknown }).name;
  return (CHART_TABLES as readonly unknown[]).includes(name) ? (name as (typeof CHART_TABLES)[number]) : null;
}

/**
 * Checks an experiment's own specs before any run: each names only output tables and compiles
 * with Vega-Lite (with the tables empty), so a typo fails in a second, not after the runs.
 */
export async function checkCustomCharts(
  custom: Record<string, Record<string, unknown>>,
  file: string,
): Promise<void> {
  const { compile } = await import('vega-lite');
  const problems: InputProblem[] = [];
  for (const [name, spec] of Object.entries(custom)) {
    const path = `charts.custom.${name}`;
    const unknown = [...namedTables(spec)].filter(
      (table) => !(CHART_TABLES as readonly string[]).includes(table),
    );
    if (unknown.length > 0) {
      problems.push({
        location: { file },
        path,
        message: `expected data from an output table (${CHART_TABLES.join(', ')}), found data: { name: ${unknown.join(', ')} }`,
      });
      continue;
    }
    try {
      compile(inlineTables(spec, () => []) as TopLevelSpec);
    } catch (error) {
      problems.push({
        location: { file },
        path,
        message: `expected a Vega-Lite spec: ${(error as Error).message}`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}
