import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-power-'));
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

function bodyFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('cica-sim power', () => {
  it('prints the documented JSON for a voting-body file', () => {
    const file = bodyFile(
      'three.yaml',
      'members:\n  - { id: A, weight: 2 }\n  - { id: B }\n  - { id: C }\nrule: { kind: quota, yes: { weight: 3 } }\n',
    );
    const result = cli('power', file, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.method).toBe('exact');
    expect(json.passageProbability).toBe(3 / 8);
    expect(json.members.map((m: { id: string }) => m.id)).toEqual(['A', 'B', 'C']);
    expect(Object.keys(json.members[0])).toEqual([
      'id',
      'banzhaf',
      'banzhafRaw',
      'shapleyShubik',
      'colemanPrevent',
      'colemanInitiate',
    ]);
    expect(json.members[0].banzhaf).toBe(0.6);
  });

  it('prints a table sorted by power, with standard errors under Monte Carlo', () => {
    const exact = cli('power', repoFile('experiments/bodies/eec-1958.yaml'));
    expect(exact.code).toBe(0);
    const rows = exact.stdout.split('\n').filter((line) => /^[A-Z]{3}\s+\d/.test(line));
    expect(rows.map((line) => line.slice(0, 3))).toEqual(['FRA', 'DEU', 'ITA', 'BEL', 'NLD', 'LUX']);
    const mc = cli(
      'power',
      repoFile('experiments/bodies/eec-1958.yaml'),
      '--method',
      'montecarlo',
      '--samples',
      '2000',
      '--json',
    );
    const json = JSON.parse(mc.stdout);
    expect(json.method).toBe('montecarlo');
    expect(json.samples).toBe(2000);
    expect(Object.keys(json.members[0].standardErrors)).toEqual([
      'banzhaf',
      'banzhafRaw',
      'shapleyShubik',
      'colemanPrevent',
      'colemanInitiate',
    ]);
    expect(json.members[0].standardErrors.shapleyShubik).toBeGreaterThan(0);
    expect(json.passageProbabilityStandardError).toBeGreaterThan(0);
  });

  it('takes members and rules from a scenario with --org and --kind, and compares them', () => {
    const scenario = repoFile('scenarios/examples/cica-rules.yaml');
    const result = cli('power', scenario, '--org', 'CICA', '--kind', 'cbm', 'crisis', '--compare');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/B1: CICA cbm — unanimity/);
    expect(result.stdout).toMatch(/B2: CICA crisis — quota count ≥ 55%, population ≥ 65%/);
    // Under the double majority the most populous members hold the most power.
    const firstRows = result.stdout
      .split('\n')
      .filter((line) => /^[A-Z]{3}\s+\d/.test(line))
      .slice(0, 2);
    expect(firstRows.map((line) => line.slice(0, 3)).sort()).toEqual(['CHN', 'IND']);
    // A small passage probability in scientific notation: 1/2^28 under unanimity, not 0.0000.
    expect((1 / 2 ** 28).toExponential(1)).toBe('3.7e-9');
    expect(result.stdout).toMatch(/^passage\s+3\.7e-9\s+0\.\d{4}$/m);
    const json = JSON.parse(
      cli('power', scenario, '--org', 'CICA', '--kind', 'cbm', 'reform', '--json').stdout,
    );
    expect(json).toHaveLength(2);
    expect(json[0].members).toHaveLength(28);
  });

  it.each([
    ['unknown kind', 'members: [{ id: A }]\nrule: { kind: majority }\n', /rule\.kind: expected one of/],
    [
      'veto not a member',
      'members: [{ id: A }, { id: B }]\nrule: { kind: quota, yes: { count: 1 }, veto: [Z] }\n',
      /2:\d+ rule\.veto\.0: expected a member id, found "Z"/,
    ],
    [
      'share outside (0, 1]',
      'members: [{ id: A }]\nrule: { kind: quota, yes: { count: { share: 1.5 } } }\n',
      /rule\.yes\.count.*≤ 1, found 1\.5/,
    ],
    [
      'zero share',
      'members: [{ id: A }]\nrule: { kind: quota, yes: { count: { share: 0 } } }\n',
      /rule\.yes\.count.*> 0, found 0/,
    ],
    ['empty body', 'members: []\nrule: { kind: unanimity }\n', /members: expected at least 1 entries/],
    [
      'a member listed twice',
      'members: [{ id: A }, { id: A }]\nrule: { kind: unanimity }\n',
      /members\.1\.id: A is listed twice/,
    ],
  ])('a bad body file (%s) exits 2 with a clear message', (name, text, message) => {
    const result = cli('power', bodyFile(`${name.replace(/\W+/g, '-')}.yaml`, text));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('counts 40 members exactly by generating functions, and refuses an exact count of real-valued double criteria beyond 36', () => {
    const members = Array.from({ length: 40 }, (_, i) => `  - { id: M${i} }`).join('\n');
    const file = bodyFile('forty.yaml', `members:\n${members}\nrule: { kind: quota, yes: { count: 21 } }\n`);
    const auto = JSON.parse(cli('power', file, '--json').stdout);
    expect(auto).toMatchObject({ method: 'exact', algorithm: 'generating-function' });
    // By hand: a member swings when exactly 20 of the other 39 say yes, C(39, 20) / 2^39; by symmetry
    // each has Shapley–Shubik 1/40; a majority of 21 passes with Σ_{k≥21} C(40, k) / 2^40.
    let binomial = 1;
    for (let k = 1; k <= 20; k++) binomial = (binomial * (39 - k + 1)) / k;
    expect(auto.members[0].banzhafRaw).toBeCloseTo(binomial / 2 ** 39, 14);
    expect(auto.members[7].shapleyShubik).toBeCloseTo(1 / 40, 14);
    let passing = 0;
    let c = 1;
    for (let k = 0; k <= 40; k++) {
      if (k >= 21) passing += c;
      c = (c * (40 - k)) / (k + 1);
    }
    expect(auto.passageProbability).toBeCloseTo(passing / 2 ** 40, 14);

    // Weights and populations both binding, in decimals no power of ten makes whole: exact only up to 36.
    const real = Array.from(
      { length: 40 },
      (_, i) => `  - { id: M${i}, weight: ${1 + (i % 3)}, population: ${Math.sqrt(i + 2)} }`,
    ).join('\n');
    const realFile = bodyFile(
      'forty-real.yaml',
      `members:\n${real}\nrule: { kind: quota, yes: { weight: { share: 0.5 }, population: { share: 0.5 } } }\n`,
    );
    const exact = cli('power', realFile, '--method', 'exact');
    expect(exact.code).toBe(2);
    expect(exact.stderr).toMatch(
      /exact analysis of real-valued or double criteria handles up to 36 members; forty-real has 40/,
    );
    expect(JSON.parse(cli('power', realFile, '--samples', '1000', '--json').stdout).method).toBe(
      'montecarlo',
    );
  });

  it('validate checks voting-body files too', () => {
    const good = cli('validate', repoFile('experiments/bodies/un-security-council.yaml'));
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/valid voting body — 15 members, quota count ≥ 9, veto CHN FRA RUS GBR USA/);
    const bad = cli(
      'validate',
      bodyFile(
        'bad-veto.yaml',
        'members: [{ id: A }]\nrule: { kind: quota, yes: { count: 1 }, veto: [Q] }\n',
      ),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rule\.veto\.0: expected a member id, found "Q"/);
  });

  it('asks for --org with a scenario, and rejects an unknown organisation or kind', () => {
    const scenario = repoFile('scenarios/asia-2025.yaml');
    expect(cli('power', scenario).stderr).toMatch(
      /name the organisation with --org \(one of CICA, SCO, ASEAN\)/,
    );
    const unknownOrg = cli('power', scenario, '--org', 'NATO');
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stderr).toMatch(/no organisation "NATO"/);
    const unknownKind = cli('power', scenario, '--org', 'SCO', '--kind', 'trade');
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.stderr).toMatch(
      /expected one of cbm, reform, accession, partnership, crisis, found "trade"/,
    );
  });
});

describe('cica-sim power --chart', () => {
  it('writes a bar chart of power per member and rule, as a Vega-Lite spec and SVG', () => {
    const out = join(dir, 'power-chart');
    const result = cli(
      'power',
      repoFile('scenarios/examples/cica-rules.yaml'),
      '--org',
      'CICA',
      '--kind',
      'cbm',
      'crisis',
      '--compare',
      '--chart',
      out,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const spec = JSON.parse(readFileSync(join(out, 'power.vl.json'), 'utf8'));
    expect(spec.data.values).toHaveLength(2 * 28);
    // Unanimity of 28 passes with probability 2^-28 ≈ 3.7e-9, shown in powers of ten.
    expect(JSON.stringify(spec)).toContain('CICA cbm: unanimity (passes 3.7e-7%)');
    expect(readFileSync(join(out, 'power.svg'), 'utf8')).toMatch(/^<svg/);
  });
});
