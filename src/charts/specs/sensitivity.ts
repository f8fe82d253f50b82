import type { TopLevelSpec } from 'vega-lite';
import type { MorrisIndexRow, SampleRow, SobolIndexRow } from '../../tables/sensitivity-tables.js';
import { baseSpec } from '../base-spec.js';

/** A factor's path without the common `parameters.` prefix, for labels. */
export const factorLabel = (path: string) => path.replace(/^parameters\./, '');

/**
 * Morris's μ*–σ plane for one output (Campolongo et al. 2007): right is important, up is
 * non-linear or interacting; a factor near the origin can be fixed at any value in its range.
 */
export function morrisChart(output: string, rows: MorrisIndexRow[]): TopLevelSpec {
  const values = rows.map((r) => ({
    factor: factorLabel(r.factor),
    mu_star: r.mu_star,
    sigma: r.sigma,
    mu: r.mu,
  }));
  const labelled = [...values].sort((a, b) => b.mu_star - a.mu_star).slice(0, 8);
  return {
    ...baseSpec(
      `Morris screening: ${output}`,
      "μ*: mean |elementary effect| per unit of a factor's whole range; σ: their spread",
    ),
    layer: [
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: { field: 'mu_star', type: 'quantitative', title: 'μ* (importance)' },
          y: { field: 'sigma', type: 'quantitative', title: 'σ (non-linearity, interactions)' },
          tooltip: [
            { field: 'factor', title: 'factor' },
            { field: 'mu_star', title: 'μ*', format: '.4f' },
            { field: 'mu', title: 'μ', format: '.4f' },
            { field: 'sigma', title: 'σ', format: '.4f' },
          ],
        },
      },
      {
        data: { values: labelled },
        mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10 },
        encoding: {
          x: { field: 'mu_star', type: 'quantitative' },
          y: { field: 'sigma', type: 'quantitative' },
          text: { field: 'factor' },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Sobol' first-order and total indices of one output, bars with their bootstrap 95% intervals. */
export function sobolChart(output: string, rows: SobolIndexRow[]): TopLevelSpec {
  const values = rows.flatMap((r) => [
    {
      factor: factorLabel(r.factor),
      index: 'first order',
      value: r.first,
      low: r.first_low,
      high: r.first_high,
    },
    { factor: factorLabel(r.factor), index: 'total', value: r.total, low: r.total_low, high: r.total_high },
  ]);
  const order = [...rows].sort((a, b) => b.total - a.total).map((r) => factorLabel(r.factor));
  return {
    ...baseSpec(
      `Sobol' indices: ${output}`,
      'share of the variance of the output; bars: estimates, lines: bootstrap 95% intervals',
    ),
    height: { step: 14 },
    data: { values },
    encoding: {
      y: { field: 'factor', type: 'nominal', sort: order, title: null },
      yOffset: { field: 'index', type: 'nominal' },
      color: { field: 'index', type: 'nominal', title: 'index', legend: { orient: 'bottom' } },
    },
    layer: [
      {
        mark: 'bar',
        encoding: {
          x: { field: 'value', type: 'quantitative', title: 'index' },
          tooltip: [
            { field: 'factor' },
            { field: 'index' },
            { field: 'value', format: '.3f' },
            { field: 'low', title: '95% low', format: '.3f' },
            { field: 'high', title: '95% high', format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: 'black' },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
  } as TopLevelSpec;
}

/** The distribution over the sample points of one output's point means (a Latin hypercube: uncertainty). */
export function distributionChart(output: string, rows: SampleRow[]): TopLevelSpec {
  return {
    ...baseSpec(
      `Uncertainty: ${output}`,
      'point means over the sampled parameter space; a finding is a difference, and 0 is marked',
    ),
    layer: [
      {
        data: { values: rows.map((r) => ({ value: r[output] })) },
        mark: 'bar',
        encoding: {
          x: { field: 'value', type: 'quantitative', bin: { maxbins: 30 }, title: output },
          y: { aggregate: 'count', type: 'quantitative', title: 'sample points' },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}
