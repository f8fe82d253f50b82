import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentMemory, requireDisk, requireMemory, runBytes } from '../../src/experiment/resources.js';
import { runShape } from '../../src/experiment/run-shape.js';
import { formatProblem, InputError } from '../../src/input/errors.js';
import { INPUT_LIMITS } from '../../src/input/read-input.js';
import { METRIC_NAMES } from '../../src/metrics/recorders.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadVotingBody } from '../../src/scenario/voting-body.js';
import { fixture } from '../helpers.js';
import { aliasBomb } from './mutate.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-limits-'));
const tiny = relative(dir, fixture('tiny.yaml'));

/** The formatted problems of loading `content` (text or bytes) as a scenario. */
function problemsOf(
  name: string,
  content: string | Uint8Array,
  load = loadScenario as (f: string) => unknown,
): string[] {
  const path = join(dir, name);
  writeFileSync(path, content);
  try {
    load(path);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('input limits, each with a clear message', () => {
  it('file size', () => {
    const big = `name: big\n# ${'x'.repeat(INPUT_LIMITS.fileBytes)}\n`;
    expect(problemsOf('big.yaml', big)).toEqual([
      expect.stringMatching(/big\.yaml: expected a file of at most 32\.0 MiB, found 32\.0 MiB/),
    ]);
  });

  it('binary garbage and text that is not UTF-8', () => {
    expect(problemsOf('nul.yaml', new Uint8Array([0x6e, 0x61, 0x00, 0x6d]))).toEqual([
      expect.stringMatching(/nul\.yaml: expected a text file, found binary data \(a NUL byte at byte 2\)/),
    ]);
    expect(problemsOf('latin1.yaml', new Uint8Array([0x6e, 0x3a, 0x20, 0xe9, 0x0a]))).toEqual([
      expect.stringMatching(/latin1\.yaml: expected UTF-8 text, found bytes that are not UTF-8/),
    ]);
  });

  it('nesting depth, at the line where it goes too deep', () => {
    const lines = ['name: deep', 'a:'];
    for (let level = 1; level <= INPUT_LIMITS.depth + 1; level++) lines.push(`${'  '.repeat(level)}k:`);
    const problems = problemsOf('deep.yaml', `${lines.join('\n')} 1\n`);
    // The root mapping is at depth 0, the value of `a` at 1, the value of the L-th k at L + 1:
    // the first node deeper than 64 is the mapping that starts with the 65th k, on line 2 + 65.
    expect(problems).toEqual([
      expect.stringMatching(/deep\.yaml:67:\d+: expected mappings and lists nested at most 64 levels deep/),
    ]);
  });

  it('YAML aliases that would expand without end', () => {
    expect(problemsOf('bomb.yaml', `${aliasBomb()}\n`)[0]).toMatch(
      /bomb\.yaml: YAML: .*alias|bomb\.yaml: YAML: .*resource/i,
    );
  });

  it('keys like __proto__ and constructor change no object of the program', () => {
    const problems = problemsOf(
      'proto.yaml',
      [
        `extends: ${tiny}`,
        'actors:',
        '  __proto__: { polluted: true }',
        'parameters:',
        '  constructor: { prototype: { polluted: true } }',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /proto\.yaml:3:3: "__proto__" cannot be a key: it names part of JavaScript's object machinery/,
      ),
    ]);
    expect(problemsOf('constructor.yaml', `extends: ${tiny}\nparameters:\n  constructor: {}\n`)).toEqual([
      expect.stringMatching(/constructor\.yaml:3:3: "constructor" cannot be a key/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const body = problemsOf(
      'proto-body.yaml',
      'members: [{ id: AAA }]\nrule: { kind: unanimity, __proto__: { polluted: true } }\n',
      loadVotingBody,
    );
    expect(body.join('\n')).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('numbers beyond what sums over thousands of states can hold', () => {
    const problems = problemsOf(
      'huge.yaml',
      `extends: ${tiny}\noverrides:\n  actors.AAA.population: 1e308\n  actors.AAA.gdp: .inf\n`,
    );
    expect(problems).toEqual([
      expect.stringMatching(/actors\.AAA\.population: expected a number ≤ 1000000, found 1e\+308/),
      expect.stringMatching(/actors\.AAA\.gdp: expected a number, found Infinity/),
    ]);
  });
});

describe('what a machine can hold is checked before running', () => {
  const shape = runShape(loadScenario(fixture('tiny.yaml')).scenario, 2);

  it('memory: the estimate grows with steps and worlds, not replications, and a refusal says it', () => {
    const bytes = (shapes: (typeof shape)[]) => experimentMemory(shapes, 1).reduce((t, p) => t + p.bytes, 0);
    const longer = { ...shape, steps: shape.steps * 10 };
    expect(bytes([longer])).toBeGreaterThan(bytes([shape]));
    expect(bytes([shape, shape])).toBeGreaterThan(bytes([shape]));
    // The time-series statistics: 8 steps × 1 organisation × 27 metrics × 2 KB × 2 (checkpoint copy).
    expect(METRIC_NAMES.length).toBe(27);
    const series = experimentMemory([shape], 1)[0];
    expect(series.bytes).toBe(8 * 1 * 27 * 2048 * 2);
    expect(() =>
      requireMemory(experimentMemory([longer], 4), 'x.yaml', 'use fewer years', {
        available: 100 * 1024 ** 2,
        heap: 4 * 1024 ** 3,
      }),
    ).toThrow(
      /x\.yaml: this needs about .* of memory, more than this machine has free \(100\.0 MiB\) \(time-series statistics .*\); use fewer years/,
    );
    expect(() =>
      requireMemory([{ what: 'cells', bytes: 3 * 1024 ** 3, heap: true }], 'x.yaml', 'advice', {
        available: 64 * 1024 ** 3,
        heap: 2 * 1024 ** 3,
      }),
    ).toThrow(
      /JavaScript heap, more than Node allows \(2\.0 GiB; raise it with NODE_OPTIONS=--max-old-space-size/,
    );
  });

  it('a run of a world with 20,000 states is refused before it allocates', () => {
    const states = Array.from({ length: 20_000 }, (_, i) => `S${i}`);
    const big = { ...shape, stateIds: states };
    // 20,000² cells × (20 bytes of trust store + 24 of the world + 8 of final trust) ≈ 19 GiB.
    expect(runBytes(big)).toBeGreaterThan(19 * 1024 ** 3);
    expect(() =>
      requireMemory([{ what: 'one run', bytes: runBytes(big), heap: false }], 'big.yaml', 'advice', {
        available: 16 * 1024 ** 3,
        heap: 4 * 1024 ** 3,
      }),
    ).toThrow(/big\.yaml: this needs about 19\.\d GiB of memory/);
  });

  it('disk: runs.csv that would not fit is refused with the sizes', () => {
    expect(() => requireDisk(join(dir, 'not-yet', 'out'), 1024 ** 5, 'x.yaml')).toThrow(
      /runs\.csv will need about 1048576\.0 GiB, more than the disk holding .* has free/,
    );
    expect(() => requireDisk(join(dir, 'out'), 1, 'x.yaml')).not.toThrow();
  });
});
