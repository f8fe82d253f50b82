import { morrisAnalysis } from '../../sensitivity/morris.js';
import { sobolAnalysis } from '../../sensitivity/sobol-indices.js';
import { RUNS, type RunsRow } from '../../tables/experiment-tables.js';
import { forEachRow } from '../../tables/registry.js';
import type { MorrisIndexRow, OutputRow, SampleRow, SobolIndexRow } from '../../tables/sensitivity-tables.js';
import type { ResolvedSensitivity, StudyOutput } from './load.js';

/** Each output at each sample point: the mean over replications, and what noise adds to it. */
export interface PointMeans {
  /** means[point]: NaN where no replication gave a value. */
  means: Float64Array;
  /** The variance of each point's mean from the replications' noise (its sample variance / n); NaN with one replication. */
  noise: Float64Array;
}

export interface StudyTables {
  samples: { rows: SampleRow[]; columns: string[] };
  indices: { morris: MorrisIndexRow[] } | { sobol: SobolIndexRow[] } | null;
  outputs: OutputRow[];
  /** Outputs that could not be analysed, and why. */
  warnings: string[];
}

/**
 * Reads runs.csv back and gives each output's value at each point: the mean over the point's
 * replications of the metric (of a finding: of the paired difference, variant minus reference,
 * replication by replication). A run that failed, or a metric with no value (a rung never
 * reached), is left out of its point's mean.
 */
export function pointMeans(study: ResolvedSensitivity, runsPath: string): PointMeans[] {
  const points = study.design.points;
  const R = study.replications;
  const V = study.variants.length;
  // value[output][(point × R + replication) × V + variant]
  const wanted = study.outputs.map(() => new Float64Array(points * R * V).fill(Number.NaN));
  const variantIndex = new Map(study.variants.map((name, v) => [name, v]));
  forEachRow<RunsRow>(runsPath, RUNS, (row) => {
    const v = variantIndex.get(row.variant) as number;
    const point = Number(row.point.slice(1));
    study.outputs.forEach((output, o) => {
      if (output.org !== row.org) return;
      const value = row[output.metric];
      if (typeof value === 'number') wanted[o][(point * R + row.replication) * V + v] = value;
    });
  });
  return study.outputs.map((output, o) => {
    const means = new Float64Array(points);
    const noise = new Float64Array(points);
    const values = new Float64Array(R);
    for (let p = 0; p < points; p++) {
      let n = 0;
      for (let r = 0; r < R; r++) {
        const at = (p * R + r) * V;
        const value = outputValueAt(output, wanted[o], at);
        if (!Number.isNaN(value)) values[n++] = value;
      }
      let sum = 0;
      for (let i = 0; i < n; i++) sum += values[i];
      const mean = n > 0 ? sum / n : Number.NaN;
      let squares = 0;
      for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
      means[p] = mean;
      noise[p] = n > 1 ? squares / (n - 1) / n : Number.NaN;
    }
    return { means, noise };
  });
}

function outputValueAt(output: StudyOutput, values: Float64Array, at: number): number {
  const value = values[at + output.variant];
  return output.reference === null ? value : value - values[at + output.reference];
}

/** The type-7 quantile (linear between order statistics) of sorted values. */
function quantileOf(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

function variance(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return values.length > 1 ? squares / (values.length - 1) : Number.NaN;
}

const nullIfNaN = (value: number) => (Number.isFinite(value) ? value : null);

/** A listed value as a samples.csv number: itself, a switch as 0 or 1, anything else its position in the list. */
function sampleCell(value: unknown, values: unknown[] | null): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return values ? values.findIndex((v) => JSON.stringify(v) === JSON.stringify(value)) : Number.NaN;
}

/** The study's tables from its runs: samples.csv, indices.csv (Morris or Sobol') and outputs.csv. */
export function analyseStudy(study: ResolvedSensitivity, runsPath: string): StudyTables {
  const perOutput = pointMeans(study, runsPath);
  const warnings: string[] = [];
  const factorNames = study.factors.map((f) => f.path);
  const numericList = (f: ResolvedSensitivity['factors'][number]) =>
    f.kind === 'values' && !f.values.every((v) => typeof v === 'number' || typeof v === 'boolean');
  const factorColumns = study.factors.map((f) => (numericList(f) ? `${f.path}#` : f.path));
  const samples = study.values.map((values, p) => {
    const row: SampleRow = { point: `s${p}` };
    study.factors.forEach((f, d) => {
      row[factorColumns[d]] = sampleCell(values[d], numericList(f) && f.kind === 'values' ? f.values : null);
    });
    study.outputs.forEach((output, o) => {
      row[output.name] = perOutput[o].means[p];
    });
    return row;
  });

  const morris: MorrisIndexRow[] = [];
  const sobol: SobolIndexRow[] = [];
  const outputs = study.outputs.map((output, o): OutputRow => {
    const { means, noise } = perOutput[o];
    const complete = means.every((v) => Number.isFinite(v));
    if (!complete)
      warnings.push(
        `${output.name}: ${means.filter((v) => !Number.isFinite(v)).length} of ${means.length} sample points have no value (failed runs, or a metric never reached), so its indices are left empty`,
      );
    if (complete && study.design.morris) {
      for (const f of morrisAnalysis(study.design.morris, means, factorNames).factors)
        morris.push({ output: output.name, factor: f.name, mu_star: f.muStar, mu: f.mu, sigma: f.sigma });
    }
    if (complete && study.method === 'sobol') {
      const result = sobolAnalysis(means, factorNames, { samples: study.size, seed: study.seed });
      for (const f of result.factors)
        sobol.push({
          output: output.name,
          factor: f.name,
          first: f.first,
          first_low: f.firstLow,
          first_high: f.firstHigh,
          total: f.total,
          total_low: f.totalLow,
          total_high: f.totalHigh,
        });
    }
    const finite = Float64Array.from(means.filter((v) => Number.isFinite(v))).sort();
    const spread = variance(finite);
    let noiseSum = 0;
    let noiseCount = 0;
    for (const v of noise)
      if (Number.isFinite(v)) {
        noiseSum += v;
        noiseCount++;
      }
    const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
    return {
      output: output.name,
      org: output.org,
      metric: output.metric,
      variant: study.variants[output.variant],
      reference: output.reference === null ? '' : study.variants[output.reference],
      points: finite.length,
      mean: nullIfNaN(mean),
      sd: nullIfNaN(Math.sqrt(spread)),
      p05: nullIfNaN(quantileOf(finite, 0.05)),
      p50: nullIfNaN(quantileOf(finite, 0.5)),
      p95: nullIfNaN(quantileOf(finite, 0.95)),
      share_positive: nullIfNaN(finite.filter((v) => v > 0).length / finite.length),
      share_negative: nullIfNaN(finite.filter((v) => v < 0).length / finite.length),
      // Estimated apart, the noise can exceed the spread it is part of: then the spread is all noise.
      noise_share:
        noiseCount > 0 && spread > 0 ? nullIfNaN(Math.min(1, noiseSum / noiseCount / spread)) : null,
    };
  });
  const indices = study.design.morris ? { morris } : study.method === 'sobol' ? { sobol } : null;
  return {
    samples: { rows: samples, columns: [...factorColumns, ...study.outputs.map((o) => o.name)] },
    indices,
    outputs,
    warnings,
  };
}
