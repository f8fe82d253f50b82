import { type GameMember, type SimpleGame, simpleGame } from '../game.js';
import type { Rule } from '../schema.js';
import { EXACT_MAX_MEMBERS, exactPower } from './exact.js';
import { generatingFunctionPower, integerCriterion } from './generating-function.js';
import type { PowerResult } from './indices.js';
import { monteCarloPower } from './monte-carlo.js';
import { ONE_CRITERION_MAX_MEMBERS, oneCriterionPower } from './one-criterion.js';

/** Up to this many members meet-in-the-middle is the default where generating functions do not apply. */
export const EXACT_DEFAULT_MAX_MEMBERS = 30;

export interface PowerOptions {
  /** 'exact' or 'montecarlo'; by default exact wherever it applies (generating functions, or up to 30 members). */
  method?: 'exact' | 'montecarlo';
  samples?: number;
  seed?: number;
}

/** Whether the exact method can analyse this body: one integer criterion at any size, else up to 36 members. */
export function exactApplies(members: GameMember[], rule: Rule): boolean {
  const game = simpleGame(members, rule);
  return integerCriterion(game) !== null || game.n <= EXACT_MAX_MEMBERS;
}

/**
 * Voting-power indices of a body under a rule (see indices.ts for the definitions). Exact by
 * generating functions where the game's criteria are the member count and one integer value
 * (generating-function.ts: any size); exact by meet-in-the-middle for real-valued data up to 30
 * members (36 when asked) — one value criterion by sorted halves and linear sweeps
 * (one-criterion.ts), two by the general split (count-winning.ts); Monte Carlo, with standard
 * errors, for the rest.
 */
export function analysePower(members: GameMember[], rule: Rule, options: PowerOptions = {}): PowerResult {
  const game = simpleGame(members, rule);
  if (options.method === 'montecarlo')
    return monteCarloPower(game, options.samples ?? 200_000, options.seed ?? 1);
  const criterion = integerCriterion(game);
  if (criterion) return { ...generatingFunctionPower(game, criterion), algorithm: 'generating-function' };
  if (options.method === 'exact' || game.n <= EXACT_DEFAULT_MAX_MEMBERS) {
    const one = game.n <= ONE_CRITERION_MAX_MEMBERS ? oneCriterionPower(game) : null;
    if (one) return { ...one, algorithm: 'meet-in-the-middle' };
    return meetInTheMiddle(game);
  }
  return monteCarloPower(game, options.samples ?? 200_000, options.seed ?? 1);
}

function meetInTheMiddle(game: SimpleGame): PowerResult {
  return { ...exactPower(game), algorithm: 'meet-in-the-middle' };
}

export { EXACT_MAX_MEMBERS };
