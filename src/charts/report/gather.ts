import { type ChartSettings, DEFAULT_CHART_SETTINGS } from '../../tables/chart-settings.js';
import {
  ALL_POINTS,
  COMPARE,
  type CompareRow,
  SUMMARIES,
  type SummaryRow,
} from '../../tables/experiment-tables.js';
import { type Manifest, requireManifest } from '../../tables/manifest.js';
import {
  CHECKS,
  type CheckRow,
  MILESTONES,
  type MilestoneRow,
  POWER,
  type PowerRow,
} from '../../tables/outcome-tables.js';
import { readTable } from '../../tables/registry.js';

/** What a report shows, read from an experiment directory's manifest and tables (the registry). */
export interface ReportData {
  dir: string;
  manifest: Manifest;
  settings: ChartSettings;
  /** The organisations charted, in the order of the runs. */
  orgs: string[];
  metrics: string[];
  reference: string;
  /** The first sweep point: where differences are judged. */
  firstPoint: string;
  summaries: SummaryRow[];
  compare: CompareRow[];
  milestones: MilestoneRow[];
  power: PowerRow[];
  checks: CheckRow[];
}

export function gatherReport(dir: string): ReportData {
  const manifest = requireManifest(dir);
  const settings = manifest.charts ?? DEFAULT_CHART_SETTINGS;
  const summaries = readTable(dir, SUMMARIES).filter((r) => r.point === ALL_POINTS);
  const allOrgs = [...new Set(summaries.map((r) => r.org))];
  return {
    dir,
    manifest,
    settings,
    orgs: settings.orgs ? allOrgs.filter((org) => settings.orgs?.includes(org)) : allOrgs,
    metrics: settings.metrics,
    reference: manifest.variants[0],
    firstPoint: manifest.points[0]?.id ?? 'p0',
    summaries,
    compare: readTable(dir, COMPARE),
    milestones: readTable(dir, MILESTONES),
    power: readTable(dir, POWER),
    checks: readTable(dir, CHECKS),
  };
}

/** A variant's paired difference from the reference, at the first sweep point. */
export function differenceOf(data: ReportData, org: string, variant: string, metric: string) {
  return data.compare.find(
    (c) => c.org === org && c.variant === variant && c.metric === metric && c.point === data.firstPoint,
  );
}

/** The mean over all runs of a variant (all sweep points together) of a whole-run metric. */
export function meanOf(data: ReportData, org: string, variant: string, metric: string): number {
  const row = data.summaries.find((r) => r.org === org && r.variant === variant && r.metric === metric);
  return row?.mean ?? Number.NaN;
}
