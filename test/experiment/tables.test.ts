import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/simulate.js';
import { admissionsTable, milestonesTable, vetoesTable } from '../../src/experiment/outcome-tables.js';
import { compareTable, timeseriesTable } from '../../src/experiment/tables.js';
import { addPairs, addSeries, createAggregate } from '../../src/metrics/aggregate.js';
import { addOutcomes } from '../../src/metrics/outcomes.js';
import { COMPARE, TIMESERIES } from '../../src/tables/experiment-tables.js';
import { parseTable } from '../../src/tables/registry.js';

/**
 * The table writers on a hand-built aggregate: two variants, one point, one organisation ORG of
 * two states (AAA, BBB), one rung, two yearly steps from 2030, three replications. Every expected
 * number is worked out by hand from the runs below.
 */
const layout = {
  variants: ['base', 'other'],
  points: [{ id: 'p0', values: {} }],
  sweptPaths: [],
  calendars: [
    { startYear: 2030, stepsPerYear: 1 },
    { startYear: 2030, stepsPerYear: 1 },
  ],
};
const world = {
  steps: 2,
  orgIds: ['ORG'],
  stateIds: ['AAA', 'BBB'],
  subregions: ['North', 'South'],
  rungNames: [['Secretariat']],
};
// adopted after steps 1 and 2, per variant and replication; whole-run adopted is their total.
const series = {
  base: [
    [1, 3],
    [2, 2],
    [3, 4],
  ],
  other: [
    [2, 2],
    [2, 3],
    [5, 5],
  ],
};
// Per replication: AAA's vetoes in ORG, AAA's and BBB's blocks, the step the Secretariat was
// reached, the step BBB was admitted.
const outcomes = {
  base: {
    vetoes: [2, 0, 1],
    blocks: [
      [1, 0],
      [1, 0],
      [0, 0],
    ],
    rung: [1, Number.NaN, 2],
    admitted: [Number.NaN, Number.NaN, Number.NaN],
  },
  other: {
    vetoes: [0, 0, 0],
    blocks: [
      [0, 0],
      [0, 3],
      [0, 0],
    ],
    rung: [1, 1, 2],
    admitted: [2, 1, Number.NaN],
  },
};

function aggregate() {
  const agg = createAggregate(['adopted'], 2, 1, [world, world]);
  for (let r = 0; r < 3; r++) {
    (['base', 'other'] as const).forEach((variant, v) => {
      const values = Float64Array.from(series[variant][r]);
      addSeries(agg, v, values);
      const result: RunResult = {
        seed: r,
        steps: 2,
        startYear: 2030,
        stepsPerYear: 1,
        orgIds: ['ORG'],
        metricNames: ['adopted'],
        values,
        stateIds: ['AAA', 'BBB'],
        vetoesByState: Float64Array.from([outcomes[variant].vetoes[r], 0]),
        blocksByState: Float64Array.from(outcomes[variant].blocks[r]),
        rungNames: [['Secretariat']],
        rungReachedStep: Float64Array.from([outcomes[variant].rung[r]]),
        admittedStep: Float64Array.from([Number.NaN, outcomes[variant].admitted[r]]),
      };
      addOutcomes(agg.outcomes[v], result);
      addPairs(agg, v, 0, { ORG: { adopted: values[0] + values[1] } });
    });
  }
  return agg;
}

describe('the table writers, on a hand-built aggregate', () => {
  it('timeseries.csv: mean, sample sd and type-7 quantiles of each cell', () => {
    const rows = parseTable(TIMESERIES, timeseriesTable(aggregate(), layout));
    // base, step 1: 1, 2, 3 → mean 2, sd 1; p05 = 1 + 0.05 × 2 = 1.1, p95 = 2.9.
    expect(rows[0]).toMatchObject({
      variant: 'base',
      step: 1,
      year: 2030,
      org: 'ORG',
      metric: 'adopted',
      mean: 2,
      sd: 1,
      p50: 2,
      n: 3,
    });
    expect(rows[0].p05).toBeCloseTo(1.1, 12);
    expect(rows[0].p95).toBeCloseTo(2.9, 12);
    // other, step 2: 2, 3, 5 → mean 10/3, sd √(7/3); p50 3.
    const last = rows[3];
    expect(last).toMatchObject({ variant: 'other', step: 2, year: 2031, p50: 3, n: 3 });
    expect(last.mean).toBeCloseTo(10 / 3, 12);
    expect(last.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
  });

  it('compare.csv: the paired difference with a t interval', () => {
    const [row] = parseTable(COMPARE, compareTable(aggregate(), layout));
    // Totals base 4, 4, 7 and other 4, 5, 10: differences 0, 1, 3 → mean 4/3, sd √(7/3);
    // interval 4/3 ± t(0.975; 2) × sd / √3 with t = 4.302653.
    expect(row).toMatchObject({ variant: 'other', reference: 'base', org: 'ORG', metric: 'adopted', n: 3 });
    expect(row.mean_difference).toBeCloseTo(4 / 3, 12);
    const half = 4.302653 * Math.sqrt(7 / 3 / 3);
    expect(row.ci95_low).toBeCloseTo(4 / 3 - half, 5);
    expect(row.ci95_high).toBeCloseTo(4 / 3 + half, 5);
  });

  it('vetoes.csv: vetoes and blocks per run and the shares of runs with any; states with neither left out', () => {
    // base: AAA used 2, 0, 1 vetoes → 1 a run, in 2 of 3 runs; blocked 1, 1, 0 → 2/3 a run, in 2 of 3.
    // other: no vetoes; BBB blocked 3 times in one run of three → 1 a run, in 1 of 3; AAA nothing, no row.
    expect(vetoesTable(aggregate(), layout)).toBe(
      [
        'variant,point,org,state,subregion,mean_vetoes,share_of_runs,runs,mean_blocks,share_of_runs_blocking',
        'base,p0,ORG,AAA,"North",1,0.6666666666666666,3,0.6666666666666666,0.6666666666666666',
        'other,p0,ORG,BBB,"South",0,0,3,1,0.3333333333333333',
        '',
      ].join('\n'),
    );
  });

  it('milestones.csv: the share of runs that had reached a rung by the end of each year', () => {
    // base: reached at steps 1, never, 2 → 1/3 by 2030, 2/3 by 2031; other: 1, 1, 2 → 2/3, 1.
    expect(milestonesTable(aggregate(), layout)).toBe(
      [
        'variant,point,org,rung,order,held_at_start,year,share_reached,runs',
        'base,p0,ORG,"Secretariat",1,0,2030,0.3333333333333333,3',
        'base,p0,ORG,"Secretariat",1,0,2031,0.6666666666666666,3',
        'other,p0,ORG,"Secretariat",1,0,2030,0.6666666666666666,3',
        'other,p0,ORG,"Secretariat",1,0,2031,1,3',
        '',
      ].join('\n'),
    );
  });

  it('admissions.csv: the share of runs that admitted a state, and the median year among them', () => {
    // other: BBB admitted at steps 2 and 1 in two runs of three; half of the two by step 1 → 2030.
    expect(admissionsTable(aggregate(), layout)).toBe(
      'variant,point,org,state,share_admitted,median_year_when_admitted,runs\nother,p0,ORG,BBB,0.6666666666666666,2030,3\n',
    );
  });
});
