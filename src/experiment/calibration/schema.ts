import { z } from 'zod';
import { FactorsSchema } from '../sensitivity/factor-schema.js';

/**
 * A calibration file, for `cica-sim calibrate` (docs/VALIDATION.md): approximate Bayesian
 * computation by rejection on a history study's calibration-window facts.
 *
 *   name: calibrate-1999
 *   experiment: history-1999.yaml      # the study: its scenario, years and checks (with periods)
 *   priors:                            # uniform (or log-uniform) over each range
 *     parameters.enlargement.openness: { min: 0.2, max: 1 }
 *   draws: 1000                        # prior draws, one run each (Latin hypercube)
 *   accept: 0.1                        # the tolerance: the closest tenth of the draws
 *   predictive: 500                    # posterior-predictive runs, scored on both windows
 *   seed: 2012
 */
export const CalibrationFileSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .describe('used for the default output directory'),
  question: z.string().optional(),
  experiment: z
    .string()
    .min(1)
    .describe(
      'a history study (relative to this file): its scenario, years and checks, each with its period',
    ),
  priors: FactorsSchema.describe(
    'the parameters calibrated and their priors: uniform over { min, max } (log-uniform with scale: log), over a list of values, or {} for the documented range',
  ),
  draws: z
    .int()
    .min(10)
    .max(1_000_000)
    .default(1000)
    .describe('prior draws by Latin hypercube, one run each'),
  accept: z
    .number()
    .gt(0)
    .max(1)
    .default(0.1)
    .describe('the tolerance, as the share of draws accepted: those closest to the calibration facts'),
  predictive: z
    .int()
    .min(2)
    .max(1_000_000)
    .default(500)
    .describe(
      'posterior-predictive runs, each with an accepted draw, scored on the calibration and hold-out facts',
    ),
  seed: z.int().min(0).default(1),
});

export type CalibrationFile = z.infer<typeof CalibrationFileSchema>;
