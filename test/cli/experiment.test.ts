import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectSameTables, fixture, repoFile, EXPERIMENT_TABLES as TABLES } from '../helpers.js';

const main = repoFile('dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'cica-exp-'));
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

const tiny = fixture('experiment.yaml');
const reference = join(dir, 'reference');
const referenceRun = cli('experiment', tiny, '--out', reference, '--threads', '1', '--quiet');

describe('cica-sim experiment', () => {
  it('writes the manifest, every table, and by default the charts and report.html', () => {
    expect(referenceRun.code).toBe(0);
    expect(existsSync(join(reference, 'report.html'))).toBe(true);
    expect(existsSync(join(reference, 'charts', 'membership-and-stage.svg'))).toBe(true);
    const bare = join(dir, 'no-report');
    expect(cli('experiment', tiny, '--out', bare, '--quiet', '--no-report').code).toBe(0);
    expect(existsSync(join(bare, 'report.html'))).toBe(false);
    for (const file of [...TABLES, 'manifest.json', 'state.json'])
      expect(existsSync(join(reference, file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(reference, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      status: 'complete',
      seed: 5,
      replications: 6,
      jobs: { total: 24, done: 24 },
    });
    expect(manifest.experiment.hash).toMatch(/^sha256:/);
    expect(manifest.scenarios).toHaveLength(4);
  });

  it("runs.csv carries each swept parameter as a column, its value at the run's point", () => {
    const [header, ...lines] = readFileSync(join(reference, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(header.split(',').at(-1)).toBe('parameters.implementation.probability');
    for (const line of lines) {
      const cells = line.split(',');
      expect(cells.at(-1)).toBe(cells[1] === 'p0' ? '0.5' : '0.9');
    }
  });

  it('shards run as separate processes merge into exactly the single run', async () => {
    const shards = [1, 2, 3].map((i) => join(dir, `shard-${i}`));
    const codes = await Promise.all(
      shards.map(
        (out, i) =>
          new Promise<number | null>((resolve) => {
            spawn(
              process.execPath,
              [
                main,
                'experiment',
                tiny,
                '--shard',
                `${i + 1}/3`,
                '--out',
                out,
                '--quiet',
                '--no-report',
                '--threads',
                '1',
              ],
              {
                cwd: repoFile('.'),
              },
            ).on('exit', resolve);
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0]);
    const merged = join(dir, 'merged');
    // Any order of directories on the command line.
    const result = cli('merge', shards[2], shards[0], shards[1], '--out', merged);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/merged 3 shards of tiny-experiment \(24 runs\)/);
    // The tables are the contract; state.json's exact sums may be split into different (equal) partials.
    expectSameTables(reference, merged);
  });

  it('refuses to merge an incomplete set of shards', () => {
    const result = cli('merge', join(dir, 'shard-1'), join(dir, 'shard-3'), '--out', join(dir, 'bad-merge'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/shard 2\/3 is missing/);
  });

  it("cica-sim chart draws the experiment's charts as Vega-Lite specs and SVG", () => {
    const result = cli('chart', reference);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote 26 charts to .*\/charts/);
    expect(result.stderr).toBe('');
    expect(existsSync(join(reference, 'charts', 'over-time-org-mean-trust.svg'))).toBe(true);
    const missing = cli('chart', join(dir, 'no-such-dir'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/expected an experiment directory/);
  });

  it("never mixes into another experiment's directory", () => {
    const again = cli('experiment', tiny, '--out', reference, '--quiet', '--no-report');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds results of experiment "tiny-experiment"; add --resume/);
    const other = cli(
      'experiment',
      tiny,
      '--out',
      reference,
      '--resume',
      '--replications',
      '7',
      '--quiet',
      '--no-report',
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--resume needs the same experiment/);
    expect(other.stderr).not.toMatch(STACK);
  });

  it('--force replaces an earlier experiment in --out, and never a directory of other files', () => {
    const out = join(dir, 'forced');
    expect(cli('experiment', tiny, '--out', out, '--quiet', '--no-report', '--replications', '2').code).toBe(
      0,
    );
    const again = cli('experiment', tiny, '--out', out, '--quiet', '--no-report', '--force');
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).replications).toBe(6);
    const other = join(dir, 'not-an-experiment');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const refused = cli('experiment', tiny, '--out', other, '--quiet', '--force');
    expect(refused.code).toBe(2);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('reports a bad value in an experiment at its line, and a bad --shard as usage', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      `name: bad\nscenario: ${fixture('tiny.yaml')}\nreplications: 2\nvariants:\n  a: {}\n  b:\n    set:\n      parameters.trust.forgetting: 1.5\n`,
    );
    const result = cli('experiment', bad, '--out', join(dir, 'never'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /bad\.yaml:8:36 parameters\.trust\.forgetting: expected a number ≤ 1, found 1\.5/,
    );
    const shard = cli('experiment', tiny, '--shard', '4/3');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/expected i\/n with 1 ≤ i ≤ n/);
  });
});
