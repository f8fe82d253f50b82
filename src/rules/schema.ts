import { z } from 'zod';
import { Id } from '../model/id.js';

/**
 * The rule language: one schema used by scenario files (`organisations.<ID>.rules.<kind>`)
 * and by voting-body files. Votes are yes / abstain / no.
 */

/** A threshold is an absolute amount or a share of the body's total. */
const threshold = z.union([
  z.number().min(0).describe('an absolute amount of yes votes (count, weight or population)'),
  z
    .strictObject({
      share: z.number().gt(0).max(1).describe('a share of the total, in (0, 1]'),
    })
    .describe('a share of the total over all members'),
]);

export const UnanimityRule = z
  .strictObject({ kind: z.literal('unanimity') })
  .describe('passes only when every member votes yes; an abstention blocks');

export const ConsensusRule = z
  .strictObject({ kind: z.literal('consensus') })
  .describe('passes when no member objects; abstention does not block');

export const ConsensusMinusRule = z
  .strictObject({
    kind: z.literal('consensus-minus'),
    k: z.int().min(0).describe('how many objections the proposal survives'),
  })
  .describe('passes unless more than k members object; objectors are not bound');

export const QuotaRule = z
  .strictObject({
    kind: z.literal('quota'),
    yes: z
      .strictObject({
        count: threshold.optional(),
        weight: threshold.optional(),
        population: threshold.optional(),
      })
      .refine((y) => y.count !== undefined || y.weight !== undefined || y.population !== undefined, {
        message: 'at least one of count, weight or population',
      })
      .describe('every condition named here must hold among the yes votes'),
    veto: z.array(Id).optional().describe('members whose "no" blocks on its own'),
    blockingMinority: z
      .int()
      .min(1)
      .optional()
      .describe('a proposal cannot be blocked by fewer than this many members voting no'),
  })
  .describe('majorities, qualified and double majorities, weighted voting, veto plus quota');

export const OptInRule = z
  .strictObject({
    kind: z.literal('opt-in'),
    minParticipants: z.int().min(1).describe('how many must opt in for the measure to be adopted'),
  })
  .describe('adopted for those who opt in (vote yes) when at least minParticipants do; others are not bound');

export const RuleSchema = z
  .discriminatedUnion('kind', [UnanimityRule, ConsensusRule, ConsensusMinusRule, QuotaRule, OptInRule])
  .meta({ id: 'Rule' });

export type Rule = z.infer<typeof RuleSchema>;
export type QuotaThreshold = z.infer<typeof threshold>;
