import { compileRule } from './compile.js';
import type { Rule } from './schema.js';

/**
 * A rule as a simple game for power analysis: every member votes yes or no (no abstention), and
 * a set of yes voters (a coalition) wins or loses. Every rule of the rule language becomes one:
 *   unanimity and consensus  → all n must say yes (with yes/no only, no objection = all yes);
 *   consensus-minus k        → at least n − k say yes;
 *   opt-in m                 → at least m say yes (the measure is adopted for them);
 *   quota                    → its count, weight and population conditions, veto and blocking minority.
 * Members are numbered 0..n−1 in the order given.
 */
export interface SimpleGame {
  ids: string[];
  n: number;
  weight: Float64Array;
  population: Float64Array;
  minCount: number;
  minWeight: number;
  minPopulation: number;
  /** veto[i] = 1 when member i's "no" blocks on its own. */
  veto: Uint8Array;
  vetoCount: number;
  /** A proposal cannot be blocked by fewer "no" votes than this (0: no such clause). */
  blockingMinority: number;
}

export interface GameMember {
  id: string;
  weight: number;
  population: number;
}

export function simpleGame(members: GameMember[], rule: Rule): SimpleGame {
  const n = members.length;
  const weight = Float64Array.from(members.map((m) => m.weight));
  const population = Float64Array.from(members.map((m) => m.population));
  const indexOf = new Map(members.map((m, i) => [m.id, i]));
  const totals = {
    count: n,
    weight: weight.reduce((a, b) => a + b, 0),
    population: population.reduce((a, b) => a + b, 0),
  };
  const compiled = compileRule(rule, totals, (id) => indexOf.get(id) as number);
  const veto = new Uint8Array(n);
  const game = {
    ids: members.map((m) => m.id),
    n,
    weight,
    population,
    minCount: 0,
    minWeight: 0,
    minPopulation: 0,
    veto,
    vetoCount: 0,
    blockingMinority: 0,
  };
  switch (compiled.kind) {
    case 'unanimity':
    case 'consensus':
      return { ...game, minCount: n };
    case 'consensus-minus':
      return { ...game, minCount: n - compiled.k };
    case 'opt-in':
      return { ...game, minCount: compiled.minParticipants };
    case 'quota':
      for (const v of compiled.veto) veto[v] = 1;
      return {
        ...game,
        minCount: compiled.minCount,
        minWeight: compiled.minWeight,
        minPopulation: compiled.minPopulation,
        vetoCount: veto.reduce((a, b) => a + b, 0),
        blockingMinority: compiled.blockingMinority,
      };
  }
}

/** Whether a coalition with these totals wins (`vetoesIn`: how many veto holders are in it). */
export function wins(
  game: SimpleGame,
  count: number,
  weight: number,
  population: number,
  vetoesIn: number,
): boolean {
  if (vetoesIn < game.vetoCount) return false;
  if (game.blockingMinority > 0 && game.n - count < game.blockingMinority) return true;
  return count >= game.minCount && weight >= game.minWeight && population >= game.minPopulation;
}
