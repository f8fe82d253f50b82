import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { mergeShards } from '../../src/experiment/merge.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { OutputError } from '../../src/util/output-error.js';
import { cli, EXPERIMENT_TABLES, expectSameTables, fixture } from '../helpers.js';
import { recordCount } from './counts.js';

/**
 * Faults while an experiment runs: a run that throws, a worker thread that dies (exit, out of
 * memory), a disk that fills up. Faults in threads are injected through the worker's failpoint
 * (CICA_SIM_FAILPOINT, src/experiment/worker.ts); the runs are those of the tiny experiment, 24
 * jobs: 2 variants × 2 sweep points × 6 replications, seed 5.
 */
const dir = mkdtempSync(join(tmpdir(), 'cica-faults-'));
const tiny = fixture('experiment.yaml');
const experiment = loadExperiment(tiny);
const reference = join(dir, 'reference');
const referenceDone = runExperiment(experiment, { out: reference, threads: 2 });
let faultsInjected = 0;

function rows(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true });
}

/** A failpoint for the job of variant `variant`, point `point`, replication `replication`. */
function failpoint(kind: string, replication: number, world: number, once: boolean): string {
  faultsInjected++;
  return JSON.stringify({
    kind,
    world,
    seed: jobSeed(5, replication),
    ...(once ? { onceFile: join(dir, `once-${faultsInjected}`) } : {}),
  });
}

afterEach(() => {
  delete process.env.CICA_SIM_FAILPOINT;
});

describe('a run that throws', () => {
  const broken = join(dir, 'broken.yaml');
  writeFileSync(
    broken,
    readFileSync(tiny, 'utf8')
      .replace('scenario: tiny.yaml', `scenario: ${fixture('tiny.yaml')}`)
      // sqrt of a negative number is complex in mathjs: the formula fails in every vote of the variant.
      .replace(
        'variants:',
        "variants:\n  broken:\n    set:\n      parameters.voting.formula: 'sqrt(cost - 100)'",
      ),
  );

  it('is recorded in failures.csv (variant, point, replication, seed, message) and the rest go on', async () => {
    const out = join(dir, 'broken-out');
    const outcome = await runExperiment(loadExperiment(broken), { out, threads: 2 });
    expect(outcome.status).toBe('complete');
    // 3 variants × 2 points × 6 replications = 36 runs; the 12 of "broken" fail.
    expect(outcome.done).toBe(36);
    const failures = rows(join(out, 'failures.csv'));
    expect(failures).toHaveLength(12);
    for (const [k, failure] of failures.entries()) {
      const replication = Math.floor(k / 2);
      expect(failure).toEqual({
        variant: 'broken',
        point: `p${k % 2}`,
        replication: String(replication),
        seed: String(jobSeed(5, replication)),
        message: expect.stringMatching(
          /^FormulaValueError: parameters\.voting\.formula: "sqrt\(cost - 100\)" gave 10i instead of a finite number for [A-Z]{3} on X in ORG at step \d+ \(year \d+\), with .*cost = /,
        ),
      });
    }
    // The other variants' runs are all there, and the failed ones nowhere.
    const runs = rows(join(out, 'runs.csv'));
    expect(runs.filter((r) => r.variant === 'broken')).toHaveLength(0);
    expect(runs.filter((r) => r.variant === 'unanimous')).toHaveLength(12);
    expect(runs.filter((r) => r.variant === 'consensual')).toHaveLength(12);
    expect(rows(join(out, 'compare.csv')).filter((r) => r.variant === 'broken')).toHaveLength(0);
  });

  it('makes the CLI exit 1, saying so, and the report lists what failed', () => {
    const out = join(dir, 'broken-cli');
    const result = cli('experiment', broken, '--out', out, '--quiet', '--threads', '2');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /12 of 36 runs failed and are left out of the tables: see .*failures\.csv and the report/,
    );
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toMatch(/<h2>Failed runs<\/h2>/);
    expect(report).toMatch(/12 of 36 runs failed/);
    expect(report).toMatch(/parameters\.voting\.formula: &quot;sqrt\(cost - 100\)&quot; gave 10i/);
  }, 60_000);
});

describe('failures, checks and voting power survive sharding and merging', () => {
  it('three shards merged write the tables, failures.csv, checks.csv and power.csv of one run', async () => {
    const file = join(dir, 'sharded.yaml');
    writeFileSync(
      file,
      `${readFileSync(join(dir, 'broken.yaml'), 'utf8')}
checks:
  - { fact: three members in 2026, org: ORG, metric: members, year: 2026, between: [3, 3] }
analyses:
  power: { org: ORG, kind: cbm }
`,
    );
    const sharded = loadExperiment(file);
    const whole = join(dir, 'sharded-whole');
    await runExperiment(sharded, { out: whole, threads: 2 });
    const shards = [1, 2, 3].map((index) => join(dir, `sharded-${index}`));
    for (const [k, out] of shards.entries())
      await runExperiment(sharded, { out, threads: 2, shard: { index: k + 1, count: 3 } });
    const merged = join(dir, 'sharded-merged');
    mergeShards(shards, merged);
    expectSameTables(whole, merged, [...EXPERIMENT_TABLES, 'checks.csv', 'power.csv']);
    expect(rows(join(merged, 'failures.csv'))).toHaveLength(12);
    expect(rows(join(merged, 'checks.csv')).length).toBeGreaterThan(0);
    expect(rows(join(merged, 'power.csv')).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('a worker thread that dies', () => {
  it.each([
    ['exits', 'exit'],
    ['runs out of memory', 'oom'],
  ])(
    '%s: it is replaced, the job retried once, and the result is the uninterrupted one',
    async (_, kind) => {
      await referenceDone;
      // World 3 is variant 1 at point 1; replication 2.
      process.env.CICA_SIM_FAILPOINT = failpoint(kind, 2, 3, true);
      const out = join(dir, `died-once-${kind}`);
      const outcome = await runExperiment(experiment, { out, threads: 2 });
      expect(outcome.failures).toEqual([]);
      expect(existsSync(join(dir, `once-${faultsInjected}`))).toBe(true); // the fault did happen
      expectSameTables(reference, out);
    },
    120_000,
  );

  it('on every try of one run: that run is recorded as failed, every other finishes', async () => {
    await referenceDone;
    process.env.CICA_SIM_FAILPOINT = failpoint('exit', 4, 0, false);
    const out = join(dir, 'died-always');
    const outcome = await runExperiment(experiment, { out, threads: 2 });
    expect(outcome.failures).toEqual([
      {
        variant: 'unanimous',
        point: 'p0',
        replication: 4,
        seed: jobSeed(5, 4),
        message: 'the worker thread died twice on this run: worker exited with code: 7',
      },
    ]);
    const expected = rows(join(reference, 'runs.csv')).filter(
      (r) => !(r.variant === 'unanimous' && r.point === 'p0' && r.replication === '4'),
    );
    expect(rows(join(out, 'runs.csv'))).toEqual(expected);
  }, 60_000);
});

describe('a disk that fills up', () => {
  it('while the tables are written: a clear error, no half-written table, and --resume finishes identically', async () => {
    await referenceDone;
    const out = join(dir, 'disk-full');
    // The temporary file timeseries.csv is written through is made /dev/full (every write: ENOSPC)
    // once the first run is in, when the directory has been claimed.
    let armed = false;
    const failed = runExperiment(experiment, {
      out,
      threads: 2,
      onProgress: () => {
        if (armed) return;
        armed = true;
        symlinkSync('/dev/full', join(out, `timeseries.csv.${process.pid}.tmp`));
      },
    });
    await expect(failed).rejects.toThrow(OutputError);
    await expect(failed).rejects.toThrow(/cannot write .*timeseries\.csv: the disk is full/);
    expect(existsSync(join(out, 'timeseries.csv'))).toBe(false);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('running');
    const resumed = await runExperiment(experiment, { out, threads: 2, resume: true });
    expect(resumed.status).toBe('complete');
    expectSameTables(reference, out);
    faultsInjected++;
  }, 60_000);

  it('an output directory that cannot be created is bad input (exit 2), with the reason', () => {
    const result = cli('experiment', tiny, '--out', '/dev/null/results', '--quiet');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '/dev/null/results: cannot create the output directory: a part of the path is a file, not a directory\n',
    );
  });
});

describe('counts', () => {
  it('records the faults injected', () => {
    recordCount('faults injected into experiments', faultsInjected);
    expect(faultsInjected).toBeGreaterThanOrEqual(4);
  });
});
