import { z } from 'zod';

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

/** The factors of a study, or of an experiment's uncertainty: "all", or path → factor. */
export const FactorsSchema = z
  .union([
    z.literal('all'),
    z
      .record(z.string(), FactorSchema)
      .refine((factors) => Object.keys(factors).length > 0, { message: 'at least one factor' }),
  ])
  .describe(
    'scenario field path → its range ({ min, max, scale }), its values ({ values: [...] }) or {} for its documented range; or "all": every parameter over its documented range',
  );

export type FactorFile = z.infer<typeof FactorSchema>;
