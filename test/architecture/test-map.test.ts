import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Where the tests of each module of src/ are, so a newcomer finds them. A module's tests are at
 * its mirrored path (src/engine/trust.ts → test/engine/trust.test.ts, or .slow.test.ts), or in a
 * test file that imports it, or — for a module exercised through another (a phase through whole
 * runs, a CLI command through the built CLI) — in the files named below. A module in none of
 * these fails the test: write its tests, or name where they are.
 */
const TESTED_THROUGH: Record<string, string[]> = {
  'charts/report': ['charts/charts.test.ts', 'charts/report-browser.slow.test.ts'],
  'charts/specs/': ['charts/specs.test.ts', 'charts/charts.test.ts'],
  // Commands are thin wiring of library calls: they are tested through the built CLI.
  'cli/': ['cli/main.test.ts', 'cli/experiment.test.ts', 'cli/run.test.ts'],
  // The threads that run blocks: through dispatch, and through faults that kill them.
  'experiment/pool': ['experiment/dispatch.test.ts', 'reliability/faults.slow.test.ts'],
  'experiment/worker': ['experiment/dispatch.test.ts', 'reliability/faults.slow.test.ts'],
  // Loading pieces shared by experiments and studies: through the loaders' tests.
  'experiment/variant-scenarios': ['experiment/load.test.ts', 'experiment/sensitivity/load.test.ts'],
  'experiment/scenario-with': ['experiment/uncertainty.test.ts', 'experiment/sensitivity/run.test.ts'],
  'experiment/sensitivity/factor-schema': [
    'experiment/sensitivity/load.test.ts',
    'experiment/uncertainty.test.ts',
  ],
  'experiment/sensitivity/factors': ['experiment/sensitivity/load.test.ts', 'experiment/uncertainty.test.ts'],
  'experiment/sensitivity/checkpoint': ['experiment/sensitivity/run.test.ts'],
  'experiment/sensitivity/merge': ['experiment/sensitivity/run.slow.test.ts'],
  'experiment/sensitivity/schema': ['experiment/sensitivity/load.test.ts', 'cli/sensitivity.test.ts'],
  // The page's script, its bundling and its HTML: in Chromium, against the CLI's numbers.
  'playground/browser/': ['playground/playground-browser.slow.test.ts'],
  'playground/bundle': ['playground/playground-browser.slow.test.ts'],
  'playground/html': ['playground/playground-browser.slow.test.ts'],
  'playground/protocol': ['playground/playground-browser.slow.test.ts'],
  // The file-free halves of loading: through the loaders they were split from.
  'scenario/scenario-voting-body': ['cli/power.test.ts', 'playground/playground-browser.slow.test.ts'],
  'scenario/validate-data': ['scenario/load.test.ts', 'playground/overrides.test.ts'],
  // Compiled dated events: through the phase that applies them.
  'engine/compile/dated-events': ['engine/phases/dated.test.ts'],
  // Calibration: the rejection by hand (accept.test.ts); the stages, the file and the charts
  // through the command on the shipped history study.
  'experiment/calibration/run': ['cli/calibrate.slow.test.ts'],
  'experiment/calibration/schema': ['cli/calibrate.slow.test.ts'],
  'charts/calibration-charts': ['cli/calibrate.slow.test.ts'],
  'input/': ['scenario/load.test.ts', 'reliability/limits.test.ts', 'reliability/input-fuzz.slow.test.ts'],
  'rules/power/': ['rules/power/exact.test.ts', 'rules/power/published.test.ts'],
  // The direction numbers are checked through the sequence they make, against SciPy's points.
  'sensitivity/joe-kuo': ['sensitivity/sobol-sequence.test.ts'],
  'sensitivity/factors': ['sensitivity/sobol-indices.test.ts', 'sensitivity/morris.test.ts'],
  'tables/': ['tables/registry.test.ts', 'experiment/tables.test.ts'],
};

/** Modules that only declare (types, constant lists, zod shapes): they are tested where they are used. */
const DECLARATIONS = ['model/check', 'model/dimensions', 'model/id', 'model/proposals', 'types/jstat.d'];

const SRC = resolve(import.meta.dirname, '../../src');
const TEST = resolve(import.meta.dirname, '..');

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

describe('every module of src/ has tests a newcomer can find', () => {
  const modules = files(SRC, '.ts').map((file) => relative(SRC, file).replace(/\.ts$/, ''));
  const testTexts = files(TEST, '.test.ts').map((file) => readFileSync(file, 'utf8'));

  it('at its mirrored path, in a test that imports it, or in the files named for it', () => {
    const untested = modules.filter((module) => {
      if (DECLARATIONS.includes(module)) return false;
      if (existsSync(join(TEST, `${module}.test.ts`)) || existsSync(join(TEST, `${module}.slow.test.ts`)))
        return false;
      if (testTexts.some((text) => text.includes(`src/${module}.js'`))) return false;
      return !Object.keys(TESTED_THROUGH).some(
        (key) => module === key || (key.endsWith('/') && module.startsWith(key)),
      );
    });
    expect(untested).toEqual([]);
  });

  it('names only test files that exist, for modules that exist', () => {
    for (const [module, tests] of Object.entries(TESTED_THROUGH)) {
      expect(
        modules.some((m) => m === module || (module.endsWith('/') && m.startsWith(module))),
        module,
      ).toBe(true);
      for (const test of tests) expect(existsSync(join(TEST, test)), `${module}: ${test}`).toBe(true);
    }
  });
});
