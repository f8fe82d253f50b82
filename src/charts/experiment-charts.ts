import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { quantileSeq } from 'mathjs';
import type { TopLevelSpec } from 'vega-lite';
import { FILES, requireManifest } from '../experiment/output-dir.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import {
  type CompareRow,
  finalByVariant,
  membershipAndStage,
  metricOverTime,
  pairedDifference,
  type TimeseriesRow,
} from './builders.js';
import { renderSvg } from './render.js';

/** The metrics every experiment gets charts of: how often, how ambitiously, with what trust and cohesion, at what vetoes. */
export const KEY_METRICS = ['adoption_rate', 'ambition', 'mean_trust', 'cohesion', 'vetoes'] as const;

export interface WrittenChart {
  name: string;
  spec: TopLevelSpec;
  warnings: string[];
}

/**
 * Builds the default charts of an experiment from its tables and writes each as
 * DIR/charts/<name>.vl.json (the Vega-Lite spec, data inlined) and DIR/charts/<name>.svg.
 */
export async function writeExperimentCharts(dir: string): Promise<WrittenChart[]> {
  const manifest = requireManifest(dir);
  const variants = manifest.variants;
  const timeseries = readTable(join(dir, FILES.timeseries)) as unknown as TimeseriesRow[];
  const compare = readTable(join(dir, FILES.compare)) as unknown as CompareRow[];
  const runs = readTable(join(dir, FILES.runs));
  const orgs = [...new Set(timeseries.map((r) => r.org))];
  // Sweep points by their values: "trust.forgetting = 0.95".
  const pointLabels = Object.fromEntries(
    manifest.points.map((point) => [
      point.id,
      Object.entries(point.values)
        .map(([path, value]) => `${path.replace(/^parameters\./, '')} = ${JSON.stringify(value)}`)
        .join(', ') || point.id,
    ]),
  );

  const charts: { name: string; spec: TopLevelSpec }[] = [
    { name: 'membership-and-stage', spec: membershipAndStage(timeseries, variants) },
  ];
  for (const org of orgs) {
    for (const metric of KEY_METRICS) {
      const slug = `${org.toLowerCase()}-${metric.replace(/_/g, '-')}`;
      charts.push({
        name: `over-time-${slug}`,
        spec: metricOverTime(timeseries, variants, org, metric, pointLabels),
      });
      charts.push({
        name: `by-variant-${slug}`,
        spec: finalByVariant(wholeRunSummaries(runs, variants, org, metric), variants, org, metric),
      });
      if (variants.length > 1)
        charts.push({
          name: `difference-${slug}`,
          spec: pairedDifference(compare, variants, org, metric, pointLabels),
        });
    }
  }
  const written: WrittenChart[] = [];
  for (const { name, spec } of charts) {
    const { svg, warnings } = await renderSvg(spec);
    writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 1)}\n`);
    writeFileAtomic(join(dir, 'charts', `${name}.svg`), svg);
    written.push({ name, spec, warnings });
  }
  return written;
}

/** A CSV table with numbers as numbers and empty cells as null. */
function readTable(path: string): Record<string, string | number | null>[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value === '' ? null : Number.isNaN(Number(value)) ? value : Number(value),
      ]),
    ),
  );
}

/** Quartiles and 5–95% of a whole-run metric per variant, from runs.csv (mathjs quantiles, type 7). */
function wholeRunSummaries(
  runs: Record<string, string | number | null>[],
  variants: string[],
  org: string,
  metric: string,
) {
  return variants.flatMap((variant) => {
    const values = runs
      .filter((r) => r.variant === variant && r.org === org && typeof r[metric] === 'number')
      .map((r) => r[metric] as number);
    if (values.length === 0) return [];
    const [p05, q1, median, q3, p95] = quantileSeq(values, [0.05, 0.25, 0.5, 0.75, 0.95]) as number[];
    return [{ variant, p05, q1, median, q3, p95, n: values.length }];
  });
}
