import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers' arrows of docs/ARCHITECTURE.md, checked on the import graph of src/. A file may import from
 * its own layer and from layers of a lower rank. Layers of equal rank sit beside each other and
 * never import one another: experiment and charts (charts read tables through the registry in
 * tables/, never experiment internals). So rules and the engine never import metrics,
 * experiment, charts or cli; scenario never imports engine or experiment; metrics never imports
 * experiment.
 */
const RANK: Record<string, number> = {
  util: 0,
  types: 0,
  'version.ts': 0,
  input: 1,
  model: 1,
  sensitivity: 1,
  rules: 2,
  scenario: 3,
  engine: 4,
  metrics: 5,
  tables: 6,
  experiment: 7,
  charts: 7,
  playground: 8,
  cli: 9,
  'index.ts': 10,
};

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0];

/** Every relative import and re-export of a file's text, static or dynamic, resolved to a path. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** The imports that climb, from a layer to one above or beside it, as "from → to". */
function climbingImports(files: [path: string, text: string][]): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const from = layerOf(file);
    for (const target of importsOf(file, text)) {
      const to = layerOf(target);
      if (to === from) continue;
      const arrow = `${relative(SRC, file)} → ${relative(SRC, target)}`;
      if (!(from in RANK) || !(to in RANK))
        found.push(`${arrow} (a layer docs/ARCHITECTURE.md does not name)`);
      else if (RANK[to] >= RANK[from]) found.push(arrow);
    }
  }
  return found;
}

describe('the layers of src/', () => {
  it('never import upward or sideways', () => {
    const files = sourceFiles(SRC).map((file): [string, string] => [file, readFileSync(file, 'utf8')]);
    expect(files.length).toBeGreaterThan(50);
    expect(climbingImports(files)).toEqual([]);
  });

  it('the check itself finds an upward, a sideways and an unnamed layer, and lets a downward pass', () => {
    const found = climbingImports([
      [join(SRC, 'engine/simulate.ts'), "import { RECORDERS } from '../metrics/recorders.js';"],
      [join(SRC, 'charts/report.ts'), "import type { Manifest } from '../experiment/output-dir.js';"],
      [join(SRC, 'scenario/load.ts'), "const m = await import('../engine/world.js');"],
      [join(SRC, 'rules/decide.ts'), "export { x } from '../stuff/x.js';"],
      [join(SRC, 'cli/run.ts'), "import { simulate } from '../engine/simulate.js';"],
      [join(SRC, 'engine/phases/vote.ts'), "import { drawVote } from '../score.js';"],
    ]);
    expect(found).toEqual([
      'engine/simulate.ts → metrics/recorders.ts',
      'charts/report.ts → experiment/output-dir.ts',
      'scenario/load.ts → engine/world.ts',
      'rules/decide.ts → stuff/x.ts (a layer docs/ARCHITECTURE.md does not name)',
    ]);
  });
});
