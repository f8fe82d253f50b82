import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mean, quantileSeq, std } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { valueAt } from '../../src/engine/simulate.js';
import { compileWorld } from '../../src/engine/world.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { summarizeRun } from '../../src/metrics/summarize.js';
import { fixture } from '../helpers.js';

const experiment = loadExperiment(fixture('experiment.yaml'));
const out = join(mkdtempSync(join(tmpdir(), 'cica-agg-')), 'run');
const outcome = await runExperiment(experiment, { out, threads: 2 });

const csv = (name: string) => {
  const [header, ...rows] = readFileSync(join(out, name), 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell])));
};

/** The same runs, simulated one by one here: the direct computation to check against. */
function directRuns(variant: number, point: number) {
  const world = compileWorld(experiment.scenarios[variant * experiment.points.length + point], {
    years: experiment.years,
  });
  return Array.from({ length: experiment.replications }, (_, r) =>
    simulateRecorded(world, jobSeed(experiment.seed, r)),
  );
}

describe('experiment aggregation against a direct computation', () => {
  it('ran every job', () => {
    expect(outcome).toMatchObject({ status: 'complete', done: 24, total: 24 });
    expect(csv('runs.csv')).toHaveLength(24);
  });

  it("runs.csv holds each run's whole-run summary", () => {
    const runs = directRuns(1, 1);
    const rows = csv('runs.csv').filter((row) => row.variant === 'consensual' && row.point === 'p1');
    expect(rows.map((row) => Number(row.replication))).toEqual([0, 1, 2, 3, 4, 5]);
    rows.forEach((row, r) => {
      const summary = summarizeRun(runs[r]).ORG;
      expect(Number(row.seed)).toBe(runs[r].seed);
      expect(Number(row.adopted)).toBe(summary.adopted);
      expect(Number(row.mean_trust)).toBe(summary.mean_trust);
    });
  });

  it('timeseries.csv has mean, sd and type-7 quantiles of each cell (mathjs as the reference)', () => {
    const runs = directRuns(0, 0);
    for (const step of [1, 6, 12]) {
      const values = runs.map((run) => valueAt(run, step, 0, 'mean_trust'));
      const row = csv('timeseries.csv').find(
        (r) =>
          r.variant === 'unanimous' &&
          r.point === 'p0' &&
          r.step === String(step) &&
          r.metric === 'mean_trust',
      );
      expect(row).toBeDefined();
      expect(Number(row?.n)).toBe(6);
      expect(Number(row?.mean)).toBeCloseTo(mean(values) as number, 14);
      expect(Number(row?.sd)).toBeCloseTo(std(values) as unknown as number, 12);
      // Six distinct values: the exact (not bucketed) quantiles.
      for (const [column, q] of [
        ['p05', 0.05],
        ['p50', 0.5],
        ['p95', 0.95],
      ] as const) {
        expect(Number(row?.[column])).toBeCloseTo(quantileSeq(values, q) as number, 14);
      }
    }
  });

  it('compare.csv has the paired mean difference with its 95% t interval', () => {
    const reference = directRuns(0, 1).map((run) => summarizeRun(run).ORG.adopted);
    const variant = directRuns(1, 1).map((run) => summarizeRun(run).ORG.adopted);
    const differences = variant.map((v, r) => v - reference[r]);
    const d = mean(differences) as number;
    const s = std(differences) as unknown as number;
    // Student t, 5 degrees of freedom, 97.5%: 2.5706 (any t table).
    const half = 2.570581836 * (s / Math.sqrt(6));
    const row = csv('compare.csv').find(
      (r) => r.variant === 'consensual' && r.point === 'p1' && r.metric === 'adopted',
    );
    expect(row).toMatchObject({ reference: 'unanimous', org: 'ORG', n: '6' });
    expect(Number(row?.mean_difference)).toBeCloseTo(d, 12);
    expect(Number(row?.sd)).toBeCloseTo(s, 12);
    expect(Number(row?.ci95_low)).toBeCloseTo(d - half, 6);
    expect(Number(row?.ci95_high)).toBeCloseTo(d + half, 6);
  });

  it('points.csv lists the swept values', () => {
    expect(readFileSync(join(out, 'points.csv'), 'utf8')).toBe(
      'point,parameters.implementation.probability\np0,0.5\np1,0.9\n',
    );
  });
});
