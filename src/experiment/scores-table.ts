import type { ExperimentAggregate } from '../metrics/aggregate.js';
import {
  constantHazardProbability,
  constantRateCount,
  PERSISTENCE_PROBABILITY,
} from '../metrics/baselines.js';
import { brierScore, crpsOfCounts, crpsOfIntegerForecast, skill } from '../metrics/scores.js';
import type { Check } from '../model/check.js';
import { SCORES, type ScoreRow } from '../tables/outcome-tables.js';
import { formatTable } from '../tables/registry.js';
import { worldIndex } from './jobs.js';
import type { ExperimentLayout } from './tables.js';

/**
 * scores.csv (docs/VALIDATION.md): every fact checked, scored for the model and for two null
 * baselines, each world (variant × point) apart. Facts are what happened, so a yes/no fact is
 * scored by the Brier score of the share of runs that reproduced it, (1 − p)²; a count that names
 * its `observed` value by the CRPS of the runs' values at the end of its year (exact while the
 * cell holds at most 64 distinct values, which counts of members do). Baselines, from the fact's
 * `baseline` (metrics/baselines.ts):
 *   constant-hazard — `rate` events a year from `from`: a window [y1, y2] is hit with probability
 *     e^(−λ(y1 − from)) (1 − e^(−λ(y2 − y1 + 1))), "not by Y" holds with e^(−λ(Y − from + 1));
 *     a count is start + Poisson(λ(year − from + 1));
 *   persistence — nothing changes after `from`: what had not happened does not (probability 0 for
 *     a window, 1 for "not by"), a count stays at `start`.
 * skill = 1 − model score / baseline score. A fact marked `unscored` (it cannot fail by
 * construction) or without `baseline` gets a row saying so.
 */
export function scoresTable(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  checks: Check[],
): string {
  const rows: ScoreRow[] = [];
  layout.variants.forEach((variant, v) => {
    layout.points.forEach((point, p) => {
      const w = worldIndex({ points: layout.points.length }, v, p);
      const runs = aggregate.outcomes[w].runs;
      checks.forEach((check, c) => {
        const where = {
          variant,
          point: point.id,
          org: check.org,
          fact: check.fact,
          period: check.period ?? 'all',
        };
        rows.push(...scoreRows(aggregate, layout, w, check, aggregate.checkPasses[w][c] / runs, where));
      });
    });
  });
  return formatTable(SCORES, rows);
}

type Where = Pick<ScoreRow, 'variant' | 'point' | 'org' | 'fact' | 'period'>;

function scoreRows(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  w: number,
  check: Check,
  share: number,
  where: Where,
): ScoreRow[] {
  const unscored = (note: string): ScoreRow[] => [
    { ...where, score: '', model_score: null, baseline: '', baseline_score: null, skill: null, note },
  ];
  if (check.unscored) return unscored(`not scored: ${check.unscored}`);
  if (!check.baseline) return unscored('not scored: no baseline given');
  const count = 'metric' in check && check.observed !== undefined;
  const model = count ? countScore(aggregate, layout, w, check) : brierScore(share, true);
  if (model === null) return unscored('not scored: no exact distribution of the runs’ values');
  const baselines = count ? countBaselines(check) : yesNoBaselines(check);
  // A baseline that scores 0 is perfect on the fact: no skill can be measured against it.
  return baselines.map(([baseline, score]) => ({
    ...where,
    score: count ? 'crps' : 'brier',
    model_score: model,
    baseline,
    baseline_score: score,
    skill: score > 0 ? skill(model, score) : null,
    note: score > 0 ? '' : 'the baseline is perfect on this fact: no skill to measure',
  }));
}

/** The CRPS of the runs' values of a metric fact at the end of its year against the observed value. */
function countScore(
  aggregate: ExperimentAggregate,
  layout: ExperimentLayout,
  w: number,
  check: Check,
): number | null {
  if (!('metric' in check) || check.observed === undefined) return null;
  const { startYear, stepsPerYear } = layout.calendars[w];
  const world = aggregate.worlds[w];
  const step = (check.year - startYear + 1) * stepsPerYear;
  const o = world.orgIds.indexOf(check.org);
  const k = aggregate.metricNames.indexOf(check.metric);
  const m = aggregate.metricNames.length;
  const cell = world.cells[(step - 1) * world.orgIds.length * m + o * m + k];
  if (!cell?.values.exact || cell.values.n === 0) return null;
  return crpsOfCounts(cell.values.exact.values, cell.values.exact.counts, check.observed);
}

/** A count's baselines: start + Poisson(rate × years), and the start itself. */
function countBaselines(check: Check): [string, number][] {
  if (!('metric' in check) || check.observed === undefined || !check.baseline) return [];
  const { from, rate, start = 0 } = check.baseline;
  const years = check.year - from + 1;
  const hazard = constantRateCount(Math.round(start), rate, years);
  return [
    [
      'constant-hazard',
      crpsOfIntegerForecast(hazard.first, hazard.probabilities, Math.round(check.observed)),
    ],
    ['persistence', Math.abs(start - check.observed)],
  ];
}

/** A yes/no fact's baselines: the probability each gives the fact, Brier-scored against its having held. */
function yesNoBaselines(check: Check): [string, number][] {
  if (!check.baseline) return [];
  const { from, rate } = check.baseline;
  if ('metric' in check) return bandBaselines(check, check.baseline);
  const window = windowOf(check);
  if (window.kind === 'within') {
    const [first, last] = window.years;
    const notBefore = 1 - constantHazardProbability(rate, Math.max(0, first - from));
    const p = notBefore * constantHazardProbability(rate, last - first + 1);
    return [
      ['constant-hazard', brierScore(p, true)],
      ['persistence', brierScore(PERSISTENCE_PROBABILITY, true)],
    ];
  }
  const p = 1 - constantHazardProbability(rate, Math.max(0, window.by - from + 1));
  return [
    ['constant-hazard', brierScore(p, true)],
    ['persistence', brierScore(1 - PERSISTENCE_PROBABILITY, true)],
  ];
}

/** Whether a fact says something happened within years, or did not happen by a year. */
function windowOf(
  check: Check,
): { kind: 'within'; years: [number, number] } | { kind: 'not-by'; by: number } {
  if ('metric' in check) return { kind: 'within', years: [check.year, check.year] };
  if ('rung' in check)
    return check.reachedBetween
      ? { kind: 'within', years: check.reachedBetween }
      : { kind: 'not-by', by: check.notReachedBy as number };
  if (check.admittedBetween) return { kind: 'within', years: check.admittedBetween };
  return { kind: 'not-by', by: (check.notAdmittedBy ?? check.by) as number };
}

/** A count within a band at a year: the chance each baseline gives it (start + Poisson, or start). */
function bandBaselines(
  check: Extract<Check, { metric: string }>,
  baseline: NonNullable<Check['baseline']>,
): [string, number][] {
  const [low, high] = check.between;
  const start = Math.round(baseline.start ?? 0);
  const hazard = constantRateCount(start, baseline.rate, check.year - baseline.from + 1);
  let p = 0;
  hazard.probabilities.forEach((q, k) => {
    if (start + k >= low && start + k <= high) p += q;
  });
  return [
    ['constant-hazard', brierScore(Math.min(1, p), true)],
    ['persistence', brierScore(start >= low && start <= high ? 1 : 0, true)],
  ];
}
