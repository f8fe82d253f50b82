import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

const quick = repoFile('experiments/sensitivity-quick.yaml');

describe('cica-sim sensitivity, end to end', () => {
  it('a Morris study of three parameters of the built-in world: indices.csv with a row per factor, and a report', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cica-cli-sensitivity-')), 'out');
    const result = cli('sensitivity', quick, '--size', '2', '--replications', '2', '--out', out, '--quiet');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const indices = readFileSync(join(out, 'indices.csv'), 'utf8').trim().split('\n');
    expect(indices[0]).toBe('output,factor,mu_star,mu,sigma');
    for (const output of ['CICA.adoption_rate', 'CICA.adoption_rate.unanimity-vs-consensus'])
      expect(
        indices.filter((line) => line.startsWith(`${output},`)).map((line) => line.split(',')[1]),
      ).toEqual([
        'parameters.trust.forgetting',
        'parameters.trust.priorStrength',
        'parameters.enlargement.openness',
      ]);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('<svg');
    expect(report).toContain('What each output hangs on');
    expect(existsSync(join(out, 'charts', 'morris-0.vl.json'))).toBe(true);
    // `report` rebuilds a study's report from its tables.
    const rebuilt = cli('report', out);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/report\.html/);
    // A second run into the same directory is refused, naming what to do.
    const again = cli('sensitivity', quick, '--size', '2', '--replications', '2', '--out', out, '--quiet');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--resume/);
    // With --resume the same study is already complete: nothing to do, exit 0.
    expect(
      cli('sensitivity', quick, '--size', '2', '--replications', '2', '--out', out, '--quiet', '--resume')
        .code,
    ).toBe(0);
  });

  it('the shipped study, at a quick-look size: the screening of every parameter, then the Sobol stage on ten', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cica-cli-sensitivity-')), 'study');
    const study = repoFile('experiments/sensitivity.yaml');
    const result = cli('sensitivity', study, '--size', '2', '--replications', '1', '--out', out, '--quiet');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const screened = new Set(
      readFileSync(join(out, 'indices.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    );
    expect(screened.size).toBe(62);
    const sobol = readFileSync(join(out, 'sobol', 'indices.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(sobol[0]).toBe('output,factor,first,first_low,first_high,total,total_low,total_high');
    // Seven outputs × the ten factors ranked highest.
    expect(sobol).toHaveLength(1 + 7 * 10);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('sobol/report.html');
    expect(existsSync(join(out, 'sobol', 'report.html'))).toBe(true);
  });
});
