import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/simulate.js';
import { METRIC_NAMES } from '../../src/metrics/recorders.js';
import { summarizeRun } from '../../src/metrics/summarize.js';
import { timeseriesCsv } from '../../src/tables/run-tables.js';

/** A two-step, one-organisation result written out by hand. */
function handResult(): RunResult {
  const rows = [
    {
      members: 3,
      proposals: 2,
      adopted: 1,
      adoption_rate: 0.5,
      ambition: 0.4,
      mean_trust: 0.5,
      cohesion: 0.5,
      cbms_implemented: 2,
      stage: 0,
      conflicts: 1,
    },
    {
      members: 4,
      proposals: 1,
      adopted: 1,
      adoption_rate: 1,
      ambition: 0.1,
      mean_trust: 0.6,
      cohesion: 0.75,
      cbms_implemented: 3,
      stage: 1,
      conflicts: 0,
    },
  ] as Record<string, number>[];
  return {
    seed: 1,
    steps: 2,
    startYear: 2030,
    stepsPerYear: 1,
    orgIds: ['ORG'],
    metricNames: METRIC_NAMES,
    values: Float64Array.from(rows.flatMap((row) => METRIC_NAMES.map((name) => row[name]))),
  };
}

describe('summarizeRun', () => {
  it('totals counts, keeps final states, and takes whole-run ratios for rates', () => {
    const summary = summarizeRun(handResult()).ORG;
    expect(summary.proposals).toBe(3);
    expect(summary.adopted).toBe(2);
    // All adopted / all proposals = 2 / 3 (not the mean of 0.5 and 1).
    expect(summary.adoption_rate).toBeCloseTo(2 / 3, 15);
    // Mean ambition over everything adopted: (0.4 × 1 + 0.1 × 1) / 2.
    expect(summary.ambition).toBeCloseTo(0.25, 15);
    expect(summary.members).toBe(4);
    expect(summary.mean_trust).toBe(0.6);
    expect(summary.cohesion).toBe(0.75);
    expect(summary.cbms_implemented).toBe(5);
    expect(summary.stage).toBe(1);
    expect(summary.conflicts).toBe(1);
  });

  it('skips steps where a rate is undefined, and writes them as empty cells', () => {
    const result = handResult();
    const k = METRIC_NAMES.indexOf('ambition');
    const adopted = METRIC_NAMES.indexOf('adopted');
    result.values[k] = Number.NaN;
    result.values[adopted] = 0;
    expect(summarizeRun(result).ORG.ambition).toBeCloseTo(0.1, 15);
    const line = timeseriesCsv(result).split('\n')[1].split(',');
    expect(line.slice(0, 3)).toEqual(['1', '2030', 'ORG']);
    expect(line[3 + k]).toBe('');
  });
});
