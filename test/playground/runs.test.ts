import jstat from 'jstat';
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/world.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { summarizeRun } from '../../src/metrics/summarize.js';
import { applySet } from '../../src/playground/overrides.js';
import { gatherResults, runReplication, wholeRunSpread } from '../../src/playground/runs.js';
import { initialSet } from '../../src/playground/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture } from '../helpers.js';

const scenario = loadScenario(fixture('tiny.yaml')).scenario;
const org = Object.keys(scenario.organisations)[0];
const setB = initialSet(scenario, org);
setB.rules.cbm = { kind: 'consensus-minus', k: 1 };
const applied = applySet(scenario, org, setB);
if (!('scenario' in applied)) throw new Error('set B of the tiny world should be valid');
const worlds: [ReturnType<typeof compileWorld>, ReturnType<typeof compileWorld>] = [
  compileWorld(scenario, { years: 2 }),
  compileWorld(applied.scenario, { years: 2 }),
];
const shape = { orgIds: [org], steps: 8, startYear: 2025, stepsPerYear: 4 };
const replications = Array.from({ length: 12 }, (_, r) => runReplication(worlds, 5, r));

describe("the playground's runs", () => {
  it('give replication r of both sets the seed an experiment gives it, and the run the CLI runs', () => {
    const third = replications[3];
    expect(third.seed).toBe(jobSeed(5, 3));
    expect(third.runs[1].summary).toEqual(summarizeRun(simulateRecorded(worlds[1], jobSeed(5, 3))));
  });

  it('pair B with A run by run: the mean difference and its 95% t interval, worked out directly', () => {
    const results = gatherResults(shape, replications);
    const differences = replications.map(
      (r) => r.runs[1].summary[org].adopted - r.runs[0].summary[org].adopted,
    );
    const n = differences.length;
    const mean = differences.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
    const half = jstat.jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
    const row = results.compare.find((r) => r.metric === 'adopted');
    expect(row?.n).toBe(12);
    expect(row?.mean_difference).toBeCloseTo(mean, 12);
    expect(row?.ci95_low).toBeCloseTo(mean - half, 10);
    expect(row?.ci95_high).toBeCloseTo(mean + half, 10);
  });

  it('do not depend on the order the workers return them in', () => {
    const shuffled = [...replications].reverse();
    expect(gatherResults(shape, shuffled)).toEqual(gatherResults(shape, replications));
  });

  it("spread a whole-run metric over runs as type-7 quantiles (R's default)", () => {
    const summaries = [1, 2, 3, 4, 5].map((adopted) => ({ [org]: { adopted } }));
    // Type 7: h = (n − 1)p; the 5% point of 1..5 is 1 + 0.2 = 1.2, the lower quartile 2.
    const spread = wholeRunSpread(summaries, org, 'adopted');
    const expected = { p05: 1.2, q1: 2, median: 3, q3: 4, p95: 4.8, n: 5 };
    for (const [key, value] of Object.entries(expected))
      expect(spread?.[key as keyof typeof expected]).toBeCloseTo(value, 12);
    expect(wholeRunSpread(summaries, org, 'nothing')).toBeNull();
  });
});
