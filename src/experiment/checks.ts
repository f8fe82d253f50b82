import { z } from 'zod';
import type { RunResult } from '../engine/simulate.js';
import { Id } from '../model/id.js';
import type { InputProblem } from '../scenario/errors.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * Facts a run can reproduce or not — for checking the model against history. Each is judged run
 * by run; the experiment reports the share of runs that reproduce it (checks.csv, the report).
 *
 *   checks:
 *     - { fact: 27 members by 2021, org: CICA, metric: members, year: 2021, between: [26, 28] }
 *     - { fact: a Secretariat from 2006, org: CICA, rung: Secretariat, reachedBetween: [2004, 2008] }
 *     - { fact: no full organisation by 2022, org: CICA, rung: Full regional organisation, notReachedBy: 2022 }
 */
const MetricCheck = z
  .strictObject({
    fact: z.string().min(1).describe('the fact, in words, for the report'),
    org: Id,
    metric: z.string().min(1).describe('a metric recorded each step, e.g. members or stage'),
    year: z.int().describe('its value after the last step of this year'),
    between: z.tuple([z.number(), z.number()]).describe('[low, high], both included'),
  })
  .describe("a metric's value at the end of a year lies in a range");

const RungCheck = z
  .strictObject({
    fact: z.string().min(1).describe('the fact, in words, for the report'),
    org: Id,
    rung: z.string().min(1).describe("a rung of the organisation's ladder, by name"),
    reachedBetween: z
      .tuple([z.int(), z.int()])
      .optional()
      .describe('the rung was reached in a year from the first to the second, both included'),
    notReachedBy: z.int().optional().describe('the rung was not reached by the end of this year'),
  })
  .refine((check) => (check.reachedBetween === undefined) !== (check.notReachedBy === undefined), {
    message: 'exactly one of reachedBetween and notReachedBy',
  })
  .describe('when (or whether) an institutional rung was reached');

export const CheckSchema = z.union([MetricCheck, RungCheck]);
export type Check = z.infer<typeof CheckSchema>;

/** A check made ready for one world: a test of one run. */
export type RunCheck = (result: RunResult) => boolean;

/** The year a step (1-based) falls in; step 0 (held before the run) counts as the year before. */
const yearOf = (result: RunResult, step: number) =>
  result.startYear + Math.floor((step - 1) / result.stepsPerYear);

export function compileCheck(check: Check, scenario: Scenario, metricNames: readonly string[]): RunCheck {
  const o = Object.keys(scenario.organisations).indexOf(check.org);
  if ('metric' in check) {
    const k = metricNames.indexOf(check.metric);
    const [low, high] = check.between;
    return (result) => {
      const step = (check.year - result.startYear + 1) * result.stepsPerYear;
      const value =
        result.values[
          (step - 1) * result.orgIds.length * result.metricNames.length + o * result.metricNames.length + k
        ];
      return value >= low && value <= high;
    };
  }
  let offset = 0;
  for (const [id, org] of Object.entries(scenario.organisations)) {
    if (id === check.org) break;
    offset += org.ladder.length;
  }
  const r = offset + scenario.organisations[check.org].ladder.findIndex((rung) => rung.name === check.rung);
  return (result) => {
    const step = result.rungReachedStep?.[r] ?? Number.NaN;
    const year = Number.isNaN(step) ? Number.POSITIVE_INFINITY : yearOf(result, step);
    if (check.notReachedBy !== undefined) return year > check.notReachedBy;
    const [first, last] = check.reachedBetween as [number, number];
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
