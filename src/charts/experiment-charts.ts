import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CHART_TABLES } from '../tables/chart-settings.js';
import { type ChartSettings, DEFAULT_CHART_SETTINGS } from '../tables/chart-settings.js';
import {
  ALL_POINTS,
  COMPARE,
  type CompareRow,
  SUMMARIES,
  type SummaryRow,
  TIMESERIES,
} from '../tables/experiment-tables.js';
import { TABLES } from '../tables/files.js';
import { lockDirectory } from '../tables/lock.js';
import { type Manifest, requireManifest } from '../tables/manifest.js';
import { ADMISSIONS, MILESTONES, POWER, TRUST, VETOES } from '../tables/outcome-tables.js';
import { readTable, type TableDeclaration } from '../tables/registry.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { inlineTables, withVariantColours } from './custom-charts.js';
import { renderPng, renderSvg } from './render.js';
import { admissionsChart } from './specs/admissions.js';
import { finalByVariant } from './specs/final-by-variant.js';
import { findingsFigure } from './specs/findings-figure.js';
import { membershipAndStage } from './specs/membership-and-stage.js';
import { metricOverTime } from './specs/metric-over-time.js';
import { milestonesChart } from './specs/milestones.js';
import { pairedDifference } from './specs/paired-difference.js';
import { powerByVariant } from './specs/power-by-variant.js';
import { type SweepSummary, sweepChart } from './specs/sweep.js';
import { trustHeatmap } from './specs/trust-heatmap.js';
import { vetoesByState } from './specs/vetoes-by-state.js';
import { metricLabel } from './theme.js';

/** The findings figure's name: the report draws it first, above the findings table. */
export const FINDINGS_CHART = 'findings';

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

type TableName = (typeof CHART_TABLES)[number];

/** Reads an experiment directory's tables through the registry, each once. */
type TableReader = <Row>(table: TableDeclaration<Row>) => Row[];

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
  // Charts are written into the experiment's directory: one writer at a time.
  const lock = lockDirectory(dir, { command: 'cica-sim chart' });
  try {
    return await drawCharts(dir, manifest, options);
  } finally {
    lock.release();
  }
}

async function drawCharts(
  dir: string,
  manifest: Manifest,
  options: { png?: boolean },
): Promise<WrittenChart[]> {
  const settings = manifest.charts ?? DEFAULT_CHART_SETTINGS;
  const cache = new Map<string, unknown[]>();
  const table: TableReader = <Row>(declaration: TableDeclaration<Row>) => {
    if (!cache.has(declaration.name)) cache.set(declaration.name, readTable(dir, declaration));
    return cache.get(declaration.name) as Row[];
  };
  const planned = [
    ...plannedCharts(manifest, settings, table),
    ...customCharts(settings, manifest.variants, (name) =>
      table(TABLES[name] as TableDeclaration<Record<string, unknown>>),
    ),
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
function plannedCharts(manifest: Manifest, settings: ChartSettings, table: TableReader): PlannedChart[] {
  const variants = manifest.variants;
  const wants = (kind: ChartSettings['kinds'][number]) => settings.kinds.includes(kind);
  const timeseries = table(TIMESERIES);
  const allOrgs = [...new Set(timeseries.map((r) => r.org))];
  const orgs = settings.orgs ? allOrgs.filter((org) => settings.orgs?.includes(org)) : allOrgs;
  const pointLabels = Object.fromEntries(manifest.points.map((p) => [p.id, pointLabel(p.values)]));
  const charts: PlannedChart[] = [];
  const add = (name: string, section: string, spec: TopLevelSpec) => charts.push({ name, section, spec });

  if (wants('findings')) charts.push(...findingsChart(table(COMPARE), variants, orgs, settings.metrics));
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
    const rows = table(MILESTONES);
    for (const org of orgs)
      if (rows.some((r) => r.org === org && r.held_at_start < 1))
        add(`milestones-${slug(org)}`, institutions, milestonesChart(rows, variants, org, pointLabels));
  }
  if (wants('admissions')) {
    const rows = table(ADMISSIONS).filter((r) => orgs.includes(r.org));
    if (rows.length > 0) add('admissions', institutions, admissionsChart(rows, variants));
  }

  const summaries = table(SUMMARIES);
  const compare = table(COMPARE);
  const timeseriesMetrics = new Set(timeseries.map((r) => r.metric));
  for (const org of orgs) {
    for (const metric of settings.metrics) {
      const name = `${slug(org)}-${slug(metric)}`;
      const section = `${org}: ${metricLabel(metric)}`;
      if (wants('over-time') && timeseriesMetrics.has(metric))
        add(`over-time-${name}`, section, metricOverTime(timeseries, variants, org, metric, pointLabels));
      if (wants('by-variant')) {
        const pooled = pooledSummaries(summaries, variants, org, metric);
        if (pooled.length > 0)
          add(`by-variant-${name}`, section, finalByVariant(pooled, variants, org, metric));
      }
      // A metric can be undefined for an organisation (no rung left to reach): no empty chart.
      const differences = compare.some(
        (r) => r.org === org && r.metric === metric && r.mean_difference !== null,
      );
      if (wants('difference') && variants.length > 1 && differences)
        add(`difference-${name}`, section, pairedDifference(compare, variants, org, metric, pointLabels));
      if (wants('sweep') && manifest.sweptPaths.length > 0)
        for (const path of manifest.sweptPaths) {
          const rows = sweepSummaries(summaries, manifest, org, metric, path);
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
    const rows = table(POWER);
    if (rows.length > 0) add('power', 'Voting power', powerByVariant(rows, variants));
  }
  if (wants('vetoes')) {
    const rows = table(VETOES);
    for (const org of orgs) {
      if (rows.some((r) => r.org === org && r.mean_vetoes > 0))
        add(`vetoes-${slug(org)}`, 'Vetoes', vetoesByState(rows, variants, org));
      // Blocks under every rule: who stops measures where no one holds a veto (quotas, consensus minus k).
      if (rows.some((r) => r.org === org && (r.mean_blocks ?? 0) > 0))
        add(`blocks-${slug(org)}`, 'Vetoes', vetoesByState(rows, variants, org, 25, 'blocks'));
    }
  }
  if (wants('trust')) {
    // The first sweep point's trust, per variant: a heat map of every state is large.
    const rows = table(TRUST).filter((r) => r.point === manifest.points[0].id);
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
  table: (name: TableName) => Record<string, unknown>[],
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

/** Quartiles and 5–95% of a whole-run metric per variant, all sweep points together (summaries.csv). */
function pooledSummaries(summaries: SummaryRow[], variants: string[], org: string, metric: string) {
  return variants.flatMap((variant) => {
    const row = summaries.find(
      (r) => r.variant === variant && r.point === ALL_POINTS && r.org === org && r.metric === metric,
    );
    if (!row || row.n === 0) return [];
    const { p05, q1, median, q3, p95, n } = row as { [K in keyof SummaryRow]: NonNullable<SummaryRow[K]> };
    return [{ variant, p05, q1, median, q3, p95, n }];
  });
}

/** A comparison opens with the findings figure: each variant's paired difference, every metric. */
function findingsChart(
  compare: CompareRow[],
  variants: string[],
  orgs: string[],
  metrics: string[],
): PlannedChart[] {
  const compared = compare.filter((r) => orgs.includes(r.org) && metrics.includes(r.metric));
  if (variants.length < 2 || !compared.some((r) => r.mean_difference !== null)) return [];
  return [
    { name: FINDINGS_CHART, section: 'Findings', spec: findingsFigure(compared, variants, orgs, metrics) },
  ];
}

/** Median and 5–95% of a whole-run metric at each variant and sweep point, against one swept path. */
function sweepSummaries(
  summaries: SummaryRow[],
  manifest: Manifest,
  org: string,
  metric: string,
  path: string,
): SweepSummary[] {
  return manifest.variants.flatMap((variant) =>
    manifest.points.flatMap((point) => {
      const row = summaries.find(
        (r) => r.variant === variant && r.point === point.id && r.org === org && r.metric === metric,
      );
      if (!row || row.n === 0) return [];
      const raw = point.values[path];
      const { [path]: _, ...others } = point.values;
      return [
        {
          variant,
          value: typeof raw === 'number' ? raw : JSON.stringify(raw),
          others: pointLabel(others),
          p05: row.p05 as number,
          median: row.median as number,
          p95: row.p95 as number,
          n: row.n,
        },
      ];
    }),
  );
}
