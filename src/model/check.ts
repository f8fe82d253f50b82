import { z } from 'zod';
import { Id } from './id.js';

/**
 * Facts a run can reproduce or not — for checking the model against history. Each is judged run
 * by run; the experiment reports the share of runs that reproduce it (checks.csv, the report), and
 * scores the runs against null baselines where the fact says how (scores.csv).
 *
 *   checks:
 *     - { fact: 27 members by 2021, org: CICA, metric: members, year: 2021, between: [26, 28] }
 *     - { fact: a Secretariat from 2006, org: CICA, rung: Secretariat, reachedBetween: [2004, 2008] }
 *     - { fact: no full organisation by 2022, org: CICA, rung: Full regional organisation, notReachedBy: 2022 }
 *     - { fact: India admitted in 2017, org: SCO, state: IND, admittedBetween: [2017, 2017] }
 *     - { fact: nobody else by 2025, org: SCO, admittedOnly: [IND, PAK, IRN, BLR], by: 2025 }
 */
const fact = z.string().min(1).describe('the fact, in words, for the report');

/**
 * How a fact is scored against the null baselines (metrics/scores.ts, metrics/baselines.ts; the
 * history study's scores.csv). A yes/no fact's constant hazard is `rate` events a year from `from`;
 * a count's is `rate` a year added to `start` from `from`. Persistence needs nothing more: nothing
 * changes after `from` (a count stays at `start`). `unscored` marks a fact the model cannot fail by
 * construction, with the reason: it is listed, not scored.
 */
const scoring = {
  observed: z
    .number()
    .optional()
    .describe("a metric fact's true value, which its runs are scored against (CRPS)"),
  baseline: z
    .strictObject({
      from: z.int().describe('the year the baselines start from'),
      rate: z
        .number()
        .min(0)
        .describe('the historical average rate: events a year (for a count: added a year)'),
      start: z.number().optional().describe("a count's value at the start of `from` (persistence keeps it)"),
      note: z.string().optional().describe('where the rate comes from'),
    })
    .optional()
    .describe('the null baselines the fact is scored against'),
  unscored: z.string().optional().describe('why the fact cannot fail by construction: listed, not scored'),
  period: z
    .enum(['calibration', 'holdout'])
    .optional()
    .describe('the window the fact belongs to: calibrated on (cica-sim calibrate), or held out to test on'),
};

const MetricCheck = z
  .strictObject({
    fact,
    org: Id,
    metric: z.string().min(1).describe('a metric recorded each step, e.g. members or stage'),
    year: z.int().describe('its value after the last step of this year'),
    between: z.tuple([z.number(), z.number()]).describe('[low, high], both included'),
    ...scoring,
  })
  .describe("a metric's value at the end of a year lies in a range");

const RungCheck = z
  .strictObject({
    fact,
    org: Id,
    rung: z.string().min(1).describe("a rung of the organisation's ladder, by name"),
    reachedBetween: z
      .tuple([z.int(), z.int()])
      .optional()
      .describe('the rung was reached in a year from the first to the second, both included'),
    notReachedBy: z.int().optional().describe('the rung was not reached by the end of this year'),
    ...scoring,
  })
  .refine((check) => (check.reachedBetween === undefined) !== (check.notReachedBy === undefined), {
    message: 'exactly one of reachedBetween and notReachedBy',
  })
  .describe('when (or whether) an institutional rung was reached');

const AdmissionCheck = z
  .strictObject({
    fact,
    org: Id,
    state: Id.optional().describe('the state admitted (or not); absent with admittedOnly'),
    admittedBetween: z
      .tuple([z.int(), z.int()])
      .optional()
      .describe('the state was admitted in a year from the first to the second, both included'),
    notAdmittedBy: z.int().optional().describe('the state was not admitted by the end of this year'),
    admittedOnly: z.array(Id).optional().describe('no state outside this list was admitted up to `by`'),
    by: z.int().optional().describe('with admittedOnly: the last year judged'),
    ...scoring,
  })
  .refine(
    (c) =>
      c.state !== undefined
        ? (c.admittedBetween === undefined) !== (c.notAdmittedBy === undefined) &&
          c.admittedOnly === undefined
        : c.admittedOnly !== undefined &&
          c.by !== undefined &&
          c.admittedBetween === undefined &&
          c.notAdmittedBy === undefined,
    {
      message: 'either state with exactly one of admittedBetween and notAdmittedBy, or admittedOnly with by',
    },
  )
  .describe('who was admitted to an organisation during the run, and when');

export const CheckSchema = z.union([MetricCheck, RungCheck, AdmissionCheck]);
export type Check = z.infer<typeof CheckSchema>;
export type MetricCheckType = z.infer<typeof MetricCheck>;
export type RungCheckType = z.infer<typeof RungCheck>;
export type AdmissionCheckType = z.infer<typeof AdmissionCheck>;
