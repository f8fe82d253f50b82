import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/world.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import type { LoadedScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';
import { recordCount } from './counts.js';
import { applyPlan, mutationPlan } from './mutate.js';
import { createSandbox, type InputKind, loadAs, type Outcome, type Target, target } from './sandbox.js';

/**
 * Thousands of malformed inputs, made by mutating the shipped files (test/reliability/mutate.ts):
 * each must load, or be refused with an InputError whose every problem names a file and says
 * what was expected — never another exception, never a polluted prototype, never a hang. A
 * scenario that loads is also run for two years, and must run.
 *
 * The seed is fixed, so CI is repeatable; hunt for new failures with FUZZ_SEED=random (a new
 * seed each time, printed on failure) and FUZZ_RUNS=10 (ten times the cases). An input that
 * crashes is saved to output/fuzz-failures/ — add it to test/reliability/corpus/, where every
 * input that once failed is replayed below.
 */
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261123);
const root = createSandbox();

const TARGETS: [InputKind, string, number][] = [
  ['scenario', 'scenarios/asia-2025.yaml', 300],
  ['scenario', 'scenarios/cica-1999.yaml', 150],
  ['scenario', 'scenarios/examples/border-clash.yaml', 150],
  ['scenario', 'test/fixtures/tiny.yaml', 600],
  ['scenario', 'test/fixtures/two-orgs.yaml', 400],
  ['experiment', 'experiments/history.yaml', 150],
  ['experiment', 'test/fixtures/experiment.yaml', 300],
  ['voting-body', 'experiments/bodies/eec-1958.yaml', 800],
  ['voting-body', 'experiments/bodies/un-security-council.yaml', 400],
];

/**
 * The longest a single case may take: far below a hang, and far above a normal case — the
 * deepest nesting the fuzzer writes (about 15,000 levels) takes 2–3 s on two quiet cores and
 * passed 5 s once on a loaded machine, so the bound is 20 s.
 */
const CASE_MS = 20_000;

function expectCleanOutcome(t: Target, text: string): Outcome {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = loadAs(root, t, text);
    if (outcome.accepted && t.kind === 'scenario') {
      const { scenario } = outcome.value as LoadedScenario;
      const result = simulateRecorded(compileWorld(scenario, { years: Math.min(2, scenario.years) }), 1);
      expect(result.values.length).toBeGreaterThan(0);
    }
  } catch (error) {
    const dir = join(repoFile('output'), 'fuzz-failures');
    mkdirSync(dir, { recursive: true });
    const name = `${t.kind}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.yaml`;
    writeFileSync(join(dir, name), `# replaces ${t.file}\n${text}`);
    throw error;
  }
  if (!outcome.accepted) {
    for (const problem of outcome.error.problems) {
      expect(problem.location.file).not.toBe('');
      expect(problem.message.trim()).not.toBe('');
      expect(problem.message).not.toMatch(/\n\s+at /); // no stack trace
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  expect(performance.now() - started).toBeLessThan(CASE_MS);
  return outcome;
}

const tally: Record<string, { cases: number; accepted: number; refused: number }> = {};

describe('malformed inputs end in a clear InputError, never a crash', () => {
  it.each(TARGETS)(
    '%s %s',
    (kind, file, runs) => {
      const t = target(root, kind, file);
      const count = { cases: 0, accepted: 0, refused: 0 };
      fc.assert(
        fc.property(mutationPlan, (plan) => {
          const outcome = expectCleanOutcome(t, applyPlan(t.text, t.data, plan));
          count.cases++;
          if (outcome.accepted) count.accepted++;
          else count.refused++;
        }),
        { numRuns: Math.round(runs * SCALE), seed: SEED },
      );
      tally[file] = count;
      // Most mutations break something; some must still load, or the fuzzer tests only the parser.
      expect(count.refused).toBeGreaterThan(count.cases / 2);
    },
    300_000,
  );

  afterAll(() => {
    const cases = Object.values(tally).reduce((total, c) => total + c.cases, 0);
    recordCount('input fuzz cases (mutated shipped files)', cases);
    recordCount(
      'input fuzz cases accepted and run',
      Object.values(tally).reduce((t, c) => t + c.accepted, 0),
    );
  });
});

describe('every input that once failed is replayed (test/reliability/corpus)', () => {
  const corpus = repoFile('test/reliability/corpus');
  const entries = readdirSync(corpus).filter((name) => name.endsWith('.yaml'));
  it.each(entries)('%s', (name) => {
    const text = readFileSync(join(corpus, name), 'utf8');
    const replaces = /^# replaces (\S+)/.exec(text)?.[1];
    if (!replaces) throw new Error(`${name} must start with "# replaces <file>"`);
    const kind = name.split('-')[0] === 'voting' ? 'voting-body' : (name.split('-')[0] as InputKind);
    expectCleanOutcome(target(root, kind, replaces), text);
  });

  afterAll(() => recordCount('corpus inputs replayed', entries.length));
});
