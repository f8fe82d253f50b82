import type { TableDeclaration } from './registry.js';

/**
 * The tables of a sensitivity study's directory (cica-sim sensitivity). runs.csv is the
 * experiments' (its `point` is the sample point, s0, s1, ...); these are the study's own.
 */

/** samples.csv: each sample point's factor values, then each output's mean over its replications. */
export interface SampleRow {
  point: string;
  [column: string]: string | number | null;
}
export const SAMPLES: TableDeclaration<SampleRow> = {
  name: 'samples',
  file: 'samples.csv',
  description:
    'one row per sample point: each factor\'s value (a listed value that is not a number: its position in the list, in a column "<path>#"), then each output\'s mean over the replications',
  columns: { point: 'id' },
  extraNumbers: true,
};

/** indices.csv of a Morris screening: μ*, μ and σ of each factor's elementary effects on each output. */
export interface MorrisIndexRow {
  output: string;
  factor: string;
  mu_star: number;
  mu: number;
  sigma: number;
}
export const MORRIS_INDICES: TableDeclaration<MorrisIndexRow> = {
  name: 'indices',
  file: 'indices.csv',
  description:
    "per output and factor: μ* (mean absolute elementary effect, per unit of the factor's whole range), μ and σ (Morris 1991; Campolongo et al. 2007)",
  columns: { output: 'string', factor: 'string', mu_star: 'number', mu: 'number', sigma: 'number' },
};

/** indices.csv of a Sobol' study: first-order and total indices with bootstrap 95% intervals. */
export interface SobolIndexRow {
  output: string;
  factor: string;
  first: number;
  first_low: number;
  first_high: number;
  total: number;
  total_low: number;
  total_high: number;
}
export const SOBOL_INDICES: TableDeclaration<SobolIndexRow> = {
  name: 'indices',
  file: 'indices.csv',
  description:
    "per output and factor: first-order and total Sobol' indices (Saltelli 2010, Jansen 1999) with bootstrap 95% intervals",
  columns: {
    output: 'string',
    factor: 'string',
    first: 'number',
    first_low: 'number',
    first_high: 'number',
    total: 'number',
    total_low: 'number',
    total_high: 'number',
  },
};

/** outputs.csv: each output's spread over the sample points, and how much of it is simulation noise. */
export interface OutputRow {
  output: string;
  org: string;
  metric: string;
  variant: string;
  reference: string;
  points: number;
  mean: number | null;
  sd: number | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
  share_positive: number | null;
  share_negative: number | null;
  noise_share: number | null;
}
export const OUTPUTS: TableDeclaration<OutputRow> = {
  name: 'outputs',
  file: 'outputs.csv',
  description:
    "per output: its point means' mean, sd and 5/50/95th percentiles over the sample points, the shares of points where it is above and below 0 (for a finding: where it holds either way), and noise_share — the variance the replications' noise adds to a point mean, as a share of the variance across points",
  columns: {
    output: 'string',
    org: 'id',
    metric: 'id',
    variant: 'id',
    reference: 'id',
    points: 'number',
    mean: 'number',
    sd: 'number',
    p05: 'number',
    p50: 'number',
    p95: 'number',
    share_positive: 'number',
    share_negative: 'number',
    noise_share: 'number',
  },
};

export const SENSITIVITY_FILES = {
  samples: SAMPLES.file,
  indices: MORRIS_INDICES.file,
  outputs: OUTPUTS.file,
} as const;
