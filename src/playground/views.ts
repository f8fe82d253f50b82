import type { TopLevelSpec } from 'vega-lite';
import { finalByVariant } from '../charts/specs/final-by-variant.js';
import { findingsFigure } from '../charts/specs/findings-figure.js';
import { metricOverTime } from '../charts/specs/metric-over-time.js';
import { votingPowerChart } from '../charts/specs/voting-power.js';
import { metricLabel } from '../charts/theme.js';
import { describeRule } from '../rules/describe.js';
import type { PowerResult } from '../rules/power/indices.js';
import type { Rule } from '../rules/schema.js';
import { type PlaygroundResults, SET_NAMES, wholeRunSpread } from './runs.js';

/**
 * What the page shows after a run, built from the report's own chart specs (charts/specs/): each
 * metric over time, its whole-run spread, the findings figure of B against A, voting power, and
 * the findings in words.
 */
export const SHOWN_METRICS = ['adoption_rate', 'ambition', 'mean_trust', 'cohesion'] as const;

/** The findings figure also shows what the metrics above rest on. */
const FINDINGS_METRICS = [...SHOWN_METRICS, 'adopted', 'cbms_implemented', 'members', 'stage'];

export interface NamedChart {
  id: string;
  spec: TopLevelSpec;
}

export function resultCharts(results: PlaygroundResults, org: string): NamedChart[] {
  const variants = [...SET_NAMES];
  const charts: NamedChart[] = [
    {
      id: 'findings',
      spec: findingsFigure(results.compare, variants, [org], FINDINGS_METRICS, `${org}: set B against set A`),
    },
  ];
  for (const metric of SHOWN_METRICS) {
    charts.push({
      id: `over-time-${metric}`,
      spec: metricOverTime(results.timeseries, variants, org, metric),
    });
    const spreads = SET_NAMES.flatMap((variant, s) => {
      const spread = wholeRunSpread(results.summaries[s], org, metric);
      return spread ? [{ variant, ...spread }] : [];
    });
    if (spreads.length > 0)
      charts.push({ id: `whole-run-${metric}`, spec: finalByVariant(spreads, variants, org, metric) });
  }
  return charts;
}

export function powerChart(
  bodies: { set: string; kind: string; rule: Rule; result: PowerResult }[],
): TopLevelSpec {
  return votingPowerChart(
    bodies.map(({ set, kind, rule, result }) => ({
      label: `${set}: ${kind} by ${describeRule(rule)}`,
      result,
    })),
  );
}

export interface FindingRow {
  metric: string;
  a: number | null;
  b: number | null;
  difference: number | null;
  low: number | null;
  high: number | null;
  /** The finding in words. */
  words: string;
}

/**
 * One row per shown metric: each set's median over runs, B − A paired with its 95% interval, and
 * a sentence that says whether the runs tell B from A.
 */
export function findingRows(results: PlaygroundResults, org: string): FindingRow[] {
  return FINDINGS_METRICS.map((metric) => {
    const median = (s: number) => wholeRunSpread(results.summaries[s], org, metric)?.median ?? null;
    const d = results.compare.find((r) => r.org === org && r.metric === metric);
    const row = {
      metric,
      a: median(0),
      b: median(1),
      difference: d?.mean_difference ?? null,
      low: d?.ci95_low ?? null,
      high: d?.ci95_high ?? null,
    };
    return { ...row, words: findingWords(org, metric, row.difference, row.low, row.high) };
  });
}

function findingWords(
  org: string,
  metric: string,
  difference: number | null,
  low: number | null,
  high: number | null,
): string {
  const label = metricLabel(metric);
  if (difference === null || low === null || high === null) return `${label}: not defined in these runs`;
  if (low <= 0 && high >= 0)
    return `${label}: no clear difference (B − A = ${format(difference)}, 95% interval ${format(low)} to ${format(high)})`;
  const way = difference > 0 ? 'higher' : 'lower';
  return `${label}: ${way} under B by ${format(Math.abs(difference))} on average (95% interval ${format(low)} to ${format(high)}) for ${org}`;
}

export function format(x: number): string {
  if (x === 0) return '0';
  const digits = Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3;
  return x.toFixed(digits);
}
