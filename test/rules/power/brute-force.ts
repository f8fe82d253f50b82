import { compileRule } from '../../../src/rules/compile.js';
import { passes } from '../../../src/rules/decide.js';
import type { GameMember } from '../../../src/rules/game.js';
import type { Rule } from '../../../src/rules/schema.js';
import { NO, YES } from '../../../src/rules/votes.js';
import { votingBodyOf } from '../../../src/rules/voting-body.js';

/**
 * A second, independent way to the indices: enumerate every yes/no profile and ask the
 * simulation's own `passes` (src/rules/decide.ts) whether it passes. Shapley–Shubik from the
 * subset formula. Exponential, for small bodies in tests only.
 */
export function bruteForcePower(members: GameMember[], rule: Rule) {
  const n = members.length;
  const weight = Float64Array.from(members.map((m) => m.weight));
  const population = Float64Array.from(members.map((m) => m.population));
  const compiled = compileRule(
    rule,
    {
      count: n,
      weight: weight.reduce((a, b) => a + b, 0),
      population: population.reduce((a, b) => a + b, 0),
    },
    (id) => members.findIndex((m) => m.id === id),
  );
  const body = votingBodyOf(weight, population);
  const votes = new Int8Array(n);
  const win = (mask: number) => {
    for (let i = 0; i < n; i++) votes[i] = mask & (1 << i) ? YES : NO;
    return passes(compiled, body, votes, 0);
  };
  const wins = Array.from({ length: 2 ** n }, (_, mask) => win(mask));
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const swings = new Array<number>(n).fill(0);
  const shapley = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 2 ** n; mask++) {
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) continue;
      if (wins[mask | (1 << i)] && !wins[mask]) {
        swings[i]++;
        const size = popcount(mask);
        shapley[i] += (factorial(size) * factorial(n - size - 1)) / factorial(n);
      }
    }
  }
  const winning = wins.filter(Boolean).length;
  return { swings, shapley, winning, passageProbability: winning / 2 ** n };
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v; v &= v - 1) count++;
  return count;
}
