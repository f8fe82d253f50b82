import { createHash } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { describeIssue } from '../input/describe-issue.js';
import { InputError, type InputProblem } from '../input/errors.js';
import { deepMerge, isPlainObject, parsePath, replacedPaths, setByPath } from '../input/paths.js';
import { requireReferencedFile } from '../input/read-input.js';
import { readYamlFile } from '../input/read-yaml.js';
import {
  dropDescendants,
  locate,
  locateWritten,
  mountSourceMap,
  type SourceMap,
} from '../input/source-map.js';
import { closestName, fieldVocabulary } from '../input/suggest.js';
import { canonicalJson } from '../util/canonical-json.js';
import { checkReferences } from './check-references.js';
import { readActorTable, readRelationTable } from './read-tables.js';
import { type Scenario, ScenarioFileSchema, ScenarioSchema } from './schema.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file as named by the caller. */
  file: string;
  /** Every file read: the scenario, its parents and tables. */
  files: string[];
  /** sha256 of the resolved scenario's canonical JSON: equal inputs, equal hash. */
  hash: string;
}

export interface LoadOptions {
  /** Field path → value, applied after everything in the files (experiments and the CLI use this). */
  overrides?: Record<string, unknown>;
  /** Where the overrides came from, for error messages. */
  overridesSource?: string;
  /** Where each override path was written (e.g. in an experiment file), for error messages. */
  overrideLocations?: SourceMap;
}

/** The keys that say how to build the scenario must be right before anything is built from them. */
const FileOnlyKeys = ScenarioFileSchema.pick({
  extends: true,
  actorTables: true,
  relationTables: true,
  overrides: true,
}).loose();

interface Resolved {
  data: Record<string, unknown>;
  locations: SourceMap;
  files: string[];
}

/**
 * Loads a scenario file: reads it and its tables, resolves `extends` (parents first), applies
 * overrides, validates the result, and checks every reference. Throws InputError listing every
 * problem with its file, line and field path.
 */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const resolved = resolveFile(resolve(file), []);
  if (options.overrides) {
    applyOverrides(
      resolved,
      options.overrides,
      options.overridesSource ?? '(overrides)',
      options.overrideLocations,
    );
  }
  const parsed = ScenarioSchema.safeParse(resolved.data, { reportInput: true });
  if (!parsed.success) {
    const described = parsed.error.issues.flatMap((issue) => describeIssue(issue, scenarioVocabulary()));
    const schemaProblems = unknownActors(described, resolved.data);
    throw new InputError(
      inReadingOrder(
        [...schemaProblems, ...referencesDespite(resolved.data, schemaProblems)].map(({ path, message }) =>
          at(resolved, path, message),
        ),
      ),
    );
  }
  const problems = inReadingOrder(
    checkReferences(parsed.data).map(({ path, message }) => at(resolved, path, message)),
  );
  if (problems.length) throw new InputError(problems);
  return {
    scenario: parsed.data,
    file,
    files: resolved.files,
    hash: `sha256:${createHash('sha256').update(canonicalJson(parsed.data)).digest('hex')}`,
  };
}

/** Problems sorted by file, line and column, as a reader goes through the files. */
function inReadingOrder(problems: InputProblem[]): InputProblem[] {
  const key = (p: InputProblem) => ('line' in p.location ? [p.location.line, p.location.column] : [0, 0]);
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((x, y) => {
      const byFile = x.problem.location.file.localeCompare(y.problem.location.file);
      if (byFile !== 0) return byFile;
      const [lx, cx] = key(x.problem);
      const [ly, cy] = key(y.problem);
      return lx - ly || cx - cy || x.index - y.index;
    })
    .map(({ problem }) => problem);
}

function at(resolved: Resolved, path: string, message: string): InputProblem {
  return { location: locateWritten(resolved.locations, path) ?? { file: resolved.files[0] }, path, message };
}

function displayName(absolute: string): string {
  return relative(process.cwd(), absolute) || absolute;
}

/** Reads one file and everything it builds on, returning the merged data with its source map. */
function resolveFile(absolute: string, chain: string[]): Resolved {
  const name = displayName(absolute);
  if (chain.includes(absolute)) {
    throw new InputError([
      {
        location: { file: name },
        path: 'extends',
        message: `extends goes round in a circle: ${[...chain, absolute].map(displayName).join(' → ')}`,
      },
    ]);
  }
  const source = readScenarioSource(absolute, name);
  const raw = source.data;
  const own: Resolved = { data: {}, locations: new Map(), files: [name] };
  const here = dirname(absolute);

  // The file's own fields, with tables underneath its actors and before its relations.
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'extends' || key === 'overrides' || key === 'actorTables' || key === 'relationTables')
      continue;
    own.data[key] = structuredClone(value);
  }
  for (const [key, location] of source.locations) {
    if (!/^(extends|overrides|actorTables|relationTables)(\.|$)/.test(key)) own.locations.set(key, location);
  }
  // A named file that is missing is reported at the line that names it.
  for (const field of ['actorTables', 'relationTables'] as const)
    ((raw[field] as string[] | undefined) ?? []).forEach((table, k) => {
      requireReferencedFile(
        resolve(here, table),
        table,
        `${field}.${k}`,
        locate(source.locations, `${field}.${k}`),
        name,
      );
    });
  if (typeof raw.extends === 'string')
    requireReferencedFile(
      resolve(here, raw.extends),
      raw.extends,
      'extends',
      locate(source.locations, 'extends'),
      name,
    );
  mergeActorTables(own, (raw.actorTables as string[] | undefined) ?? [], here);
  mergeRelationTables(own, (raw.relationTables as string[] | undefined) ?? [], here);
  let result = own;
  if (typeof raw.extends === 'string') {
    const parent = resolveFile(resolve(here, raw.extends), [...chain, absolute]);
    const locations = new Map(parent.locations);
    for (const path of replacedPaths(own.data)) dropDescendants(locations, path);
    // The child's own fields (and its root, for errors about the file as a whole) win.
    for (const [key, location] of own.locations) locations.set(key, location);
    result = {
      data: deepMerge(parent.data, own.data) as Record<string, unknown>,
      locations,
      files: [...own.files, ...parent.files],
    };
  }
  if (isPlainObject(raw.overrides)) {
    const overrideLocations: SourceMap = new Map();
    for (const [key, location] of source.locations) {
      if (key.startsWith('overrides.')) overrideLocations.set(key.slice('overrides.'.length), location);
    }
    applyOverrides(result, raw.overrides, name, overrideLocations);
  }
  return result;
}

/** A scenario file read, which must be a mapping whose file-level keys (extends, tables, overrides) are well formed. */
function readScenarioSource(absolute: string, name: string) {
  const source = readYamlFile(absolute, name);
  if (!isPlainObject(source.data)) {
    throw new InputError([
      {
        location: { file: name, line: 1, column: 1 },
        path: '',
        message: 'expected a mapping of scenario fields, found something else',
      },
    ]);
  }
  const fileCheck = FileOnlyKeys.safeParse(source.data, { reportInput: true });
  if (!fileCheck.success) {
    throw new InputError(
      fileCheck.error.issues
        .flatMap((issue) => describeIssue(issue, scenarioVocabulary()))
        .map(({ path, message }) => ({
          location: locate(source.locations, path) ?? { file: name },
          path,
          message,
        })),
    );
  }
  return source as typeof source & { data: Record<string, unknown> };
}

/** The actors of `own`, with its actor tables underneath (the file's own fields win), and their source map. */
function mergeActorTables(own: Resolved, actorTables: string[], here: string): void {
  if (!actorTables.length) return;
  let actors: unknown = {};
  const tableLocations: SourceMap = new Map();
  for (const table of actorTables) {
    const path = resolve(here, table);
    const read = readActorTable(path, displayName(path));
    actors = deepMerge(actors, read.value);
    for (const [key, location] of read.locations) tableLocations.set(key, location);
    own.files.push(displayName(path));
  }
  own.data.actors = deepMerge(actors, own.data.actors ?? {});
  for (const [key, location] of own.locations)
    if (key.startsWith('actors.')) tableLocations.set(key, location);
  for (const [key, location] of tableLocations) own.locations.set(key, location);
}

/** The relations of `own`: its relation tables' rows first, then its own, with their source map. */
function mergeRelationTables(own: Resolved, relationTables: string[], here: string): void {
  if (!relationTables.length) return;
  const relations: unknown[] = [];
  const relationLocations: SourceMap = new Map();
  for (const table of relationTables) {
    const path = resolve(here, table);
    const read = readRelationTable(path, displayName(path));
    const offset = relations.length;
    for (const [key, location] of read.locations) {
      const [index, ...rest] = key.split('.');
      relationLocations.set(['relations', Number(index) + offset, ...rest].join('.'), location);
    }
    relations.push(...read.value);
    own.files.push(displayName(path));
  }
  const written = (own.data.relations as unknown[] | undefined) ?? [];
  for (const [key, location] of own.locations) {
    const match = /^relations\.(\d+)(.*)$/.exec(key);
    if (match) relationLocations.set(`relations.${Number(match[1]) + relations.length}${match[2]}`, location);
  }
  dropDescendants(own.locations, 'relations');
  for (const [key, location] of relationLocations) own.locations.set(key, location);
  own.data.relations = [...relations, ...written];
}

/** Sets each `path: value`, moving the source map so errors point at the override that was written. */
function applyOverrides(
  target: Resolved,
  overrides: Record<string, unknown>,
  sourceName: string,
  overrideLocations: SourceMap = new Map(),
): void {
  const problems: InputProblem[] = [];
  for (const [path, value] of Object.entries(overrides)) {
    const where = overrideLocations.get(path) ?? { file: sourceName };
    const segments = parsePath(path);
    if (!Array.isArray(segments)) {
      problems.push({ location: where, path: `overrides.${path}`, message: segments.error });
      continue;
    }
    const failure = setByPath(target.data, segments, structuredClone(value));
    if (failure) {
      problems.push({ location: where, path, message: failure });
      continue;
    }
    dropDescendants(target.locations, path);
    if ('line' in where) target.locations.set(path, where);
    const below: SourceMap = new Map();
    for (const [key, location] of overrideLocations) {
      if (key.startsWith(`${path}.`)) below.set(key.slice(path.length + 1), location);
    }
    mountSourceMap(target.locations, below, path);
  }
  if (problems.length) throw new InputError(problems);
}

let vocabulary: Map<string, string[]> | undefined;
/** The scenario's field names, for "did you mean" (built on the first unknown field). */
function scenarioVocabulary(): Map<string, string[]> {
  vocabulary ??= fieldVocabulary(ScenarioFileSchema);
  return vocabulary;
}

/**
 * An actor that lacks most required fields is, far more often than not, a misspelt id in an
 * override or a child file (`actors.JPNN.sovereignty: 0.4`): one problem naming it, with the
 * closest existing id, stands for its "this field is required" list.
 */
function unknownActors(
  problems: { path: string; message: string }[],
  data: Record<string, unknown>,
): { path: string; message: string }[] {
  const missing = new Map<string, number>();
  for (const { path, message } of problems) {
    const match = /^actors\.([^.]+)\.[^.]+$/.exec(path);
    if (match && message.endsWith('(this field is required)'))
      missing.set(match[1], (missing.get(match[1]) ?? 0) + 1);
  }
  const actors = Object.keys((data.actors as Record<string, unknown>) ?? {});
  const known = actors.filter((id) => !missing.has(id));
  const unknown = [...missing].filter(([, count]) => count >= 3).map(([id]) => id);
  if (unknown.length === 0) return problems;
  const rest = problems.filter(({ path }) => !unknown.some((id) => path.startsWith(`actors.${id}.`)));
  return [
    ...unknown.map((id) => {
      const closest = closestName(id, known);
      return {
        path: `actors.${id}`,
        message: `unknown actor "${id}"${closest ? ` (did you mean ${closest}?)` : ''}: it is in no actor table or parent file, and a new actor needs name, subregion, population, gdp, military, energy, salience and sovereignty`,
      };
    }),
    ...rest,
  ];
}

/**
 * The reference problems of a scenario that failed its schema, so that one pass shows both (an
 * unknown state id as well as a value out of range): each top-level section that passes its own
 * schema is checked as parsed, a broken one as its defaults when it has some, else as written;
 * problems under a path the schema already reported are left out, and if the sections are too
 * broken to check, none are added.
 */
function referencesDespite(
  data: Record<string, unknown>,
  schemaProblems: { path: string }[],
): { path: string; message: string }[] {
  const sections: Record<string, unknown> = { ...data };
  for (const [key, schema] of Object.entries(ScenarioSchema.shape)) {
    const section = (schema as z.ZodType).safeParse(data[key]);
    // A broken section with defaults (parameters) is checked as its defaults; one without, as written.
    const fallback = section.success ? section : (schema as z.ZodType).safeParse(undefined);
    if (fallback.success) sections[key] = fallback.data;
  }
  const reported = schemaProblems.map((p) => p.path);
  try {
    return checkReferences(sections as Scenario).filter(
      ({ path }) => !reported.some((r) => path === r || path.startsWith(`${r}.`) || r.startsWith(`${path}.`)),
    );
  } catch {
    return [];
  }
}
