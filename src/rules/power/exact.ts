import type { SimpleGame } from '../game.js';
import { countWinning } from './count-winning.js';
import { indicesFromCounts, type PowerResult } from './indices.js';

/** Beyond this many members the exact count takes too long; use Monte Carlo. */
export const EXACT_MAX_MEMBERS = 36;

/**
 * Exact indices. For each member i, the swings of i among coalitions S ⊆ N∖{i} of each size k
 * are W⁺(k) − W⁻(k): the coalitions that win with i added minus those that win without it
 * (monotone games: whatever wins without i wins with it). Both come from countWinning, which
 * works by size, so Shapley–Shubik's size weights k!(n−k−1)!/n! apply directly. Members with the
 * same weight, population and veto are interchangeable and are computed once.
 */
export function exactPower(game: SimpleGame): PowerResult {
  const { n } = game;
  if (n > EXACT_MAX_MEMBERS) {
    throw new RangeError(
      `exact power analysis handles up to ${EXACT_MAX_MEMBERS} members; this body has ${n}`,
    );
  }
  const everyone = Array.from({ length: n }, (_, i) => i);
  const winningBySize = countWinning(game, everyone, []);
  const winning = winningBySize.reduce((sum, w) => sum + w, 0);

  // 1 / (n · C(n−1, k)) = k! (n−k−1)! / n!
  const shapleyWeight = new Float64Array(n);
  let binomial = 1;
  for (let k = 0; k < n; k++) {
    shapleyWeight[k] = 1 / (n * binomial);
    binomial = (binomial * (n - 1 - k)) / (k + 1);
  }

  const swings = new Array<number>(n).fill(0);
  const shapley = new Array<number>(n).fill(0);
  const byType = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const type = `${game.weight[i]}|${game.population[i]}|${game.veto[i]}`;
    const same = byType.get(type);
    if (same !== undefined) {
      swings[i] = swings[same];
      shapley[i] = shapley[same];
      continue;
    }
    byType.set(type, i);
    const others = everyone.filter((j) => j !== i);
    const withI = countWinning(game, others, [i]);
    const withoutI = countWinning(game, others, []);
    for (let k = 0; k < n; k++) {
      const swingsOfSize = withI[k] - withoutI[k];
      swings[i] += swingsOfSize;
      shapley[i] += swingsOfSize * shapleyWeight[k];
    }
  }
  return { method: 'exact', ...indicesFromCounts(game.ids, swings, shapley, winning, 2 ** n) };
}
