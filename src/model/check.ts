import { z } from 'zod';
import { Id } from './id.js';

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
