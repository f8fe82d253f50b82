import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WHOLE_RUN_NAMES } from '../../src/metrics/summarize.js';
import { cli, fixture, repoFile } from '../helpers.js';

const builtin = repoFile('scenarios/asia-2025.yaml');
const dir = mkdtempSync(join(tmpdir(), 'cica-cli-'));

/** A stack trace shows as lines starting with "at " after an error; users must never see one. */
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('cica-sim run', () => {
  it('writes byte-identical files for the same seed, different numbers for another', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(dir, name));
    expect(cli('run', builtin, '--seed', '7', '--out', a).code).toBe(0);
    expect(cli('run', builtin, '--seed', '7', '--out', b).code).toBe(0);
    expect(cli('run', builtin, '--seed', '8', '--out', c).code).toBe(0);
    for (const file of ['timeseries.csv', 'summary.json']) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
    }
    expect(readFileSync(join(a, 'timeseries.csv'), 'utf8')).not.toBe(
      readFileSync(join(c, 'timeseries.csv'), 'utf8'),
    );
  });

  it('writes the documented columns, one row per step and organisation, and a summary', () => {
    const out = join(dir, 'columns');
    cli('run', builtin, '--seed', '1', '--years', '2', '--out', out);
    const lines = readFileSync(join(out, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'step,year,org,members,proposals,adopted,adoption_rate,ambition,mean_trust,cohesion,cbms_implemented,stage,conflicts,' +
        'amendments,reforms,shocks,applications,admissions,partnerships,joint_adopted,vetoes,cbms_military_political,cbms_new_threats,cbms_economic,cbms_environmental,cbms_human',
    );
    expect(lines).toHaveLength(1 + 8 * 3);
    expect(lines[1]).toMatch(/^1,2025,CICA,28,/);
    expect(lines[24]).toMatch(/^8,2026,ASEAN,11,/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      seed: 1,
      startYear: 2025,
      years: 2,
      steps: 8,
      scenario: { name: 'Asia 2025' },
    });
    expect(summary.scenario.hash).toMatch(/^sha256:/);
    expect(summary.cicaSim).toBe(JSON.parse(readFileSync(repoFile('package.json'), 'utf8')).version);
    expect(Object.keys(summary.organisations.CICA)).toEqual([...WHOLE_RUN_NAMES]);
    expect(summary.milestones.CICA.map((m: { rung: string }) => m.rung)).toEqual([
      'Secretariat',
      'Chair rotation',
      'Council of Eminent Persons',
      'Fund',
      'Council of Permanent Representatives',
      'Full regional organisation',
    ]);
    expect(summary.milestones.CICA[0].reached).toBe('before the run');
    // Vetoes per state sum to the organisation's total, and the dimensions to all implementations.
    const vetoes = readFileSync(join(out, 'vetoes.csv'), 'utf8').trimEnd().split('\n');
    expect(vetoes[0]).toBe('org,state,vetoes');
    const admitted = Object.values(summary.admissions as Record<string, unknown[]>).reduce(
      (sum, list) => sum + list.length,
      0,
    );
    expect(vetoes).toHaveLength(1 + 28 + 10 + 11 + admitted);
    const cicaVetoes = vetoes
      .filter((line) => line.startsWith('CICA,'))
      .reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
    expect(cicaVetoes).toBe(summary.organisations.CICA.vetoes);
    const dims = ['military_political', 'new_threats', 'economic', 'environmental', 'human'];
    expect(dims.reduce((sum, d) => sum + summary.organisations.CICA[`cbms_${d}`], 0)).toBe(
      summary.organisations.CICA.cbms_implemented,
    );
  });

  it('writes timeseries.json with --format json, and prints a readable table without --out', () => {
    const out = join(dir, 'json');
    expect(cli('run', builtin, '--years', '1', '--format', 'json', '--out', out).code).toBe(0);
    const rows = JSON.parse(readFileSync(join(out, 'timeseries.json'), 'utf8'));
    expect(rows).toHaveLength(4 * 3);
    expect(rows[0]).toMatchObject({ step: 1, year: 2025, org: 'CICA', members: 28 });
    const table = cli('run', builtin, '--years', '1');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Asia 2025 — seed 1, 2025–2025 \(4 steps\)/);
    expect(table.stdout).toMatch(/^CICA\s+28\s/m);
    // Every row has as many cells as the header.
    const lines = table.stdout.split('\n');
    const header =
      lines
        .find((line) => line.startsWith('org '))
        ?.trim()
        .split(/\s+/) ?? [];
    const cica =
      lines
        .find((line) => line.startsWith('CICA '))
        ?.trim()
        .split(/\s+/) ?? [];
    expect(header).toContain('vetoes');
    expect(cica).toHaveLength(header.length);
  });
});

describe('cica-sim run --trace and cica-sim explain', () => {
  const out = join(dir, 'traced');
  const run = cli('run', builtin, '--seed', '3', '--out', out, '--trace');

  it('writes a JSON line per proposal, implementation, shock, application and reform', () => {
    expect(run.code).toBe(0);
    const records = readFileSync(join(out, 'trace.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const types = new Set(records.map((r) => r.type));
    expect([...types]).toEqual(
      expect.arrayContaining(['application', 'implementation', 'proposal', 'reform', 'shock']),
    );
    for (const type of types)
      expect(['application', 'implementation', 'proposal', 'reform', 'shock', 'partnership']).toContain(type);
    const proposal = records.find((r) => r.type === 'proposal');
    expect(Object.keys(proposal)).toEqual(
      expect.arrayContaining([
        'step',
        'year',
        'org',
        'cbm',
        'proposer',
        'chair',
        'amendments',
        'rule',
        'votes',
        'passed',
        'pivotal',
        'vetoes',
      ]),
    );
  });

  it('explain prints the trace readably, filtered by organisation, year, step and type', () => {
    const result = cli('explain', join(out, 'trace.jsonl'), '--org', 'CICA', '--year', '2027');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2027 step 9 · CICA · [A-Z]{2}\d /m);
    expect(result.stdout).toMatch(/proposed by [A-Z]{3}, chair AZE; rule: consensus/);
    expect(result.stdout).toMatch(/votes: \d+ yes, \d+ abstain.*, \d+ no.* → (adopted|failed)/);
    expect(result.stdout).not.toMatch(/· SCO ·|· ASEAN ·|^2028/m);
    const reforms = cli('explain', join(out, 'trace.jsonl'), '--type', 'reform', '--org', 'CICA');
    expect(reforms.stdout).toMatch(/reform to Fund: .* → (adopted|failed)/);
    expect(cli('explain', join(out, 'trace.jsonl'), '--year', '1999').stdout).toBe(
      'nothing in the trace matches\n',
    );
  });

  it('bad use exits 2: --trace without --out, a file that is not a trace', () => {
    const noOut = cli('run', builtin, '--trace');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/expected --out DIR as well/);
    const notTrace = cli('explain', builtin);
    expect(notTrace.code).toBe(2);
    expect(notTrace.stderr).toMatch(/asia-2025\.yaml:1:1: expected a trace record/);
    expect(notTrace.stderr).not.toMatch(STACK);
  });
});

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

describe('the command line', () => {
  it.each([
    ['--help'],
    ['run', '--help'],
    ['validate', '--help'],
    ['schema', '--help'],
    ['power', '--help'],
    ['experiment', '--help'],
    ['merge', '--help'],
    ['explain', '--help'],
    ['chart', '--help'],
    ['report', '--help'],
    ['--version'],
  ])('%s exits 0', (...args) => {
    const result = cli(...args);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });

  it.each([
    [['run'], /missing required argument/],
    [['run', builtin, '--seed', 'x'], /expected --seed as a whole number/],
    [['run', builtin, '--format', 'xml'], /Allowed choices are csv, json/],
    [['run', 'no-such-file.yaml'], /no-such-file\.yaml: file not found/],
    [['frobnicate'], /unknown command/],
  ])('bad input %j exits 2 with a message and no stack trace', (args, message) => {
    const result = cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('schema prints the JSON Schema of scenario files', () => {
    const result = cli('schema');
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['extends', 'actors', 'organisations', 'cbms', 'events', 'parameters']),
    );
  });
});
