import type { SimpleGame } from '../game.js';
import { vetoHoldersCounted } from './generating-function.js';
import { indicesFromCounts, type PowerResult } from './indices.js';

/** Beyond this many members without a veto, the halves' subset lists take too much memory. */
export const ONE_CRITERION_MAX_MEMBERS = 40;

/** Subsets of one half: by size, their values in increasing order and which members they hold. */
interface Half {
  members: number[];
  /** bySize[t]: values of the subsets of size t, increasing, and their masks, in the same order. */
  values: Float64Array[];
  masks: Int32Array[];
}

function half(members: number[], value: Float64Array): Half {
  const h = members.length;
  const total = 1 << h;
  const sums = new Float64Array(total);
  const sizes = new Uint8Array(total);
  for (let mask = 1; mask < total; mask++) {
    const low = 31 - Math.clz32(mask & -mask);
    const rest = mask & (mask - 1);
    sums[mask] = sums[rest] + value[members[low]];
    sizes[mask] = sizes[rest] + 1;
  }
  const order = Int32Array.from({ length: total }, (_, m) => m).sort((x, y) => sums[x] - sums[y] || x - y);
  const counts = new Int32Array(h + 1);
  for (let m = 0; m < total; m++) counts[sizes[m]]++;
  const values = Array.from({ length: h + 1 }, (_, t) => new Float64Array(counts[t]));
  const masks = Array.from({ length: h + 1 }, (_, t) => new Int32Array(counts[t]));
  const filled = new Int32Array(h + 1);
  for (const m of order) {
    const t = sizes[m];
    values[t][filled[t]] = sums[m];
    masks[t][filled[t]++] = m;
  }
  return { members, values, masks };
}

/** The half without member at bit `bit`: its subsets that leave it out, in the same (sorted) order. */
function without(source: Half, bit: number): Float64Array[] {
  return source.values.map((values, t) => {
    const masks = source.masks[t];
    const kept = new Float64Array(values.length);
    let n = 0;
    for (let k = 0; k < values.length; k++) if (!(masks[k] & (1 << bit))) kept[n++] = values[k];
    return kept.subarray(0, n);
  });
}

/** Pairs (a, b), both increasing, with b ≥ x − a: a two-pointer sweep (the same test as count-winning.ts). */
function pairsReaching(a: Float64Array, b: Float64Array, x: number): number {
  if (x === Number.NEGATIVE_INFINITY) return a.length * b.length;
  if (x === Number.POSITIVE_INFINITY) return 0;
  let count = 0;
  let j = b.length;
  // As a grows, the least b that reaches falls: j only moves left.
  for (let i = 0; i < a.length; i++) {
    const need = x - a[i];
    while (j > 0 && b[j - 1] >= need) j--;
    count += b.length - j;
  }
  return count;
}

/**
 * Exact indices for games with at most one value criterion, real-valued (weights, or populations
 * such as the Lisbon double majority's), besides the member count, vetoes and a blocking minority.
 * A member's swings among coalitions of size t need a coalition value in one interval — [q − vᵢ, q),
 * or at least q − vᵢ, or below q, or anything, by how the count and blocking conditions fall at t —
 * so they are counted by a meet-in-the-middle split into two halves whose subsets are listed once,
 * by size and sorted by value; for each member only its half is filtered, and each pair of sizes
 * is counted by a linear two-pointer sweep. O(2^(n/2)·n²) per kind of member, exact for real data.
 */
export function oneCriterionPower(game: SimpleGame): PowerResult | null {
  const { n } = game;
  const weightBinds = game.minWeight > 0;
  const populationBinds = game.minPopulation > 0;
  if (weightBinds && populationBinds) return null;
  const value = populationBinds ? game.population : game.weight;
  const quota = populationBinds
    ? game.minPopulation
    : weightBinds
      ? game.minWeight
      : Number.NEGATIVE_INFINITY;
  const free: number[] = [];
  let vetoSize = 0;
  let vetoValue = 0;
  for (let i = 0; i < n; i++)
    if (game.veto[i]) {
      vetoSize++;
      vetoValue += value[i];
    } else free.push(i);
  if (free.length > ONE_CRITERION_MAX_MEMBERS) return null;
  const split = free.length >> 1;
  const halves = [half(free.slice(0, split), value), half(free.slice(split), value)];
  const blockWins = (size: number) => game.blockingMinority > 0 && n - size < game.blockingMinority;
  // The free members' part must reach `need` (values: a + b ≥ need).
  const need = quota - vetoValue;

  /** Σ over size pairs: coalitions of the free members in (a, b) with size t and value in [lo, hi). */
  const countBySize = (
    a: Float64Array[],
    b: Float64Array[],
    range: (t: number) => [number, number] | null,
  ) => {
    const out = new Float64Array(a.length + b.length - 1);
    for (let ta = 0; ta < a.length; ta++)
      for (let tb = 0; tb < b.length; tb++) {
        const r = range(ta + tb);
        if (!r || a[ta].length === 0 || b[tb].length === 0) continue;
        out[ta + tb] += pairsReaching(a[ta], b[tb], r[0]) - pairsReaching(a[ta], b[tb], r[1]);
      }
    return out;
  };
  const INF = Number.POSITIVE_INFINITY;
  const NEG = Number.NEGATIVE_INFINITY;
  // Winning coalitions: every veto holder, and free members reaching the count and the quota (or the blocking clause).
  const winningBySize = countBySize(halves[0].values, halves[1].values, (t) => {
    const size = vetoSize + t;
    if (blockWins(size)) return [NEG, INF];
    return size >= game.minCount ? [need, INF] : null;
  });
  const winning = winningBySize.reduce((s, c) => s + c, 0);
  const { swings, shapley, shapleyWeight } = vetoHoldersCounted(game, winningBySize, winning, vetoSize);
  const done = new Map<number, number>();
  free.forEach((i, position) => {
    const same = done.get(value[i]);
    if (same !== undefined) {
      swings[i] = swings[same];
      shapley[i] = shapley[same];
      return;
    }
    done.set(value[i], i);
    const inFirst = position < split;
    const mine = without(halves[inFirst ? 0 : 1], inFirst ? position : position - split);
    const other = halves[inFirst ? 1 : 0].values;
    // S = vetoes ∪ T, |T| = t: a swing when S ∪ {i} wins and S does not.
    const bySize = countBySize(mine, other, (t) => {
      const size = vetoSize + t;
      if (blockWins(size)) return null;
      if (blockWins(size + 1)) return size < game.minCount ? [NEG, INF] : [NEG, need];
      if (size + 1 < game.minCount) return null;
      return size < game.minCount ? [need - value[i], INF] : [need - value[i], need];
    });
    bySize.forEach((c, t) => {
      // Without i the largest size cannot occur: its count is 0 (and has no Shapley weight).
      if (c === 0) return;
      swings[i] += c;
      shapley[i] += c * shapleyWeight[vetoSize + t];
    });
  });
  return { method: 'exact', ...indicesFromCounts(game.ids, swings, shapley, winning, 2 ** n) };
}
