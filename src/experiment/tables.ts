import { stringify } from 'csv-stringify/sync';
import { cellSummary, type ExperimentAggregate, pairSummary } from '../metrics/aggregate.js';
import type { RunSummary } from '../metrics/summarize.js';
import { csvNumber } from '../metrics/timeseries.js';
import { yearOfStep } from '../model/calendar.js';
import { worldIndex } from './jobs.js';
import type { SweepPoint } from './load.js';

/** What the tables need to know of an experiment: names, points, and each world's calendar. */
export interface ExperimentLayout {
  variants: string[];
  points: SweepPoint[];
  sweptPaths: string[];
  /** calendars[variant × points + point] */
  calendars: { startYear: number; stepsPerYear: number }[];
}

export function layoutOf(experiment: {
  variants: string[];
  points: SweepPoint[];
  sweptPaths: string[];
  scenarios: { startYear: number; stepsPerYear: number }[];
}): ExperimentLayout {
  return {
    variants: experiment.variants,
    points: experiment.points,
    sweptPaths: experiment.sweptPaths,
    calendars: experiment.scenarios.map(({ startYear, stepsPerYear }) => ({ startYear, stepsPerYear })),
  };
}

/** The header of runs.csv: the job's coordinates, then each metric's whole-run value. */
export function runsHeader(metricNames: readonly string[]): string {
  return `${['variant', 'point', 'replication', 'seed', 'org', ...metricNames].join(',')}\n`;
}

/** runs.csv rows of one job, one per organisation. Ids are letters, digits, "_" and "-": no quoting. */
export function runsRows(
  variant: string,
  point: string,
  replication: number,
  seed: number,
  summary: RunSummary,
  metricNames: readonly string[],
): string {
  let rows = '';
  for (const [org, values] of Object.entries(summary)) {
    rows += `${variant},${point},${replication},${seed},${org},${metricNames.map((m) => csvNumber(values[m])).join(',')}\n`;
  }
  return rows;
}

/** timeseries.csv: per variant, point, step, organisation and metric, the spread over runs. */
export function timeseriesTable(aggregate: ExperimentAggregate, experiment: ExperimentLayout): string {
  const lines = ['variant,point,step,year,org,metric,mean,sd,p05,p50,p95,n'];
  experiment.variants.forEach((variant, v) => {
    experiment.points.forEach((point, p) => {
      const w = worldIndex({ points: experiment.points.length }, v, p);
      const world = aggregate.worlds[w];
      const { startYear, stepsPerYear } = experiment.calendars[w];
      for (let step = 1; step <= world.steps; step++) {
        const year = yearOfStep({ startYear, stepsPerYear }, step);
        world.orgIds.forEach((org, o) => {
          aggregate.metricNames.forEach((metric, k) => {
            const s = cellSummary(aggregate, w, step, o, k);
            const numbers = [s.mean, s.sd, s.p05, s.p50, s.p95].map(csvNumber).join(',');
            lines.push(`${variant},${point.id},${step},${year},${org},${metric},${numbers},${s.n}`);
          });
        });
      }
    });
  });
  return `${lines.join('\n')}\n`;
}

/** compare.csv: each variant against the first, the paired difference of each whole-run metric. */
export function compareTable(aggregate: ExperimentAggregate, experiment: ExperimentLayout): string {
  const lines = ['variant,reference,point,org,metric,mean_difference,ci95_low,ci95_high,sd,n'];
  const reference = experiment.variants[0];
  experiment.variants.forEach((variant, v) => {
    if (v === 0) return;
    experiment.points.forEach((point, p) => {
      const space = { points: experiment.points.length };
      const orgs = aggregate.worlds[worldIndex(space, v, p)].orgIds;
      for (const org of orgs) {
        if (!aggregate.worlds[worldIndex(space, 0, p)].orgIds.includes(org)) continue;
        for (const metric of aggregate.wholeRunNames) {
          const s = pairSummary(aggregate, v, p, org, metric);
          const numbers = [s.mean, s.ciLow, s.ciHigh, s.sd].map(csvNumber).join(',');
          lines.push(`${variant},${reference},${point.id},${org},${metric},${numbers},${s.n}`);
        }
      }
    });
  });
  return `${lines.join('\n')}\n`;
}

/** points.csv: the values of the swept fields at each point (lists and mappings as JSON). */
export function pointsTable(experiment: ExperimentLayout): string {
  const rows = experiment.points.map((point) => [
    point.id,
    ...experiment.sweptPaths.map((path) => {
      const value = point.values[path];
      return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    }),
  ]);
  return stringify([['point', ...experiment.sweptPaths], ...rows]);
}
