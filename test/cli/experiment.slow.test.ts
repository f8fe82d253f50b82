import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNS } from '../../src/tables/experiment-tables.js';
import { MILESTONES } from '../../src/tables/outcome-tables.js';
import { readTable } from '../../src/tables/registry.js';
import { cli, expectSameTables, fixture, repoFile } from '../helpers.js';

const main = repoFile('dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'cica-exp-'));

const tiny = fixture('experiment.yaml');
const reference = join(dir, 'reference');
// The reference: the tiny experiment on one thread.
cli('experiment', tiny, '--out', reference, '--threads', '1', '--quiet', '--no-report');

// The slow half of cica-sim experiment's tests (npm run test:slow): stops after N runs and their
// resumes, several threads on the built-in world, Ctrl-C on a long run, and every shipped study
// with its report.
describe('cica-sim experiment, at length', () => {
  // Runs are taken in by whole replications (4 runs here), so a stop comes at the next one.
  it.each([
    [1, 4],
    [3, 4],
    [10, 12],
    [17, 20],
  ])(
    'stopped after %i runs (so %i: whole replications), --resume yields exactly the uninterrupted result',
    (stopAfter, stoppedAt) => {
      const out = join(dir, `stopped-${stopAfter}`);
      const first = cli(
        'experiment',
        tiny,
        '--out',
        out,
        '--stop-after',
        String(stopAfter),
        '--quiet',
        '--no-report',
        '--threads',
        '2',
      );
      expect(first.code).toBe(130);
      expect(first.stderr).toMatch(new RegExp(`stopped: ${stoppedAt} of 24 runs done and kept in ${out}`));
      expect(first.stderr).toMatch(/to continue: cica-sim experiment .* --resume/);
      expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('interrupted');
      const second = cli(
        'experiment',
        tiny,
        '--out',
        out,
        '--resume',
        '--quiet',
        '--no-report',
        '--threads',
        '2',
      );
      expect(second.code).toBe(0);
      expectSameTables(reference, out);
    },
  );

  it('gives byte-identical tables whatever the number of threads', () => {
    const three = join(dir, 'three-threads');
    expect(cli('experiment', tiny, '--out', three, '--threads', '3', '--quiet', '--no-report').code).toBe(0);
    expectSameTables(reference, three);
    // The built-in world, where runs take long enough to finish out of order.
    const example = repoFile('experiments/example.yaml');
    const [one, two] = ['1', '2'].map((threads) => {
      const out = join(dir, `example-${threads}`);
      const args = ['--replications', '4', '--out', out, '--threads', threads, '--quiet', '--no-report'];
      expect(cli('experiment', example, ...args).code).toBe(0);
      return out;
    });
    expectSameTables(one, two);
  });

  it('Ctrl-C stops cleanly, keeps what is done, and --resume completes it identically', async () => {
    const example = repoFile('experiments/example.yaml');
    const full = join(dir, 'sigint-full');
    // Enough runs (1,800) that a stop request lands while superblocks remain to be dispatched.
    expect(
      cli('experiment', example, '--replications', '200', '--out', full, '--quiet', '--no-report').code,
    ).toBe(0);
    const out = join(dir, 'sigint');
    const child = spawn(
      process.execPath,
      [
        main,
        'experiment',
        example,
        '--replications',
        '200',
        '--out',
        out,
        '--threads',
        '1',
        '--quiet',
        '--no-report',
      ],
      {
        cwd: repoFile('.'),
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Interrupt once some runs are written.
    const partial = join(out, 'runs.csv.partial');
    for (let i = 0; i < 200 && !(existsSync(partial) && statSync(partial).size > 2000); i++)
      await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped: \d+ of 1800 runs done/);
    expect(
      cli('experiment', example, '--replications', '200', '--out', out, '--resume', '--quiet', '--no-report')
        .code,
    ).toBe(0);
    expectSameTables(full, out);
  });

  it.each(['enlargement', 'consensus-rules', 'institutionalisation', 'history', 'rules-uncertain'])(
    'the shipped study experiments/%s.yaml runs and draws its charts without a warning',
    (name) => {
      const result = cli(
        'experiment',
        repoFile(`experiments/${name}.yaml`),
        '--replications',
        '2',
        '--out',
        join(dir, `study-${name}`),
        '--quiet',
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const out = join(dir, `study-${name}`);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      // Two replications of every variant and sweep point, each run a row per organisation.
      const jobs = manifest.variants.length * manifest.points.length * 2;
      expect(manifest.jobs).toMatchObject({ total: jobs, done: jobs });
      const orgs = new Set(readTable(out, RUNS).map((row) => row.org)).size;
      expect(readTable(out, RUNS)).toHaveLength(jobs * orgs);
      expect(readTable(out, MILESTONES).length).toBeGreaterThan(0);
      // The report draws one chart per spec written, and the spec of each.
      const charts = readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.vl.json'));
      expect(charts.length).toBeGreaterThan(3);
      const report = readFileSync(join(out, 'report.html'), 'utf8');
      expect(report.match(/<div class="chart[ "]/g)).toHaveLength(charts.length);
    },
  );
});
