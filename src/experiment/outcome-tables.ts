import type { ExperimentAggregate } from '../metrics/aggregate.js';
import { shareReachedBy, trustQuantile, type WorldOutcomes } from '../metrics/outcomes.js';
import { yearOfStep } from '../model/calendar.js';
import type { Check } from '../model/check.js';
import {
  ADMISSIONS,
  type AdmissionRow,
  CHECKS,
  type CheckRow,
  MILESTONES,
  type MilestoneRow,
  TRUST,
  type TrustRow,
  VETOES,
  type VetoRow,
} from '../tables/outcome-tables.js';
import { formatTable } from '../tables/registry.js';
import { worldIndex } from './jobs.js';
import type { ExperimentLayout } from './tables.js';

/**
 * The tables of per-state and per-rung outcomes (metrics/outcomes.ts), one row per variant, point
 * and subject, declared in tables/outcome-tables.ts.
 */

/** Calls `visit` for each world with its variant, point and calendar. */
function eachWorld(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  visit: (
    outcomes: WorldOutcomes,
    where: { variant: string; point: string },
    calendar: { startYear: number; stepsPerYear: number },
    world: number,
  ) => void,
): void {
  layout.variants.forEach((variant, v) => {
    layout.points.forEach((point, p) => {
      const w = worldIndex({ points: layout.points.length }, v, p);
      visit(aggregate.outcomes[w], { variant, point: point.id }, layout.calendars[w], w);
    });
  });
}

/** vetoes.csv: vetoes and blocks of each state in each organisation, per run; states with neither are left out. */
export function vetoesTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const rows: VetoRow[] = [];
  eachWorld(aggregate, layout, (outcomes, where) => {
    const n = outcomes.stateIds.length;
    const { runs } = outcomes;
    outcomes.orgIds.forEach((org, o) => {
      outcomes.stateIds.forEach((state, i) => {
        const total = outcomes.vetoTotals[o * n + i];
        const blocks = outcomes.blockTotals[o * n + i];
        if (total === 0 && blocks === 0) return;
        rows.push({
          ...where,
          org,
          state,
          subregion: outcomes.subregions[i],
          mean_vetoes: total / runs,
          share_of_runs: outcomes.vetoRuns[o * n + i] / runs,
          runs,
          mean_blocks: blocks / runs,
          share_of_runs_blocking: outcomes.blockRuns[o * n + i] / runs,
        });
      });
    });
  });
  return formatTable(VETOES, rows);
}

/** trust.csv: the final trust of each state in each other, 5th, 50th and 95th percentiles over runs. */
export function trustTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const rows: TrustRow[] = [];
  eachWorld(aggregate, layout, (outcomes, where) => {
    const ids = outcomes.stateIds;
    ids.forEach((truster, i) => {
      ids.forEach((trusted, j) => {
        if (i === j) return;
        // Within a bin (0.01) of the exact quantile: four decimals say all there is, without float noise.
        const [p05, p50, p95] = [0.05, 0.5, 0.95].map(
          (q) => Math.round(trustQuantile(outcomes, i, j, q) * 1e4) / 1e4,
        );
        rows.push({
          ...where,
          truster,
          truster_subregion: outcomes.subregions[i],
          trusted,
          trusted_subregion: outcomes.subregions[j],
          initial: outcomes.initialTrust[i * ids.length + j] ?? null,
          p05,
          p50,
          p95,
          runs: outcomes.runs,
        });
      });
    });
  });
  return formatTable(TRUST, rows);
}

/**
 * milestones.csv: for each rung of each ladder, the share of runs that had reached it by the end
 * of each year (held_at_start: the share holding it before the first step).
 */
export function milestonesTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const rows: MilestoneRow[] = [];
  eachWorld(aggregate, layout, (outcomes, where, { startYear, stepsPerYear }) => {
    const span = outcomes.steps + 1;
    let r = 0;
    outcomes.orgIds.forEach((org, o) => {
      outcomes.rungNames[o].forEach((rung, k) => {
        const offset = r++ * span;
        const held_at_start = shareReachedBy(outcomes, outcomes.rungSteps, offset, 0);
        for (let step = stepsPerYear; step <= outcomes.steps; step += stepsPerYear) {
          rows.push({
            ...where,
            org,
            rung,
            order: k + 1,
            held_at_start,
            year: startYear + step / stepsPerYear - 1,
            share_reached: shareReachedBy(outcomes, outcomes.rungSteps, offset, step),
            runs: outcomes.runs,
          });
        }
      });
    });
  });
  return formatTable(MILESTONES, rows);
}

/**
 * admissions.csv: each state admitted to an organisation in at least one run — the share of runs
 * that admitted it, and the median year of admission among those runs.
 */
export function admissionsTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const rows: AdmissionRow[] = [];
  eachWorld(aggregate, layout, (outcomes, where, calendar) => {
    const n = outcomes.stateIds.length;
    const span = outcomes.steps + 1;
    outcomes.orgIds.forEach((org, o) => {
      outcomes.stateIds.forEach((state, i) => {
        const offset = (o * n + i) * span;
        const admitted = shareReachedBy(outcomes, outcomes.admittedSteps, offset, outcomes.steps);
        if (!(admitted > 0)) return;
        const medianStep = medianAdmissionStep(outcomes, offset, admitted * outcomes.runs);
        rows.push({
          ...where,
          org,
          state,
          share_admitted: admitted,
          median_year_when_admitted: yearOfStep(calendar, medianStep),
          runs: outcomes.runs,
        });
      });
    });
  });
  return formatTable(ADMISSIONS, rows);
}

/** The first step by which half of the `count` admissions at `offset` had happened. */
function medianAdmissionStep(outcomes: WorldOutcomes, offset: number, count: number): number {
  let below = 0;
  for (let step = 1; step <= outcomes.steps; step++) {
    below += outcomes.admittedSteps[offset + step];
    if (below >= count / 2) return step;
  }
  return 0;
}

/** checks.csv: for each fact checked, the share of runs that reproduced it. */
export function checksTable(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  checks: Check[],
): string {
  const rows: CheckRow[] = [];
  eachWorld(aggregate, layout, (outcomes, where, _calendar, w) => {
    checks.forEach((check, c) => {
      const reproduced = aggregate.checkPasses[w][c];
      rows.push({
        ...where,
        fact: check.fact,
        org: check.org,
        reproduced,
        runs: outcomes.runs,
        share: reproduced / outcomes.runs,
      });
    });
  });
  return formatTable(CHECKS, rows);
}
