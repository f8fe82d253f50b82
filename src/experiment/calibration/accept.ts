import type { Check } from '../../model/check.js';

/**
 * The rejection step of approximate Bayesian computation (Pritchard et al. 1999; Beaumont, Zhang
 * & Balding 2002): each prior draw was run once; its distance to history is
 *
 *   d = (facts of the calibration window the run failed) / (facts in the window)
 *       + 0.01 × mean over its counts with an observed value of |value − observed| / observed
 *
 * — the share of yes/no facts missed, with the counts' relative errors breaking ties — and the
 * share `accept` of draws closest to history (ties by draw order) is the posterior sample.
 */
export interface DrawOutcome {
  draw: number;
  seed: number;
  /** The drawn parameter values, by path. */
  parameters: Record<string, number>;
  /** fact.<c> (1 held, 0 not) and value.<c>, as runs.csv has them. */
  columns: Record<string, number>;
}

export interface ScoredDraw extends DrawOutcome {
  distance: number;
}

export function calibrationFacts(checks: readonly Check[]): number[] {
  return checks.flatMap((check, c) => (check.period === 'calibration' && !check.unscored ? [c] : []));
}

export function distanceOf(outcome: DrawOutcome, checks: readonly Check[], facts: readonly number[]): number {
  if (facts.length === 0) return 0;
  let missed = 0;
  let error = 0;
  let counts = 0;
  for (const c of facts) {
    if (outcome.columns[`fact.${c}`] !== 1) missed++;
    const check = checks[c];
    if ('metric' in check && check.observed !== undefined) {
      const value = outcome.columns[`value.${c}`];
      error += Number.isFinite(value)
        ? Math.abs(value - check.observed) / Math.max(1, Math.abs(check.observed))
        : 1;
      counts++;
    }
  }
  return missed / facts.length + (counts > 0 ? (0.01 * error) / counts : 0);
}

/** The accepted draws: the `share` closest to history, at least one, in order of distance then draw. */
export function acceptClosest(draws: ScoredDraw[], share: number): ScoredDraw[] {
  const kept = Math.max(1, Math.round(share * draws.length));
  return [...draws].sort((a, b) => a.distance - b.distance || a.draw - b.draw).slice(0, kept);
}
