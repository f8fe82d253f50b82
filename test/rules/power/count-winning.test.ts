import { describe, expect, it } from 'vitest';
import { simpleGame, wins } from '../../../src/rules/game.js';
import { countWinning } from '../../../src/rules/power/count-winning.js';
import type { Rule } from '../../../src/rules/schema.js';
import { createRng } from '../../../src/util/rng.js';

/** Counts by listing every subset of `free` and asking `wins` (the simulation's criterion). */
function listedCounts(game: ReturnType<typeof simpleGame>, free: number[], forced: number[]): number[] {
  const counts = new Array<number>(free.length + 1).fill(0);
  for (let mask = 0; mask < 2 ** free.length; mask++) {
    const members = [...forced, ...free.filter((_, k) => mask & (1 << k))];
    let weight = 0;
    let population = 0;
    let vetoes = 0;
    for (const i of members) {
      weight += game.weight[i];
      population += game.population[i];
      vetoes += game.veto[i];
    }
    if (wins(game, members.length, weight, population, vetoes)) counts[members.length - forced.length]++;
  }
  return counts;
}

describe('countWinning (meet in the middle) against listing every subset', () => {
  const rng = createRng('count-winning');
  const members = Array.from({ length: 11 }, (_, i) => ({
    id: `m${i}`,
    weight: Math.round(rng.next() * 20) / 2,
    population: rng.next() * 100,
  }));
  const rules: Rule[] = [
    { kind: 'quota', yes: { count: 6 } },
    { kind: 'quota', yes: { weight: { share: 0.62 } } },
    { kind: 'quota', yes: { count: { share: 0.55 }, population: { share: 0.65 } }, blockingMinority: 4 },
    { kind: 'quota', yes: { weight: { share: 0.5 }, population: { share: 0.5 } }, veto: ['m3', 'm7'] },
    { kind: 'consensus-minus', k: 2 },
  ];

  it.each(rules.map((rule) => [JSON.stringify(rule), rule] as const))('%s', (_, rule) => {
    const game = simpleGame(members, rule);
    const all = members.map((_, i) => i);
    expect(Array.from(countWinning(game, all, []))).toEqual(listedCounts(game, all, []));
    // With member 3 forced in and member 5 left out (voting no): the counts a swing needs.
    const free = all.filter((i) => i !== 3 && i !== 5);
    expect(Array.from(countWinning(game, free, [3]))).toEqual(listedCounts(game, free, [3]));
  });
});
