import { z } from 'zod';
import { Id } from '../model/id.js';

/**
 * Experiment files: variants of a scenario × an optional sweep grid × replications.
 *
 *   name: observers-join
 *   scenario: ../scenarios/asia-2025.yaml   # relative to this file
 *   years: 10
 *   replications: 300
 *   seed: 1
 *   variants:                               # the first is the reference for comparisons
 *     today: {}
 *     all-observers-join: { set: { organisations.CICA.members: [...] } }
 *     japan-applies: { scenario: ../scenarios/japan-applies.yaml }
 *   sweep:
 *     parameters.trust.forgetting: [0.95, 0.98, 0.99]
 */
export const VariantSchema = z.strictObject({
  description: z.string().optional(),
  scenario: z.string().min(1).optional().describe('a whole other scenario (relative to the experiment file)'),
  set: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'field path → value, applied to the scenario, e.g. "organisations.CICA.rules.cbm": { kind: unanimity }',
    ),
});

export const ExperimentSchema = z.strictObject({
  name: Id.describe('a short name: letters, digits, "_" and "-"; the default output directory'),
  question: z.string().optional().describe('the question the experiment answers, for reports'),
  description: z.string().optional(),
  scenario: z.string().min(1).describe('the scenario every variant starts from (relative to this file)'),
  years: z.int().min(1).max(1000).optional().describe("horizon in years (default: the scenario's)"),
  replications: z.int().min(1).max(10_000_000),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  variants: z
    .record(Id, VariantSchema)
    .refine((variants) => Object.keys(variants).length > 0, {
      message: 'at least one variant, e.g. `today: {}`',
    })
    .describe('named variants; the first is the reference for compare.csv'),
  sweep: z
    .record(z.string(), z.array(z.unknown()).min(1))
    .optional()
    .describe('field path → list of values; every combination is crossed with every variant'),
});

export type ExperimentFile = z.infer<typeof ExperimentSchema>;
