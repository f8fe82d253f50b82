import { type GameMember, simpleGame } from '../game.js';
import type { Rule } from '../schema.js';
import { EXACT_MAX_MEMBERS, exactPower } from './exact.js';
import type { PowerResult } from './indices.js';
import { monteCarloPower } from './monte-carlo.js';

/** Up to this many members the exact count is the default (seconds at most on a laptop). */
export const EXACT_DEFAULT_MAX_MEMBERS = 30;

export interface PowerOptions {
  /** 'exact' or 'montecarlo'; by default exact up to 30 members, Monte Carlo beyond. */
  method?: 'exact' | 'montecarlo';
  samples?: number;
  seed?: number;
}

/** Voting-power indices of a body under a rule (see indices.ts for the definitions). */
export function analysePower(members: GameMember[], rule: Rule, options: PowerOptions = {}): PowerResult {
  const game = simpleGame(members, rule);
  const method = options.method ?? (game.n <= EXACT_DEFAULT_MAX_MEMBERS ? 'exact' : 'montecarlo');
  return method === 'exact'
    ? exactPower(game)
    : monteCarloPower(game, options.samples ?? 200_000, options.seed ?? 1);
}

export { EXACT_MAX_MEMBERS };
