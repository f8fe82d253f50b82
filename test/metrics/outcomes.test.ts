import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { mean, quantileSeq } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { valueAt } from '../../src/engine/simulate.js';
import { compileWorld } from '../../src/engine/world.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { summarizeRun } from '../../src/metrics/summarize.js';
import { repoFile } from '../helpers.js';

// The built-in world (it has ladders, applicants and vetoes), few runs, checked run by run.
const dir = mkdtempSync(join(tmpdir(), 'cica-outcomes-'));
const file = join(dir, 'outcomes.yaml');
writeFileSync(
  file,
  `name: outcomes
scenario: ${repoFile('scenarios/asia-2025.yaml')}
years: 12
replications: 12
seed: 3
variants:
  today: {}
checks:
  - { fact: CICA between 28 and 29 members in 2030, org: CICA, metric: members, year: 2030, between: [28, 29] }
  - { fact: a Fund between 2026 and 2036, org: CICA, rung: Fund, reachedBetween: [2026, 2036] }
  - { fact: no Council of Permanent Representatives by 2033, org: CICA, rung: Council of Permanent Representatives, notReachedBy: 2033 }
`,
);
const experiment = loadExperiment(file);
const out = join(dir, 'run');
await runExperiment(experiment, { out, threads: 2 });
const world = compileWorld(experiment.scenarios[0], { years: experiment.years });
const runs = Array.from({ length: 12 }, (_, r) => simulateRecorded(world, jobSeed(3, r)));
const table = (name: string) =>
  parse(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];
const n = world.stateIds.length;
const cica = world.orgIds.indexOf('CICA');

describe('per-state and per-rung outcomes of an experiment, against the runs simulated one by one', () => {
  it('vetoes.csv: mean vetoes per run and the share of runs with a veto, for each state that vetoed', () => {
    const rows = table('vetoes.csv').filter((row) => row.org === 'CICA');
    expect(rows.length).toBeGreaterThan(0);
    world.stateIds.forEach((state, i) => {
      const vetoes = runs.map((run) => run.vetoesByState?.[cica * n + i] as number);
      const row = rows.find((r) => r.state === state);
      if (vetoes.every((v) => v === 0)) {
        expect(row).toBeUndefined();
        return;
      }
      expect(Number(row?.mean_vetoes)).toBeCloseTo(mean(vetoes) as number, 12);
      expect(Number(row?.share_of_runs)).toBeCloseTo(vetoes.filter((v) => v > 0).length / 12, 12);
      expect(row?.subregion).toBe(experiment.scenarios[0].actors[state].subregion);
    });
  });

  it('trust.csv: the median final trust of each ordered pair, within one bin (0.01) of the exact median', () => {
    const rows = table('trust.csv');
    expect(rows).toHaveLength(n * (n - 1));
    for (const [a, b] of [
      ['CHN', 'RUS'],
      ['IND', 'PAK'],
      ['KAZ', 'UZB'],
      ['JPN', 'CHN'],
    ]) {
      const i = world.stateIds.indexOf(a);
      const j = world.stateIds.indexOf(b);
      const values = runs.map((run) => run.finalTrust?.[i * n + j] as number);
      const row = rows.find((r) => r.truster === a && r.trusted === b);
      expect(Math.abs(Number(row?.p50) - (quantileSeq(values, 0.5) as number))).toBeLessThanOrEqual(0.01);
      expect(Number(row?.p05)).toBeLessThanOrEqual(Number(row?.p50));
      expect(Number(row?.p95)).toBeGreaterThanOrEqual(Number(row?.p50));
    }
  });

  it('milestones.csv: the share of runs that reached each rung by the end of each year', () => {
    const rows = table('milestones.csv').filter((row) => row.org === 'CICA');
    const rungs = world.rungNames[cica];
    expect(rows).toHaveLength(rungs.length * 12);
    rungs.forEach((rung, k) => {
      const reached = runs.map((run) => run.rungReachedStep?.[world.rungOffset[cica] + k] as number);
      for (const year of [2025, 2030, 2036]) {
        const step = (year - 2025 + 1) * world.stepsPerYear;
        const share = reached.filter((s) => s <= step).length / 12;
        const row = rows.find((r) => r.rung === rung && r.year === String(year));
        expect(Number(row?.share_reached)).toBeCloseTo(share, 12);
        expect(Number(row?.held_at_start)).toBe(k < experiment.scenarios[0].organisations.CICA.stage ? 1 : 0);
      }
    });
  });

  it('runs.csv: whether and when the next rung was reached, run by run', () => {
    const rows = table('runs.csv').filter((row) => row.org === 'CICA');
    const next = experiment.scenarios[0].organisations.CICA.stage;
    rows.forEach((row, r) => {
      const step = runs[r].rungReachedStep?.[world.rungOffset[cica] + next] as number;
      expect(row.next_rung_reached).toBe(Number.isNaN(step) ? '0' : '1');
      expect(row.years_to_next_rung).toBe(Number.isNaN(step) ? '' : String(step / world.stepsPerYear));
      expect(summarizeRun(runs[r]).CICA.next_rung_reached).toBe(Number(row.next_rung_reached));
    });
  });

  it('checks.csv: the share of runs that reproduced each fact, judged here run by run', () => {
    const stepsPerYear = world.stepsPerYear;
    const yearOf = (step: number) => 2025 + Math.floor((step - 1) / stepsPerYear);
    const fund = world.rungOffset[cica] + world.rungNames[cica].indexOf('Fund');
    const council =
      world.rungOffset[cica] + world.rungNames[cica].indexOf('Council of Permanent Representatives');
    const expected = [
      runs.filter((run) => {
        const step = (2030 - 2025 + 1) * stepsPerYear;
        const value = valueAt(run, step, cica, 'members');
        return value >= 28 && value <= 29;
      }).length,
      runs.filter((run) => {
        const step = run.rungReachedStep?.[fund] as number;
        return !Number.isNaN(step) && yearOf(step) >= 2026 && yearOf(step) <= 2036;
      }).length,
      runs.filter((run) => {
        const step = run.rungReachedStep?.[council] as number;
        return Number.isNaN(step) || yearOf(step) > 2033;
      }).length,
    ];
    const rows = table('checks.csv');
    expect(rows.map((r) => Number(r.reproduced))).toEqual(expected);
    expect(rows.map((r) => Number(r.share))).toEqual(expected.map((e) => e / 12));
    expect(rows[0]).toMatchObject({ variant: 'today', point: 'p0', org: 'CICA', runs: '12' });
  });

  it('admissions.csv: the share of runs admitting each applicant, and the median year it happened', () => {
    const rows = table('admissions.csv');
    for (const row of rows) {
      const o = world.orgIds.indexOf(row.org);
      const i = world.stateIds.indexOf(row.state);
      const steps = runs
        .map((run) => run.admittedStep?.[o * n + i] as number)
        .filter((s) => !Number.isNaN(s))
        .sort((x, y) => x - y);
      expect(Number(row.share_admitted)).toBeCloseTo(steps.length / 12, 12);
      // The lower median of the admission steps, as a calendar year.
      const median = steps[Math.ceil(steps.length / 2) - 1];
      expect(Number(row.median_year_when_admitted)).toBe(
        2025 + Math.floor((median - 1) / world.stepsPerYear),
      );
    }
  });
});
