import { z } from 'zod';
import { Id } from '../../model/id.js';
import { VariantSchema } from '../schema.js';

/**
 * Sensitivity study files: how far each output of a scenario hangs on each factor.
 *
 *   name: trust-screening
 *   scenario: ../scenarios/asia-2025.yaml   # relative to this file
 *   years: 10
 *   seed: 1
 *   method: morris                          # morris, sobol or lhs
 *   trajectories: 10                        # morris: r trajectories of k + 1 points
 *   replications: 4                         # runs at each sample point, seeds shared across points
 *   variants:                               # optional, as in experiment files (default: one, "base")
 *     consensus: {}
 *     unanimity: { set: { organisations.CICA.rules.cbm: { kind: unanimity } } }
 *   factors:
 *     parameters.trust.forgetting: { min: 0.95, max: 0.995 }
 *     parameters.trust.priorStrength: { min: 5, max: 100, scale: log }
 *     parameters.amendment.rounds: { values: [0, 1, 2, 3] }
 *     parameters.voting.temperature: {}    # its documented range (docs/PARAMETERS.md)
 *   # or: factors: all                    # every parameter over its documented range
 *   outputs:
 *     - { org: CICA, metric: adoption_rate }
 *     - { org: CICA, metric: adoption_rate, difference: { variant: unanimity, reference: consensus } }
 */
/**
 * A factor: a range ({ min, max }, optionally on a log scale), a list of values, or {} for the
 * parameter's documented range. One object with every field optional, checked as a whole, so a
 * half-written factor gets a precise message rather than a union's list of alternatives.
 */
export const FactorSchema = z
  .strictObject({
    min: z.number().optional().describe('lowest value sampled'),
    max: z.number().optional().describe('highest value sampled'),
    scale: z
      .enum(['linear', 'log'])
      .optional()
      .describe(
        'linear (the default): uniform on [min, max]; log: uniform in log(value), for a positive range spanning orders of magnitude',
      ),
    values: z
      .array(z.unknown())
      .min(2)
      .optional()
      .describe('the values sampled, equally likely: whole numbers, switches, rules'),
  })
  .superRefine((factor, context) => {
    const range = factor.min !== undefined || factor.max !== undefined;
    if (range && factor.values)
      context.addIssue({ code: 'custom', message: 'give a range (min, max) or values, not both' });
    else if (range && (factor.min === undefined || factor.max === undefined))
      context.addIssue({
        code: 'custom',
        path: [factor.min === undefined ? 'min' : 'max'],
        message: 'a range needs both min and max',
      });
    else if (factor.scale && !range)
      context.addIssue({ code: 'custom', path: ['scale'], message: 'a scale goes with a range (min, max)' });
  })
  .describe(
    "a range ({ min, max, scale }), values ({ values: [...] }), or {} for the parameter's documented range (docs/PARAMETERS.md)",
  );

export const OutputSchema = z.strictObject({
  name: Id.optional().describe(
    'a short name for the tables (default: org.metric, or org.metric.variant-vs-reference)',
  ),
  org: Id.describe('the organisation whose whole-run metric this is'),
  metric: z
    .string()
    .min(1)
    .describe("a whole-run metric of runs.csv (cica-sim run's summary): adoption_rate, mean_trust, ..."),
  variant: Id.optional().describe('the variant measured (default: the first)'),
  difference: z
    .strictObject({ variant: Id, reference: Id })
    .optional()
    .describe('a finding: the metric under `variant` minus under `reference`, paired by replication'),
});

export const SensitivitySchema = z.strictObject({
  name: Id.describe('a short name: the default output directory'),
  question: z.string().optional(),
  description: z.string().optional(),
  scenario: z.string().min(1).describe('the scenario every variant starts from (relative to this file)'),
  years: z.int().min(1).max(1000).optional().describe("horizon in years (default: the scenario's)"),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  method: z
    .enum(['morris', 'sobol', 'lhs'])
    .describe(
      "morris: elementary-effects screening; sobol: Sobol' indices (Saltelli); lhs: a Latin hypercube, for uncertainty",
    ),
  trajectories: z.int().min(2).max(100_000).optional().describe('morris: trajectories (default 10)'),
  levels: z.int().min(2).max(100).optional().describe('morris: grid levels, even (default 4)'),
  samples: z
    .int()
    .min(2)
    .max(1_000_000)
    .optional()
    .describe('sobol: base samples N (N × (k + 2) points; a power of two); lhs: points (default 64)'),
  replications: z
    .int()
    .min(1)
    .max(100_000)
    .default(4)
    .describe('runs at each sample point (their mean is analysed)'),
  variants: z
    .record(Id, VariantSchema)
    .optional()
    .describe('as in experiment files; the first is the default for outputs'),
  factors: z
    .union([
      z.literal('all'),
      z
        .record(z.string(), FactorSchema)
        .refine((factors) => Object.keys(factors).length > 0, { message: 'at least one factor' }),
    ])
    .describe(
      'scenario field path → its range ({ min, max, scale }), its values ({ values: [...] }) or {} for its documented range; or "all": every parameter over its documented range',
    ),
  outputs: z
    .array(OutputSchema)
    .min(1)
    .describe('whole-run metrics and findings whose sensitivity is measured'),
  sobol: z
    .strictObject({
      top: z
        .int()
        .min(1)
        .max(256)
        .describe("how many of the screened factors get Sobol' indices: those that matter most"),
      samples: z.int().min(2).max(1_000_000).describe("Sobol' base samples N"),
      replications: z
        .int()
        .min(1)
        .max(100_000)
        .optional()
        .describe("runs at each point (default: the screening's)"),
    })
    .optional()
    .describe(
      "a second stage after a Morris screening: Sobol' indices on its `top` factors (by μ* relative to the largest, on any output), written to DIR/sobol",
    ),
});

export type SensitivityFile = z.infer<typeof SensitivitySchema>;
export type FactorFile = z.infer<typeof FactorSchema>;
export type OutputFile = z.infer<typeof OutputSchema>;
