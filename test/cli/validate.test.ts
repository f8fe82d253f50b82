import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/load.js';
import { cli, fixture, repoFile } from '../helpers.js';

const builtin = repoFile('scenarios/asia-2025.yaml');
const dir = mkdtempSync(join(tmpdir(), 'cica-cli-'));

/** A stack trace shows as lines starting with "at " after an error; users must never see one. */
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('cica-sim validate', () => {
  it('exits 0 on the shipped scenarios and experiments', () => {
    const result = cli(
      'validate',
      builtin,
      repoFile('scenarios/examples/border-clash.yaml'),
      repoFile('experiments/example.yaml'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/valid — 45 states, 3 organisations/);
    expect(result.stdout).toMatch(
      /example\.yaml: valid experiment — 3 variants × 3 points × 50 replications = 450 runs/,
    );
  });

  it('exits 2 listing every problem of every file, with no stack trace', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      `extends: ${fixture('tiny.yaml')}\nyears: -3\norganisations:\n  ORG:\n    members: [AAA, NOPE]\n`,
    );
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'name: [unclosed\n');
    const result = cli('validate', bad, broken, builtin);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:2:8 years: expected a number ≥ 1, found -3/);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+: YAML syntax/);
    expect(result.stderr).toMatch(/2 of 3 files invalid/);
    expect(result.stderr).not.toMatch(STACK);
  });
});

describe('validate --resolved', () => {
  it('prints the scenario as it stands after extends and overrides: the same data the loader gives', () => {
    const file = repoFile('scenarios/examples/border-clash.yaml');
    const result = cli('validate', file, '--resolved');
    expect(result.code).toBe(0);
    const yamlText = result.stdout.slice(result.stdout.indexOf('\n# ') + 1);
    expect(yamlText.split('\n')[0]).toBe(`# ${file}, resolved`);
    expect(parse(yamlText)).toEqual(JSON.parse(JSON.stringify(loadScenario(file).scenario)));
    // The child's changes are in it: CICA decides CBMs by consensus minus one.
    expect(parse(yamlText).organisations.CICA.rules.cbm).toEqual({ kind: 'consensus-minus', k: 1 });
  });

  it('for an experiment, prints the scenario of each variant', () => {
    const result = cli('validate', repoFile('experiments/example.yaml'), '--resolved');
    expect(
      result.stdout
        .match(/^# .*variant (\S+), point p0$/gm)
        ?.map((l) => l.split(' ').at(-3)?.replace(',', '')),
    ).toEqual(['today', 'consensus-minus-one', 'observers-join']);
  });
});
