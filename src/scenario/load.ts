import { createHash } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';
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
import { canonicalJson } from '../util/canonical-json.js';
import { readActorTable, readRelationTable } from './read-tables.js';
import { type Scenario, ScenarioFileSchema } from './schema.js';
import { scenarioVocabulary, validateScenarioData } from './validate-data.js';

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
  const checked = validateScenarioData(resolved.data);
  if ('problems' in checked)
    throw new InputError(
      inReadingOrder(checked.problems.map(({ path, message }) => at(resolved, path, message))),
    );
  return {
    scenario: checked.scenario,
    file,
    files: resolved.files,
    hash: `sha256:${createHash('sha256').update(canonicalJson(checked.scenario)).digest('hex')}`,
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
