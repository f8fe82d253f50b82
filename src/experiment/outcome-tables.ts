import type { ExperimentAggregate } from '../metrics/aggregate.js';
import { shareReachedBy, trustQuantile, type WorldOutcomes } from '../metrics/outcomes.js';
import { csvNumber } from '../metrics/timeseries.js';
import { yearOfStep } from '../model/calendar.js';
import type { Check } from '../model/check.js';
import { worldIndex } from './jobs.js';
import type { ExperimentLayout } from './tables.js';

/**
 * The tables of per-state and per-rung outcomes (metrics/outcomes.ts), one row per variant, point
 * and subject. Ids are letters, digits, "_" and "-", subregions and rung names are quoted.
 */

/** Calls `visit` for each world with its variant, point and calendar. */
function eachWorld(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  visit: (
    outcomes: WorldOutcomes,
    where: string,
    calendar: { startYear: number; stepsPerYear: number },
    world: number,
  ) => void,
): void {
  layout.variants.forEach((variant, v) => {
    layout.points.forEach((point, p) => {
      const w = worldIndex({ points: layout.points.length }, v, p);
      visit(aggregate.outcomes[w], `${variant},${point.id}`, layout.calendars[w], w);
    });
  });
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** vetoes.csv: vetoes each state used in each organisation, per run; states that never vetoed are left out. */
export function vetoesTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const lines = ['variant,point,org,state,subregion,mean_vetoes,share_of_runs,runs'];
  eachWorld(aggregate, layout, (outcomes, where) => {
    const n = outcomes.stateIds.length;
    outcomes.orgIds.forEach((org, o) => {
      outcomes.stateIds.forEach((state, i) => {
        const total = outcomes.vetoTotals[o * n + i];
        if (total === 0) return;
        const mean = total / outcomes.runs;
        const share = outcomes.vetoRuns[o * n + i] / outcomes.runs;
        lines.push(
          `${where},${org},${state},${quote(outcomes.subregions[i])},${csvNumber(mean)},${csvNumber(share)},${outcomes.runs}`,
        );
      });
    });
  });
  return `${lines.join('\n')}\n`;
}

/** trust.csv: the final trust of each state in each other, 5th, 50th and 95th percentiles over runs. */
export function trustTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const lines = ['variant,point,truster,truster_subregion,trusted,trusted_subregion,p05,p50,p95,runs'];
  eachWorld(aggregate, layout, (outcomes, where) => {
    const ids = outcomes.stateIds;
    ids.forEach((truster, i) => {
      ids.forEach((trusted, j) => {
        if (i === j) return;
        // Within a bin (0.01) of the exact quantile: four decimals say all there is, without float noise.
        const quantiles = [0.05, 0.5, 0.95].map((q) =>
          csvNumber(Math.round(trustQuantile(outcomes, i, j, q) * 1e4) / 1e4),
        );
        lines.push(
          `${where},${truster},${quote(outcomes.subregions[i])},${trusted},${quote(outcomes.subregions[j])},${quantiles.join(',')},${outcomes.runs}`,
        );
      });
    });
  });
  return `${lines.join('\n')}\n`;
}

/**
 * milestones.csv: for each rung of each ladder, the share of runs that had reached it by the end
 * of each year (held_at_start: the share holding it before the first step).
 */
export function milestonesTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const lines = ['variant,point,org,rung,order,held_at_start,year,share_reached,runs'];
  eachWorld(aggregate, layout, (outcomes, where, { startYear, stepsPerYear }) => {
    const span = outcomes.steps + 1;
    let r = 0;
    outcomes.orgIds.forEach((org, o) => {
      outcomes.rungNames[o].forEach((rung, k) => {
        const offset = r++ * span;
        const atStart = csvNumber(shareReachedBy(outcomes, outcomes.rungSteps, offset, 0));
        for (let step = stepsPerYear; step <= outcomes.steps; step += stepsPerYear) {
          const year = startYear + step / stepsPerYear - 1;
          const share = csvNumber(shareReachedBy(outcomes, outcomes.rungSteps, offset, step));
          lines.push(`${where},${org},${quote(rung)},${k + 1},${atStart},${year},${share},${outcomes.runs}`);
        }
      });
    });
  });
  return `${lines.join('\n')}\n`;
}

/**
 * admissions.csv: each state admitted to an organisation in at least one run — the share of runs
 * that admitted it, and the median year of admission among those runs.
 */
export function admissionsTable(aggregate: ExperimentAggregate, layout: ExperimentLayout): string {
  const lines = ['variant,point,org,state,share_admitted,median_year_when_admitted,runs'];
  eachWorld(aggregate, layout, (outcomes, where, { startYear, stepsPerYear }) => {
    const n = outcomes.stateIds.length;
    const span = outcomes.steps + 1;
    outcomes.orgIds.forEach((org, o) => {
      outcomes.stateIds.forEach((state, i) => {
        const offset = (o * n + i) * span;
        const admitted = shareReachedBy(outcomes, outcomes.admittedSteps, offset, outcomes.steps);
        if (!(admitted > 0)) return;
        const count = admitted * outcomes.runs;
        let below = 0;
        let medianStep = 0;
        for (let step = 1; step <= outcomes.steps; step++) {
          below += outcomes.admittedSteps[offset + step];
          if (below >= count / 2) {
            medianStep = step;
            break;
          }
        }
        const year = yearOfStep({ startYear, stepsPerYear }, medianStep);
        lines.push(`${where},${org},${state},${csvNumber(admitted)},${year},${outcomes.runs}`);
      });
    });
  });
  return `${lines.join('\n')}\n`;
}

/** checks.csv: for each fact checked, the share of runs that reproduced it. */
export function checksTable(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  checks: Check[],
): string {
  const lines = ['variant,point,fact,org,reproduced,runs,share'];
  eachWorld(aggregate, layout, (outcomes, where, _calendar, w) => {
    checks.forEach((check, c) => {
      const reproduced = aggregate.checkPasses[w][c];
      lines.push(
        `${where},${quote(check.fact)},${check.org},${reproduced},${outcomes.runs},${csvNumber(reproduced / outcomes.runs)}`,
      );
    });
  });
  return `${lines.join('\n')}\n`;
}
