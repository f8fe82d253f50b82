/**
 * Voting-power indices of a simple game, with every coalition of yes voters equally likely
 * (each member votes yes or no with probability ½, independently).
 *
 * For member i, a swing is a coalition S not containing i such that S ∪ {i} wins and S loses.
 *   banzhafRaw (Penrose measure)  = swings_i / 2^(n−1)
 *   banzhaf (normalised)          = swings_i / Σ_j swings_j
 *   shapleyShubik                 = Σ_S∌i swing(S) · |S|! (n − |S| − 1)! / n!
 *   colemanPrevent                = swings_i / W          (W: winning coalitions)
 *   colemanInitiate               = swings_i / (2^n − W)
 *   passageProbability (Coleman's power of the collectivity to act) = W / 2^n
 */
export interface MemberPower {
  id: string;
  banzhaf: number;
  banzhafRaw: number;
  shapleyShubik: number;
  colemanPrevent: number;
  colemanInitiate: number;
  /** Monte Carlo only: the standard error of each index. */
  standardErrors?: Record<PowerIndex, number>;
}

export type PowerIndex = 'banzhaf' | 'banzhafRaw' | 'shapleyShubik' | 'colemanPrevent' | 'colemanInitiate';

export const POWER_INDICES: readonly PowerIndex[] = [
  'banzhaf',
  'banzhafRaw',
  'shapleyShubik',
  'colemanPrevent',
  'colemanInitiate',
];

export interface PowerResult {
  method: 'exact' | 'montecarlo';
  /** How an exact result was computed: generating functions (integer data) or meet-in-the-middle. */
  algorithm?: 'generating-function' | 'meet-in-the-middle';
  passageProbability: number;
  members: MemberPower[];
  /** Monte Carlo only: how many samples, and the standard error of the passage probability. */
  samples?: number;
  passageProbabilityStandardError?: number;
}

/** Indices from swing counts: `swings[i]`, `shapley[i]` (already weighted), `winning`, out of 2^n. */
export function indicesFromCounts(
  ids: readonly string[],
  swings: readonly number[],
  shapley: readonly number[],
  winning: number,
  coalitions: number,
): { passageProbability: number; members: MemberPower[] } {
  const totalSwings = swings.reduce((sum, s) => sum + s, 0);
  const losing = coalitions - winning;
  return {
    passageProbability: winning / coalitions,
    members: ids.map((id, i) => ({
      id,
      banzhaf: totalSwings > 0 ? swings[i] / totalSwings : 0,
      banzhafRaw: swings[i] / (coalitions / 2),
      shapleyShubik: shapley[i],
      colemanPrevent: winning > 0 ? swings[i] / winning : 0,
      colemanInitiate: losing > 0 ? swings[i] / losing : 0,
    })),
  };
}
