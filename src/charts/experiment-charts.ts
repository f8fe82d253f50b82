import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { quantileSeq } from 'mathjs';
import type { TopLevelSpec } from 'vega-lite';
import type { CHART_TABLES } from '../tables/chart-settings.js';
import { type ChartSettings, DEFAULT_CHART_SETTINGS } from '../tables/chart-settings.js';
import { FILES } from '../tables/files.js';
import { type Manifest, requireManifest } from '../tables/manifest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import {
  type CompareRow,
  finalByVariant,
  membershipAndStage,
  metricOverTime,
  pairedDifference,
  type TimeseriesRow,
} from './builders.js';
import { inlineTables, withVariantColours } from './custom-charts.js';
import {
  type AdmissionRow,
  admissionsChart,
  type MilestoneRow,
  milestonesChart,
  type PowerRow,
  powerByVariant,
  type SweepSummary,
  sweepChart,
  type TrustRow,
  trustHeatmap,
  type VetoRow,
  vetoesByState,
} from './outcome-builders.js';
import { renderPng, renderSvg } from './render.js';
import { metricLabel } from './theme.js';

export interface WrittenChart {
  name: string;
  /** The report's section the chart belongs in. */
  section: string;
  spec: TopLevelSpec;
  warnings: string[];
}

interface PlannedChart {
  name: string;
  section: string;
  spec: TopLevelSpec;
}

type Row = Record<string, string | number | null>;
type TableName = (typeof CHART_TABLES)[number];

/**
 * Builds an experiment's charts from its tables, as its manifest's chart settings say (every kind
 * that applies, by default), and writes each as DIR/charts/<name>.vl.json (the Vega-Lite spec,
 * data inlined) and DIR/charts/<name>.svg — and <name>.png with `png`.
 */
export async function writeExperimentCharts(
  dir: string,
  options: { png?: boolean } = {},
): Promise<WrittenChart[]> {
  const manifest = requireManifest(dir);
  const settings = manifest.charts ?? DEFAULT_CHART_SETTINGS;
  const cache = new Map<TableName, Row[]>();
  const table = (name: TableName): Row[] => {
    if (!cache.has(name)) {
      const path = join(dir, FILES[name]);
      cache.set(name, existsSync(path) ? readTable(path) : []);
    }
    return cache.get(name) as Row[];
  };
  const planned = [
    ...plannedCharts(manifest, settings, table),
    ...customCharts(settings, manifest.variants, table),
  ];
  const written: WrittenChart[] = [];
  for (const { name, section, spec } of planned) {
    const { svg, warnings } = await renderSvg(spec);
    writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 1)}\n`);
    writeFileAtomic(join(dir, 'charts', `${name}.svg`), svg);
    if (options.png) writeFileAtomic(join(dir, 'charts', `${name}.png`), await renderPng(svg));
    written.push({ name, section, spec, warnings });
  }
  return written;
}

/** The built-in charts the settings ask for, in the order the report shows them. */
function plannedCharts(
  manifest: Manifest,
  settings: ChartSettings,
  table: (name: TableName) => Row[],
): PlannedChart[] {
  const variants = manifest.variants;
  const wants = (kind: ChartSettings['kinds'][number]) => settings.kinds.includes(kind);
  const timeseries = table('timeseries') as unknown as TimeseriesRow[];
  const allOrgs = [...new Set(timeseries.map((r) => r.org))];
  const orgs = settings.orgs ? allOrgs.filter((org) => settings.orgs?.includes(org)) : allOrgs;
  const pointLabels = Object.fromEntries(
    manifest.points.map((point) => [point.id, pointLabel(point.values)]),
  );
  const charts: PlannedChart[] = [];
  const add = (name: string, section: string, spec: TopLevelSpec) => charts.push({ name, section, spec });

  const institutions = 'Membership and institutions';
  if (wants('membership'))
    add(
      'membership-and-stage',
      institutions,
      membershipAndStage(
        timeseries.filter((r) => orgs.includes(r.org)),
        variants,
      ),
    );
  if (wants('milestones')) {
    const rows = table('milestones') as unknown as MilestoneRow[];
    for (const org of orgs)
      if (rows.some((r) => r.org === org && r.held_at_start < 1))
        add(`milestones-${slug(org)}`, institutions, milestonesChart(rows, variants, org, pointLabels));
  }
  if (wants('admissions')) {
    const rows = (table('admissions') as unknown as AdmissionRow[]).filter((r) => orgs.includes(r.org));
    if (rows.length > 0) add('admissions', institutions, admissionsChart(rows, variants));
  }

  const runs = table('runs');
  const compare = table('compare') as unknown as CompareRow[];
  const timeseriesMetrics = new Set(timeseries.map((r) => r.metric));
  for (const org of orgs) {
    for (const metric of settings.metrics) {
      const name = `${slug(org)}-${slug(metric)}`;
      const section = `${org}: ${metricLabel(metric)}`;
      if (wants('over-time') && timeseriesMetrics.has(metric))
        add(`over-time-${name}`, section, metricOverTime(timeseries, variants, org, metric, pointLabels));
      if (wants('by-variant')) {
        const summaries = wholeRunSummaries(runs, variants, org, metric);
        if (summaries.length > 0)
          add(`by-variant-${name}`, section, finalByVariant(summaries, variants, org, metric));
      }
      // A metric can be undefined for an organisation (no rung left to reach): no empty chart.
      const differences = compare.some(
        (r) => r.org === org && r.metric === metric && r.mean_difference !== null,
      );
      if (wants('difference') && variants.length > 1 && differences)
        add(`difference-${name}`, section, pairedDifference(compare, variants, org, metric, pointLabels));
      if (wants('sweep') && manifest.sweptPaths.length > 0)
        for (const path of manifest.sweptPaths) {
          const rows = sweepSummaries(runs, manifest, org, metric, path);
          if (rows.length > 0)
            add(
              `sweep-${slug(path.replace(/^parameters\./, ''))}-${name}`,
              section,
              sweepChart(rows, variants, org, metric, path),
            );
        }
    }
  }

  if (wants('power')) {
    const rows = table('power') as unknown as PowerRow[];
    if (rows.length > 0) add('power', 'Voting power', powerByVariant(rows, variants));
  }
  if (wants('vetoes')) {
    const rows = table('vetoes') as unknown as VetoRow[];
    for (const org of orgs)
      if (rows.some((r) => r.org === org))
        add(`vetoes-${slug(org)}`, 'Vetoes', vetoesByState(rows, variants, org));
  }
  if (wants('trust')) {
    // The first sweep point's trust, per variant: a heat map of every state is large.
    const rows = (table('trust') as unknown as TrustRow[]).filter((r) => r.point === manifest.points[0].id);
    for (const variant of variants) {
      const mine = rows.filter((r) => r.variant === variant);
      if (mine.length > 0)
        add(
          `trust-${slug(variant)}`,
          'Trust between states',
          trustHeatmap(
            mine,
            variant,
            manifest.sweptPaths.length > 0 ? pointLabels[manifest.points[0].id] : '',
          ),
        );
    }
  }
  return charts;
}

/** The experiment's own Vega-Lite specs, with the output tables they name inlined as data. */
function customCharts(
  settings: ChartSettings,
  variants: string[],
  table: (name: TableName) => Row[],
): PlannedChart[] {
  return Object.entries(settings.custom).map(([name, spec]) => ({
    name: `custom-${name}`,
    section: 'Charts of this experiment',
    spec: withVariantColours(inlineTables(spec, table), variants) as TopLevelSpec,
  }));
}

/** "trust.forgetting = 0.95, agenda.size = 2" */
export function pointLabel(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([path, value]) => `${path.replace(/^parameters\./, '')} = ${JSON.stringify(value)}`)
    .join(', ');
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A CSV table with numbers as numbers and empty cells as null. */
function readTable(path: string): Row[] {
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
function wholeRunSummaries(runs: Row[], variants: string[], org: string, metric: string) {
  return variants.flatMap((variant) => {
    const values = runs
      .filter((r) => r.variant === variant && r.org === org && typeof r[metric] === 'number')
      .map((r) => r[metric] as number);
    if (values.length === 0) return [];
    const [p05, q1, median, q3, p95] = quantileSeq(values, [0.05, 0.25, 0.5, 0.75, 0.95]) as number[];
    return [{ variant, p05, q1, median, q3, p95, n: values.length }];
  });
}

/** Median and 5–95% of a whole-run metric at each variant and sweep point, against one swept path. */
function sweepSummaries(
  runs: Row[],
  manifest: Manifest,
  org: string,
  metric: string,
  path: string,
): SweepSummary[] {
  const byCell = new Map<string, number[]>();
  for (const r of runs) {
    if (r.org !== org || typeof r[metric] !== 'number') continue;
    const key = `${r.variant}|${r.point}`;
    const list = byCell.get(key) ?? [];
    list.push(r[metric] as number);
    byCell.set(key, list);
  }
  return manifest.variants.flatMap((variant) =>
    manifest.points.flatMap((point) => {
      const values = byCell.get(`${variant}|${point.id}`);
      if (!values) return [];
      const raw = point.values[path];
      const { [path]: _, ...others } = point.values;
      const [p05, median, p95] = quantileSeq(values, [0.05, 0.5, 0.95]) as number[];
      return [
        {
          variant,
          value: typeof raw === 'number' ? raw : JSON.stringify(raw),
          others: pointLabel(others),
          p05,
          median,
          p95,
          n: values.length,
        },
      ];
    }),
  );
}
