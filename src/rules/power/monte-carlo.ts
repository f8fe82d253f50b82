import { createRng, type Rng } from '../../util/rng.js';
import { type SimpleGame, wins } from '../game.js';
import { indicesFromCounts, POWER_INDICES, type PowerIndex, type PowerResult } from './indices.js';

/** Batches for the standard errors: enough for a stable spread, few enough to be cheap. */
const BATCHES = 20;

/**
 * Monte Carlo indices for bodies too large to count exactly, or on request.
 *
 * Banzhaf and Coleman measures: draw a coalition S with each member in it with probability ½.
 * For each member i, S∖{i} is then a uniform coalition of the others, so "S ∪ {i} wins and
 * S∖{i} loses" is a swing of i with probability banzhafRaw — every draw tests every member.
 * Shapley–Shubik: draw a uniformly random order of the members, add them one by one, and credit
 * the member whose arrival makes the coalition win.
 *
 * Standard errors by batch means: the samples are split into 20 batches, every index is computed
 * per batch, and SE = sd(batch values) / √20 — the same method for derived indices (normalised
 * Banzhaf, Coleman's) as for plain proportions.
 */
export function monteCarloPower(game: SimpleGame, samples: number, seed: number): PowerResult {
  const { n } = game;
  const rng = createRng(seed);
  const perBatch = Math.max(1, Math.floor(samples / BATCHES));
  const total = perBatch * BATCHES;
  const batchResults: ReturnType<typeof indicesFromCounts>[] = [];
  const allSwings = new Float64Array(n);
  const allPivots = new Float64Array(n);
  let allWinning = 0;

  const inCoalition = new Uint8Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let batch = 0; batch < BATCHES; batch++) {
    const swings = new Float64Array(n);
    const pivots = new Float64Array(n);
    let winning = 0;
    for (let s = 0; s < perBatch; s++) {
      winning += sampleSwings(game, rng, inCoalition, swings);
      samplePivot(game, rng, order, pivots);
    }
    // Scale to counts "out of 2^n" so the exact formulas apply to proportions.
    const scale = 2 ** n / perBatch;
    batchResults.push(
      indicesFromCounts(
        game.ids,
        Array.from(swings, (x) => x * scale * 0.5),
        Array.from(pivots, (x) => x / perBatch),
        winning * scale,
        2 ** n,
      ),
    );
    for (let i = 0; i < n; i++) {
      allSwings[i] += swings[i];
      allPivots[i] += pivots[i];
    }
    allWinning += winning;
  }
  const scale = 2 ** n / total;
  const overall = indicesFromCounts(
    game.ids,
    Array.from(allSwings, (x) => x * scale * 0.5),
    Array.from(allPivots, (x) => x / total),
    allWinning * scale,
    2 ** n,
  );
  const se = (values: number[]) => standardDeviation(values) / Math.sqrt(BATCHES);
  return {
    method: 'montecarlo',
    passageProbability: overall.passageProbability,
    samples: total,
    passageProbabilityStandardError: se(batchResults.map((r) => r.passageProbability)),
    members: overall.members.map((member, i) => {
      const standardErrors = {} as Record<PowerIndex, number>;
      for (const index of POWER_INDICES)
        standardErrors[index] = se(batchResults.map((r) => r.members[i][index]));
      return { ...member, standardErrors };
    }),
  };
}

/** Draws one coalition; adds 1 to swings[i] for each member it is a swing for; returns 1 if it wins. */
function sampleSwings(game: SimpleGame, rng: Rng, inCoalition: Uint8Array, swings: Float64Array): number {
  const { n } = game;
  let count = 0;
  let weight = 0;
  let population = 0;
  let vetoes = 0;
  for (let i = 0; i < n; i++) {
    inCoalition[i] = rng.next() < 0.5 ? 1 : 0;
    if (inCoalition[i]) {
      count++;
      weight += game.weight[i];
      population += game.population[i];
      vetoes += game.veto[i];
    }
  }
  const current = wins(game, count, weight, population, vetoes);
  for (let i = 0; i < n; i++) {
    const sign = inCoalition[i] ? -1 : 1; // the coalition with i toggled
    const toggled = wins(
      game,
      count + sign,
      weight + sign * game.weight[i],
      population + sign * game.population[i],
      vetoes + sign * game.veto[i],
    );
    const withI = inCoalition[i] ? current : toggled;
    const withoutI = inCoalition[i] ? toggled : current;
    if (withI && !withoutI) swings[i]++;
  }
  return current ? 1 : 0;
}

/** Draws one order of arrival (Fisher–Yates) and credits the pivotal member. */
function samplePivot(game: SimpleGame, rng: Rng, order: Int32Array, pivots: Float64Array): void {
  const { n } = game;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  let count = 0;
  let weight = 0;
  let population = 0;
  let vetoes = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    count++;
    weight += game.weight[i];
    population += game.population[i];
    vetoes += game.veto[i];
    if (wins(game, count, weight, population, vetoes)) {
      pivots[i]++;
      return;
    }
  }
}

function standardDeviation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance);
}
