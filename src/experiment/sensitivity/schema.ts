import { z } from 'zod';
import { Id } from '../../model/id.js';
import { VariantSchema } from '../schema.js';
import { FactorsSchema } from './factor-schema.js';

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
  factors: FactorsSchema,
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
export type OutputFile = z.infer<typeof OutputSchema>;
