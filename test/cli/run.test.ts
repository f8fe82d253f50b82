import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WHOLE_RUN_NAMES } from '../../src/metrics/summarize.js';
import { cli, repoFile } from '../helpers.js';

const builtin = repoFile('scenarios/asia-2025.yaml');
const dir = mkdtempSync(join(tmpdir(), 'cica-cli-'));

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
      'step,year,org,members,proposals,adopted,adoption_rate,ambition,mean_trust,cohesion,cbms_implemented,obligations,compliance,cbms_in_force,stage,conflicts,' +
        'amendments,reforms,shocks,applications,admissions,partnerships,joint_adopted,vetoes,blocks,cbms_military_political,cbms_new_threats,cbms_economic,cbms_environmental,cbms_human',
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
    // Vetoes and blocks per state sum to the organisation's totals, and the dimensions to all implementations.
    const vetoes = readFileSync(join(out, 'vetoes.csv'), 'utf8').trimEnd().split('\n');
    expect(vetoes[0]).toBe('org,state,vetoes,blocks');
    const admitted = Object.values(summary.admissions as Record<string, unknown[]>).reduce(
      (sum, list) => sum + list.length,
      0,
    );
    expect(vetoes).toHaveLength(1 + 28 + 10 + 11 + admitted);
    const cicaVetoes = vetoes
      .filter((line) => line.startsWith('CICA,'))
      .reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
    expect(cicaVetoes).toBe(summary.organisations.CICA.vetoes);
    const cicaBlocks = vetoes
      .filter((line) => line.startsWith('CICA,'))
      .reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
    expect(cicaBlocks).toBe(summary.organisations.CICA.blocks);
    expect(cicaBlocks).toBeGreaterThan(0);
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
