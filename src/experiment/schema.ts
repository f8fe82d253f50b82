import { z } from 'zod';
import { CheckSchema } from '../model/check.js';
import { Id } from '../model/id.js';
import { PROPOSAL_KINDS } from '../model/proposals.js';
import { CHART_KINDS, CHART_TABLES } from '../tables/chart-settings.js';
import { FactorsSchema } from './sensitivity/factor-schema.js';

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
 *     from-1999: { scenario: ../scenarios/cica-1999.yaml }   # a whole other scenario
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

export const ChartsSchema = z
  .strictObject({
    kinds: z
      .array(z.enum(CHART_KINDS))
      .optional()
      .describe(`which kinds of chart to draw (default: every one that applies): ${CHART_KINDS.join(', ')}`),
    metrics: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'the metrics of the over-time, by-variant, difference and sweep charts (default: adoption_rate, ambition, mean_trust, cohesion, vetoes)',
      ),
    orgs: z.array(Id).min(1).optional().describe('the organisations to chart (default: all)'),
    custom: z
      .record(Id, z.union([z.string().min(1), z.record(z.string(), z.unknown())]))
      .optional()
      .describe(
        `your own Vega-Lite specs, by name: a spec, or a .json/.yaml file holding one (relative to this file). Use an output table as data: { name: runs } — any of ${CHART_TABLES.join(', ')}`,
      ),
  })
  .describe('which charts the report shows');

export const AnalysesSchema = z
  .strictObject({
    power: z
      .strictObject({
        org: Id.describe('the organisation whose members vote'),
        kind: z.enum(PROPOSAL_KINDS).default('cbm').describe('the kind of proposal whose rule is analysed'),
      })
      .optional()
      .describe(
        "voting power of each member under each variant's rule (power.csv, and a chart; exact for whole-number weights at any size and real-valued data up to 30 members, Monte Carlo beyond)",
      ),
  })
  .describe('analyses computed beside the runs, each written as a table');

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
  checks: z
    .array(CheckSchema)
    .optional()
    .describe('facts to check each run against (history): the report gives how often each is reproduced'),
  checkColumns: z
    .boolean()
    .optional()
    .describe(
      "runs.csv gets a column per check, fact.<n>: 1 if the run reproduced it, else 0, and value.<n> with the run's value of a fact that has an observed value (cica-sim calibrate uses them)",
    ),
  uncertainty: z
    .union([
      z.strictObject({ factors: FactorsSchema }),
      z
        .strictObject({
          posterior: z
            .string()
            .min(1)
            .describe(
              'a posterior.csv written by cica-sim calibrate (relative to this file): replication r takes its row r mod its length',
            ),
        })
        .describe('parameters drawn from a calibration posterior'),
    ])
    .optional()
    .describe(
      "parameters nobody measured: each replication draws them by Latin hypercube over these ranges, the same draw for every variant, so comparisons stay paired and compare.csv's intervals hold parameter and simulation uncertainty together",
    ),
  analyses: AnalysesSchema.optional(),
  charts: ChartsSchema.optional(),
});

export type AnalysesFile = z.infer<typeof AnalysesSchema>;

export type ChartsFile = z.infer<typeof ChartsSchema>;

export type ExperimentFile = z.infer<typeof ExperimentSchema>;
