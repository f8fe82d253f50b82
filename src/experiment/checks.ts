import { type RunResult, valueAt } from '../engine/simulate.js';
import type { InputProblem } from '../input/errors.js';
import { yearOfStep } from '../model/calendar.js';
import type { AdmissionCheckType, Check } from '../model/check.js';
import type { Scenario } from '../scenario/schema.js';

/** A check made ready for one world: a test of one run. */
export type RunCheck = (result: RunResult) => boolean;

export function compileCheck(check: Check, scenario: Scenario): RunCheck {
  const o = Object.keys(scenario.organisations).indexOf(check.org);
  if ('metric' in check) {
    const [low, high] = check.between;
    return (result) => {
      // After the last step of the year; a year before the run has no recorded value.
      const step = (check.year - result.startYear + 1) * result.stepsPerYear;
      if (step < 1) return false;
      const value = valueAt(result, step, o, check.metric);
      return value >= low && value <= high;
    };
  }
  if (!('rung' in check)) return admissionCheck(check, scenario, o);
  let offset = 0;
  for (const [id, org] of Object.entries(scenario.organisations)) {
    if (id === check.org) break;
    offset += org.ladder.length;
  }
  const r = offset + scenario.organisations[check.org].ladder.findIndex((rung) => rung.name === check.rung);
  return (result) => {
    const step = result.rungReachedStep?.[r] ?? Number.NaN;
    const year = Number.isNaN(step) ? Number.POSITIVE_INFINITY : yearOfStep(result, step);
    if (check.notReachedBy !== undefined) return year > check.notReachedBy;
    const [first, last] = check.reachedBetween as [number, number];
    return year >= first && year <= last;
  };
}

/** The run's value of a metric fact that names an observed value, at the end of its year; null for other facts. */
export function compileCheckValue(check: Check, scenario: Scenario): ((result: RunResult) => number) | null {
  if (!('metric' in check) || check.observed === undefined) return null;
  const o = Object.keys(scenario.organisations).indexOf(check.org);
  return (result) => {
    const step = (check.year - result.startYear + 1) * result.stepsPerYear;
    return step < 1 ? Number.NaN : valueAt(result, step, o, check.metric);
  };
}

/**
 * Who was admitted, and when (RunResult.admittedStep: the step each state was admitted; NaN: not).
 * Founding members are not admissions.
 */
function admissionCheck(check: AdmissionCheckType, scenario: Scenario, o: number): RunCheck {
  const ids = Object.keys(scenario.actors);
  const yearAdmitted = (result: RunResult, i: number) => {
    const step = result.admittedStep?.[o * ids.length + i] ?? Number.NaN;
    return Number.isNaN(step) ? Number.POSITIVE_INFINITY : yearOfStep(result, step);
  };
  if (check.state === undefined) {
    const allowed = new Set(check.admittedOnly);
    const by = check.by as number;
    return (result) => ids.every((id, i) => allowed.has(id) || yearAdmitted(result, i) > by);
  }
  const i = ids.indexOf(check.state);
  if (check.notAdmittedBy !== undefined) {
    const by = check.notAdmittedBy;
    return (result) => yearAdmitted(result, i) > by;
  }
  const [first, last] = check.admittedBetween as [number, number];
  return (result) => {
    const year = yearAdmitted(result, i);
    return year >= first && year <= last;
  };
}

/** What a check needs of a world: the organisation, the metric or rung, and years within the run. */
export function checkProblems(
  check: Check,
  scenario: Scenario,
  years: number,
  metricNames: readonly string[],
  path: string,
): Omit<InputProblem, 'location'>[] {
  const org = scenario.organisations[check.org];
  if (!org)
    return [
      {
        path: `${path}.org`,
        message: `expected an organisation of the scenario (${Object.keys(scenario.organisations).join(', ')}), found "${check.org}"`,
      },
    ];
  const first = scenario.startYear;
  const last = scenario.startYear + years - 1;
  const within = (year: number, field: string) =>
    year < first - 1 || year > last
      ? [
          {
            path: `${path}.${field}`,
            message: `expected a year the runs cover (${first}–${last}), found ${year}`,
          },
        ]
      : [];
  if ('metric' in check) {
    if (!metricNames.includes(check.metric))
      return [
        {
          path: `${path}.metric`,
          message: `expected a metric (${metricNames.join(', ')}), found "${check.metric}"`,
        },
      ];
    return within(check.year, 'year');
  }
  if (!('rung' in check)) {
    const years: [number, string][] =
      check.admittedBetween !== undefined
        ? [
            [check.admittedBetween[0], 'admittedBetween.0'],
            [check.admittedBetween[1], 'admittedBetween.1'],
          ]
        : check.notAdmittedBy !== undefined
          ? [[check.notAdmittedBy, 'notAdmittedBy']]
          : [[check.by as number, 'by']];
    const unknown = [...(check.state ? [check.state] : []), ...(check.admittedOnly ?? [])].filter(
      (id) => !scenario.actors[id],
    );
    return [
      ...unknown.map((id) => ({
        path: `${path}.state`,
        message: `expected an actor id, found unknown actor "${id}"`,
      })),
      ...years.flatMap(([year, field]) => within(year, field)),
    ];
  }
  if (!org.ladder.some((rung) => rung.name === check.rung))
    return [
      {
        path: `${path}.rung`,
        message: `expected a rung of ${check.org}'s ladder (${org.ladder.map((rung) => rung.name).join(', ')}), found "${check.rung}"`,
      },
    ];
  return check.notReachedBy !== undefined
    ? within(check.notReachedBy, 'notReachedBy')
    : [
        ...within((check.reachedBetween as number[])[0], 'reachedBetween.0'),
        ...within((check.reachedBetween as number[])[1], 'reachedBetween.1'),
      ];
}
