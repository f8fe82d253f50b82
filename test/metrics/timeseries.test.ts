import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/simulate.js';
import { timeseriesRows, vetoRows } from '../../src/metrics/timeseries.js';

const result: RunResult = {
  seed: 1,
  steps: 2,
  startYear: 2030,
  stepsPerYear: 1,
  orgIds: ['A', 'B'],
  metricNames: ['members', 'ambition'],
  values: Float64Array.from([3, 0.5, 2, Number.NaN, 4, 0.25, 2, 1]),
  stateIds: ['X', 'Y', 'Z'],
  // vetoesByState[o × 3 + i]
  vetoesByState: Float64Array.from([1, 0, 2, 0, 5, 0]),
  blocksByState: Float64Array.from([0, 0, 3, 0, 1, 0]),
};

describe('a run as rows', () => {
  it('one row per step and organisation, each metric by name, undefined values as null', () => {
    expect(timeseriesRows(result)).toEqual([
      { step: 1, year: 2030, org: 'A', members: 3, ambition: 0.5 },
      { step: 1, year: 2030, org: 'B', members: 2, ambition: null },
      { step: 2, year: 2031, org: 'A', members: 4, ambition: 0.25 },
      { step: 2, year: 2031, org: 'B', members: 2, ambition: 1 },
    ]);
  });

  it("each organisation's members with the vetoes they used and their blocks", () => {
    const members = (o: number) => (o === 0 ? ['X', 'Z'] : ['Y']);
    expect(vetoRows(result, members)).toEqual([
      { org: 'A', state: 'X', vetoes: 1, blocks: 0 },
      { org: 'A', state: 'Z', vetoes: 2, blocks: 3 },
      { org: 'B', state: 'Y', vetoes: 5, blocks: 1 },
    ]);
  });
});
