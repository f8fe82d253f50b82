import { describe, expect, it } from 'vitest';
import { baseSpec, chartHead, VEGA_LITE_SCHEMA } from '../../src/charts/base-spec.js';
import { admissionsChart } from '../../src/charts/specs/admissions.js';
import { finalByVariant } from '../../src/charts/specs/final-by-variant.js';
import { findingsFigure } from '../../src/charts/specs/findings-figure.js';
import { membershipAndStage } from '../../src/charts/specs/membership-and-stage.js';
import { metricOverTime } from '../../src/charts/specs/metric-over-time.js';
import { milestonesChart } from '../../src/charts/specs/milestones.js';
import { pairedDifference } from '../../src/charts/specs/paired-difference.js';
import { powerByVariant } from '../../src/charts/specs/power-by-variant.js';
import { sweepChart } from '../../src/charts/specs/sweep.js';
import { trustHeatmap } from '../../src/charts/specs/trust-heatmap.js';
import { vetoesByState } from '../../src/charts/specs/vetoes-by-state.js';
import { votingPowerChart } from '../../src/charts/specs/voting-power.js';
import { CHART_CONFIG, variantColour, variantColourAt } from '../../src/charts/theme.js';
import type { CompareRow, TimeseriesRow } from '../../src/tables/experiment-tables.js';
import type { MilestoneRow, TrustRow, VetoRow } from '../../src/tables/outcome-tables.js';
import { powerRow } from '../helpers.js';

/** The parts of a layer's encoding these tests read. */
type Encoding = {
  color: { legend?: unknown; scale: { domain: string[]; range: string[] } };
  shape?: unknown;
};

/** The data a spec inlines (every chart here carries its rows as data.values). */
const dataOf = (spec: unknown) => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

describe('chart specs: rows in, a Vega-Lite spec out', () => {
  it('start from one base: schema, title and subtitle, the shared configuration, the standard size', () => {
    expect(chartHead('T', 'S')).toEqual({
      $schema: VEGA_LITE_SCHEMA,
      title: { text: 'T', subtitle: 'S' },
      config: CHART_CONFIG,
    });
    expect(baseSpec('T', 'S')).toMatchObject({ width: 560, height: 300 });
    expect(chartHead('T', 'S', { background: 'white' }).config).toEqual({ background: 'white' });
  });

  it('over time: the yearly mean of each quarter’s quantiles, per variant; no panels without a sweep', () => {
    const quarter = (variant: string, step: number, p50: number): TimeseriesRow => ({
      variant,
      point: 'p0',
      step,
      year: 2025 + Math.floor((step - 1) / 4),
      org: 'CICA',
      metric: 'adoption_rate',
      mean: p50,
      sd: 0,
      p05: p50 - 0.1,
      p50,
      p95: p50 + 0.1,
      n: 30,
    });
    const rows = [1, 2, 3, 4, 5].map((step) => quarter('today', step, step / 10));
    // An undefined quarter (no proposals) is left out of its year's mean, and so is another org.
    rows.push({ ...quarter('today', 6, 0), p05: null, p50: null, p95: null });
    rows.push({ ...quarter('today', 1, 9), org: 'SCO' });
    const spec = metricOverTime(rows, ['today'], 'CICA', 'adoption_rate');
    const data = dataOf(spec);
    expect(data).toHaveLength(2);
    // 2025: quarters 0.1 to 0.4 → 0.25; 2026: quarter 5 alone → 0.5.
    expect(data[0]).toMatchObject({ variant: 'today', year: 2025, n: 30 });
    expect(data[0].p50).toBeCloseTo(0.25, 12);
    expect(data[0].p05).toBeCloseTo(0.15, 12);
    expect(data[1]).toMatchObject({ year: 2026, p50: 0.5 });
    expect(spec).not.toHaveProperty('facet');
    expect(spec).toMatchObject({ title: { text: 'CICA: adoption rate (adopted / proposed)' } });
  });

  it('paired differences: only the organisation and metric asked, with a defined difference', () => {
    const row = (variant: string, metric: string, mean: number | null): CompareRow => ({
      variant,
      reference: 'today',
      point: 'p0',
      org: 'CICA',
      metric,
      mean_difference: mean,
      ci95_low: mean === null ? null : mean - 1,
      ci95_high: mean === null ? null : mean + 1,
      sd: 1,
      n: 30,
      share_positive: null,
      share_negative: null,
    });
    const spec = pairedDifference(
      [row('fast', 'cohesion', -0.2), row('slow', 'cohesion', null), row('fast', 'ambition', 3)],
      ['today', 'fast', 'slow'],
      'CICA',
      'cohesion',
    );
    expect(dataOf(spec).map((r) => r.variant)).toEqual(['fast']);
    expect(spec).toMatchObject({
      title: { text: 'CICA: cohesion (share of member pairs trusting > ½), change from “today”' },
    });
    // The variants are named on the axis, so no colour legend repeats them; each keeps its usual
    // colour, and there is no "sweep point" legend without a sweep.
    const layers = (spec as unknown as { layer: { encoding: Encoding }[] }).layer;
    const colour = layers[2].encoding.color as Encoding['color'] & { legend: unknown };
    expect(colour.legend).toBeNull();
    expect(colour.scale.domain).toEqual(['today', 'fast', 'slow']);
    // The palette's first three colours: those of the variants in every other chart.
    expect(colour.scale.range).toEqual(['#4e79a7', '#f28e2b', '#e15759']);
    expect(layers[2].encoding).not.toHaveProperty('shape');
  });

  it('over time: band and line share one legend of variants (no legend: null hiding it)', () => {
    const row = (variant: string): TimeseriesRow => ({
      variant,
      point: 'p0',
      step: 1,
      year: 2025,
      org: 'CICA',
      metric: 'cohesion',
      mean: 0.5,
      sd: 0,
      p05: 0.4,
      p50: 0.5,
      p95: 0.6,
      n: 30,
    });
    const spec = metricOverTime([row('a'), row('b')], ['a', 'b'], 'CICA', 'cohesion');
    const layers = (spec as unknown as { layer: { encoding: Encoding }[] }).layer;
    for (const layer of layers) expect(layer.encoding.color.legend).not.toBeNull();
    expect(layers[0].encoding.color.legend).toMatchObject({ symbolOpacity: 1 });
  });

  it('vetoes: points pooled by runs, states ordered by vetoes used, only the top ones', () => {
    const veto = (variant: string, point: string, state: string, mean: number, runs: number): VetoRow => ({
      variant,
      point,
      org: 'CICA',
      state,
      subregion: 'X',
      mean_vetoes: mean,
      share_of_runs: mean > 0 ? 0.5 : 0,
      runs,
      mean_blocks: 0,
      share_of_runs_blocking: 0,
    });
    const rows = [
      // IND: 1 a run over 10 runs and 4 over 30 → (10 + 120) / 40 = 3.25.
      veto('today', 'p0', 'IND', 1, 10),
      veto('today', 'p1', 'IND', 4, 30),
      veto('today', 'p0', 'PAK', 2, 40),
      veto('today', 'p0', 'CHN', 0.5, 40),
    ];
    const data = dataOf(vetoesByState(rows, ['today'], 'CICA', 2));
    expect(data.map((r) => r.state)).toEqual(['IND', 'PAK']);
    expect(data[0].vetoes).toBeCloseTo(3.25, 12);
  });

  it('voting power: members ordered by their power summed over variants', () => {
    const power = (variant: string, member: string, banzhaf: number) => powerRow(variant, member, banzhaf);
    const spec = powerByVariant(
      [power('a', 'KAZ', 0.2), power('a', 'CHN', 0.5), power('b', 'KAZ', 0.6), power('b', 'CHN', 0.1)],
      ['a', 'b'],
    );
    // KAZ 0.8 in all, CHN 0.6.
    expect((spec as { encoding: { x: { sort: string[] } } }).encoding.x.sort).toEqual(['KAZ', 'CHN']);
  });

  it('milestones: only rungs not held at the start; admissions: points pooled by runs', () => {
    const rung = (rungName: string, held: number): MilestoneRow => ({
      variant: 'today',
      point: 'p0',
      org: 'CICA',
      rung: rungName,
      order: 1,
      held_at_start: held,
      year: 2030,
      share_reached: 0.4,
      runs: 10,
    });
    const spec = milestonesChart([rung('Secretariat', 1), rung('Fund', 0)], ['today'], 'CICA');
    expect(dataOf(spec).map((r) => r.rung)).toEqual(['Fund']);
    const admissions = dataOf(
      admissionsChart(
        [
          {
            variant: 'v',
            point: 'p0',
            org: 'SCO',
            state: 'TKM',
            share_admitted: 0.5,
            median_year_when_admitted: 2030,
            runs: 10,
          },
          {
            variant: 'v',
            point: 'p1',
            org: 'SCO',
            state: 'TKM',
            share_admitted: 0.1,
            median_year_when_admitted: 2031,
            runs: 30,
          },
        ],
        ['v'],
      ),
    );
    // (5 + 3) admitted in 40 runs.
    expect(admissions).toEqual([
      { variant: 'v', org: 'SCO', state: 'TKM', admitted: 8, runs: 40, share: 0.2 },
    ]);
  });

  it('by variant, membership and stage, sweeps, the trust heat map and voting power: their data and shape', () => {
    const box = { p05: 1, q1: 2, median: 3, q3: 4, p95: 5, n: 9 };
    const boxes = finalByVariant(
      [
        { variant: 'b', ...box },
        { variant: 'a', ...box },
      ],
      ['a', 'b'],
      'CICA',
      'cohesion',
    );
    expect(dataOf(boxes).map((r) => r.variant)).toEqual(['b', 'a']);
    const series = (metric: string, step: number, p50: number | null): TimeseriesRow => ({
      variant: 'today',
      point: 'p0',
      step,
      year: 2025,
      org: 'CICA',
      metric,
      mean: p50,
      sd: 0,
      p05: p50,
      p50,
      p95: p50,
      n: 3,
    });
    // Quarter 3 of 2025 sits at 2025.5; adoption rate is not charted here, nor an empty cell.
    const membership = dataOf(
      membershipAndStage(
        [
          series('members', 3, 28),
          series('stage', 3, 2),
          series('adoption_rate', 3, 1),
          series('members', 4, null),
        ],
        ['today'],
      ),
    );
    expect(membership).toEqual([
      { variant: 'today', org: 'CICA', metric: 'member states', time: 2025.5, p50: 28 },
      { variant: 'today', org: 'CICA', metric: 'institutional stage', time: 2025.5, p50: 2 },
    ]);
    const sweep = (value: number | string) => ({
      variant: 'v',
      value,
      others: '',
      p05: 0,
      median: 1,
      p95: 2,
      n: 5,
    });
    const numeric = sweepChart(
      [sweep(0.2), sweep(0.6)],
      ['v'],
      'CICA',
      'cohesion',
      'parameters.enlargement.openness',
    );
    expect(JSON.stringify(numeric)).toContain('"type":"quantitative"');
    expect(numeric).toMatchObject({
      title: { text: 'CICA: cohesion (share of member pairs trusting > ½) against enlargement.openness' },
    });
    expect(
      JSON.stringify(sweepChart([sweep('"a"'), sweep('"b"')], ['v'], 'CICA', 'cohesion', 'x')),
    ).toContain('"type":"ordinal"');
    const trust = (truster: string, from: string, trusted: string, to: string): TrustRow => ({
      variant: 'v',
      point: 'p0',
      truster,
      truster_subregion: from,
      trusted,
      trusted_subregion: to,
      initial: 0.5,
      p05: 0.4,
      p50: 0.5,
      p95: 0.6,
      runs: 9,
    });
    // Two subregions: a 2 × 2 grid of blocks, each pair of subregions once.
    const heat = trustHeatmap(
      [
        trust('A', 'North', 'B', 'South'),
        trust('B', 'South', 'A', 'North'),
        trust('A', 'North', 'C', 'North'),
        trust('C', 'North', 'A', 'North'),
      ],
      'v',
      '',
    ) as { columns: number; concat: unknown[] };
    expect(heat.columns).toBe(2);
    expect(heat.concat).toHaveLength(4);
    const power = votingPowerChart([
      {
        label: 'unanimity',
        result: {
          members: [
            { id: 'A', banzhaf: 0.5, shapleyShubik: 0.5 },
            { id: 'B', banzhaf: 0.5, shapleyShubik: 0.5 },
          ],
          passageProbability: 0.25,
          method: 'exact',
        } as never,
      },
    ]);
    expect(dataOf(power).map((r) => r.variant)).toEqual([
      'unanimity (passes 25.0%)',
      'unanimity (passes 25.0%)',
    ]);
  });
});

describe('variant colours', () => {
  it('are Tableau 10 for the first ten and never repeat, however many variants there are', () => {
    const variants = Array.from({ length: 60 }, (_, k) => `v${k}`);
    const range = variantColour(variants).scale.range;
    expect(range.slice(0, 3)).toEqual(['#4e79a7', '#f28e2b', '#e15759']);
    expect(new Set(range).size).toBe(60);
    // Past ten: hues a golden angle apart, alternately darker and lighter.
    expect(variantColourAt(10)).toBe('hsl(15.0, 55%, 38%)');
    expect(variantColourAt(11)).toBe('hsl(152.5, 55%, 58%)');
  });
});

describe('the findings figure', () => {
  const row = (
    variant: string,
    org: string,
    metric: string,
    mean: number,
    low: number,
    high: number,
  ): CompareRow => ({
    variant,
    reference: 'today',
    point: 'p0',
    org,
    metric,
    mean_difference: mean,
    ci95_low: low,
    ci95_high: high,
    sd: 1,
    n: 30,
    share_positive: null,
    share_negative: null,
  });

  it('has a row of panels per metric with data, a panel per organisation, and mutes what the runs cannot tell from zero', () => {
    const spec = findingsFigure(
      [
        row('fast', 'CICA', 'cohesion', -0.2, -0.3, -0.1),
        row('fast', 'SCO', 'cohesion', 0.1, -0.1, 0.3),
        row('fast', 'CICA', 'ambition', 0.5, 0.2, 0.8),
      ],
      ['today', 'fast'],
      ['CICA', 'SCO'],
      ['cohesion', 'ambition', 'vetoes'],
    ) as unknown as {
      data: { values: { org: string; clear: string }[] };
      vconcat: { transform: { filter: { equal: string } }[]; facet: { column: { sort: string[] } } }[];
    };
    // vetoes has no difference: no row for it.
    expect(spec.vconcat.map((v) => v.transform[0].filter.equal)).toEqual(['cohesion', 'ambition']);
    expect(spec.vconcat[0].facet.column.sort).toEqual(['CICA', 'SCO']);
    expect(spec.data.values.map((d) => `${d.org}:${d.clear}`)).toEqual([
      'CICA:clear',
      'SCO:not clear',
      'CICA:clear',
    ]);
  });
});
