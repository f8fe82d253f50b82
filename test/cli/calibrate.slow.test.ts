import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

/**
 * cica-sim calibrate on the shipped history study, small: 40 prior draws, 6 predictive runs.
 * Stopped after a few runs, --resume finishes it with the posterior an uninterrupted run gives;
 * the posterior is a file an experiment can draw from, and the scores cover both windows.
 */
const dir = mkdtempSync(join(tmpdir(), 'cica-calibrate-'));
const file = join(dir, 'calibration.yaml');
writeFileSync(
  file,
  [
    'name: small-calibration',
    `experiment: ${repoFile('experiments/history-1999.yaml')}`,
    'priors:',
    '  parameters.enlargement.openness: { min: 0, max: 1.2 }',
    '  parameters.institutions.interest: {}',
    'draws: 40',
    'accept: 0.2',
    'predictive: 6',
    'seed: 5',
    '',
  ].join('\n'),
);

describe('cica-sim calibrate', () => {
  it('writes the posterior, the draws, both windows’ scores and the marginals; resumes after a stop to the same posterior', () => {
    const whole = join(dir, 'whole');
    const first = cli('calibrate', file, '--out', whole, '--quiet');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/accepted 8 of 40 draws/);
    const posterior = parse(readFileSync(join(whole, 'posterior.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(posterior).toHaveLength(8);
    expect(Object.keys(posterior[0])).toEqual([
      'draw',
      'seed',
      'distance',
      'parameters.enlargement.openness',
      'parameters.institutions.interest',
    ]);
    // Closest first, every accepted draw within the prior.
    const distances = posterior.map((row) => Number(row.distance));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const row of posterior) {
      expect(Number(row['parameters.enlargement.openness'])).toBeGreaterThanOrEqual(0);
      expect(Number(row['parameters.enlargement.openness'])).toBeLessThanOrEqual(1.2);
    }
    // The stated tolerance: the largest accepted distance, over the calibration window's facts.
    const summary = JSON.parse(readFileSync(join(whole, 'calibration.json'), 'utf8'));
    expect(summary).toMatchObject({ draws: 40, accepted: 8, tolerance: distances[7] });
    expect(summary.calibrationFacts).toContain('16 members at the first summit (2002)');
    const scores = readFileSync(join(whole, 'scores.csv'), 'utf8');
    expect(scores).toContain(',calibration,');
    expect(scores).toContain(',holdout,');
    expect(existsSync(join(whole, 'prior-scores.csv'))).toBe(true);
    expect(existsSync(join(whole, 'charts', 'marginal-parameters-enlargement-openness.svg'))).toBe(true);

    const stopped = join(dir, 'stopped');
    const interrupted = cli('calibrate', file, '--out', stopped, '--quiet', '--stop-after', '10');
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/--resume/);
    const resumed = cli('calibrate', file, '--out', stopped, '--quiet', '--resume');
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const name of ['posterior.csv', 'draws.csv', 'scores.csv'])
      expect(readFileSync(join(stopped, name), 'utf8'), name).toBe(readFileSync(join(whole, name), 'utf8'));
  }, 180_000);

  it('refuses a study without calibration facts, naming the file', () => {
    const bare = join(dir, 'bare.yaml');
    writeFileSync(
      bare,
      `name: bare\nexperiment: ${repoFile('experiments/history.yaml')}\npriors: { parameters.enlargement.openness: {} }\n`,
    );
    const result = cli('calibrate', bare, '--out', join(dir, 'bare'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/expected a history study with facts of period: calibration/);
  });
});
