import type { SimpleGame } from '../game.js';
import { indicesFromCounts, type PowerResult } from './indices.js';

/** The largest table (sizes × values) the method fills: 2·10⁷ cells, 160 MB of doubles. */
const MAX_CELLS = 20_000_000;
/** Up to this many free members every count is an integer below 2^53: removing a member by deconvolution is exact. */
const EXACT_INTEGER_MEMBERS = 52;

/**
 * The game's one value criterion as integers: member values scaled by 10^d (d ≤ 3) so that all are
 * whole, and the quota the scaled sum must reach. Null when the game has two value criteria
 * (weight and population both binding), or values that no such scale makes whole, or a table too
 * large: then the meet-in-the-middle or Monte Carlo method applies.
 */
export function integerCriterion(game: SimpleGame): { values: Int32Array; quota: number } | null {
  const weightBinds = game.minWeight > 0;
  const populationBinds = game.minPopulation > 0;
  if (weightBinds && populationBinds) return null;
  const raw = weightBinds ? game.weight : populationBinds ? game.population : null;
  const need = weightBinds ? game.minWeight : populationBinds ? game.minPopulation : 0;
  if (!raw) return { values: new Int32Array(game.n), quota: 0 };
  for (let digits = 0; digits <= 3; digits++) {
    const scale = 10 ** digits;
    const values = new Int32Array(game.n);
    let whole = true;
    for (let i = 0; i < game.n && whole; i++) {
      const scaled = raw[i] * scale;
      const rounded = Math.round(scaled);
      whole = rounded >= 0 && rounded < 2 ** 31 && Math.abs(scaled - rounded) <= 1e-9 * Math.max(1, scaled);
      values[i] = rounded;
    }
    if (!whole) continue;
    // Sums of whole values reach the real quota exactly when they reach its ceiling (a hair of
    // rounding in share × total is not a vote).
    const quota = Math.max(0, Math.ceil(need * scale - 1e-9));
    if ((game.n + 1) * (quota + 1) > MAX_CELLS) return null;
    return { values, quota };
  }
  return null;
}

/**
 * Exact indices by generating functions (Bilbao et al. 2000; Leech 2003's ipgenf for Banzhaf), for
 * games whose criteria are the count of members, one integer value (weights, or populations that
 * scale to integers), vetoes and a blocking minority. The coefficients T[k][w] of
 * Π_j (1 + y·x^{v_j}) over the members without a veto count the coalitions of size k and value w
 * (values from the quota up merged into one cell); a member's swings and Shapley–Shubik weight
 * come from the same counts with that member taken out, by size and value. Removing one member:
 * by deconvolution, T₋ᵢ[k][w] = T[k][w] − T₋ᵢ[k−1][w − vᵢ], exact while every count is an integer
 * below 2^53 (at most 52 free members); beyond, by building the table again without it, which
 * only adds. Members with equal value are computed once. O(n²·q) for the table, O(n·q) per kind
 * of member with deconvolution, O(n²·q) without.
 */
export function generatingFunctionPower(
  game: SimpleGame,
  criterion: { values: Int32Array; quota: number },
): PowerResult {
  const { n } = game;
  const { values, quota } = criterion;
  const free: number[] = [];
  let vetoSize = 0;
  let vetoValue = 0;
  for (let i = 0; i < n; i++) {
    if (game.veto[i]) {
      vetoSize++;
      vetoValue += values[i];
    } else free.push(i);
  }
  const width = quota + 1;
  // A coalition of `size` members (vetoes included) whose value reaches bucket w wins.
  const wins = (size: number, bucket: number) =>
    (game.blockingMinority > 0 && n - size < game.blockingMinority) ||
    (size >= game.minCount && Math.min(quota, bucket) >= quota);

  const table = coefficients(
    free.map((i) => values[i]),
    -1,
    width,
    quota,
  );
  // Winning coalitions: every veto holder and any subset T of the free members that wins with them.
  let winning = 0;
  const winningBySize = new Float64Array(free.length + 1);
  for (let k = 0; k <= free.length; k++)
    for (let w = 0; w < width; w++)
      if (wins(vetoSize + k, w + vetoValue)) winningBySize[k] += table[k * width + w];
  for (const count of winningBySize) winning += count;

  const { swings, shapley, shapleyWeight } = vetoHoldersCounted(game, winningBySize, winning, vetoSize);
  const done = new Map<number, number>();
  const exactRemoval = free.length <= EXACT_INTEGER_MEMBERS;
  free.forEach((i, position) => {
    const same = done.get(values[i]);
    if (same !== undefined) {
      swings[i] = swings[same];
      shapley[i] = shapley[same];
      return;
    }
    done.set(values[i], i);
    const without = exactRemoval
      ? removeMember(table, free.length, width, quota, values[i])
      : coefficients(
          free.map((j) => values[j]),
          position,
          width,
          quota,
        );
    // S = vetoes ∪ T, T ⊆ free ∖ {i}: a swing when S ∪ {i} wins and S does not. Along a row the
    // answer changes only where T's value lets S ∪ {i}, then S, reach the quota: three segments.
    const withI = Math.max(0, Math.min(width, quota - vetoValue - values[i]));
    const alone = Math.max(0, Math.min(width, quota - vetoValue));
    for (let k = 0; k < free.length; k++) {
      const row = k * width;
      const size = vetoSize + k;
      let count = 0;
      // [0, withI): neither reaches; [withI, alone): only S ∪ {i} does; [alone, quota]: both do.
      if (wins(size + 1, 0) && !wins(size, 0)) for (let w = 0; w < withI; w++) count += without[row + w];
      if (wins(size + 1, quota) && !wins(size, 0))
        for (let w = withI; w < alone; w++) count += without[row + w];
      if (wins(size + 1, quota) && !wins(size, quota))
        for (let w = alone; w < width; w++) count += without[row + w];
      swings[i] += count;
      shapley[i] += count * shapleyWeight[vetoSize + k];
    }
  });
  return { method: 'exact', ...indicesFromCounts(game.ids, swings, shapley, winning, 2 ** n) };
}

/**
 * T[k][w]: subsets of the values (skipping position `skip`) of size k and sum w, sums from the
 * quota up in cell `quota`. Row-major, (members + 1) × width. Only adds.
 */
function coefficients(values: readonly number[], skip: number, width: number, quota: number): Float64Array {
  const members = values.length;
  const table = new Float64Array((members + 1) * width);
  table[0] = 1;
  let filled = 0;
  values.forEach((v, j) => {
    if (j === skip) return;
    filled++;
    // Downward in size, so each member is counted once per subset.
    for (let k = filled; k >= 1; k--) {
      const row = k * width;
      const below = (k - 1) * width;
      for (let w = quota; w >= 0; w--) {
        const count = table[below + w];
        if (count !== 0) table[row + Math.min(quota, w + v)] += count;
      }
    }
  });
  return table;
}

/**
 * The table without one member of value v, from the table with it: T₋[k][w] = T[k][w] − T₋[k−1][w − v]
 * below the quota, and the merged cell less every T₋[k−1][u] with u + v at or past the quota.
 */
function removeMember(
  table: Float64Array,
  members: number,
  width: number,
  quota: number,
  v: number,
): Float64Array {
  const without = new Float64Array(members * width);
  for (let w = 0; w < width; w++) without[w] = table[w];
  for (let k = 1; k < members; k++) {
    const row = k * width;
    const below = (k - 1) * width;
    for (let w = 0; w < quota; w++) without[row + w] = table[row + w] - (w >= v ? without[below + w - v] : 0);
    let reaching = 0;
    for (let u = Math.max(0, quota - v); u <= quota; u++) reaching += without[below + u];
    without[row + quota] = table[row + quota] - reaching;
  }
  return without;
}

/**
 * Swings and Shapley–Shubik sums to fill in, with the veto holders' already counted: a veto holder
 * swings in every winning coalition (without it none wins), and in one of size vetoes + k it is
 * the pivot after vetoes − 1 + k others. winningBySize[k]: winning coalitions with k members
 * besides the veto holders.
 */
export function vetoHoldersCounted(
  game: SimpleGame,
  winningBySize: ArrayLike<number>,
  winning: number,
  vetoSize: number,
): { swings: number[]; shapley: number[]; shapleyWeight: Float64Array } {
  const shapleyWeight = shapleyWeights(game.n);
  const swings = new Array<number>(game.n).fill(0);
  const shapley = new Array<number>(game.n).fill(0);
  for (let i = 0; i < game.n; i++) {
    if (!game.veto[i]) continue;
    swings[i] = winning;
    for (let k = 0; k < winningBySize.length; k++)
      if (winningBySize[k] !== 0) shapley[i] += winningBySize[k] * shapleyWeight[vetoSize - 1 + k];
  }
  return { swings, shapley, shapleyWeight };
}

/** k!(n−k−1)!/n! = 1 / (n · C(n−1, k)): the chance that a member comes right after k given others. */
export function shapleyWeights(n: number): Float64Array {
  const weight = new Float64Array(n);
  let binomial = 1;
  for (let k = 0; k < n; k++) {
    weight[k] = 1 / (n * binomial);
    binomial = (binomial * (n - 1 - k)) / (k + 1);
  }
  return weight;
}
