/**
 * Who votes in one decision, as a view over flat arrays (nothing is copied): the state indices
 * members[memberOffset .. memberOffset + count), each state's weight at weight[weightOffset +
 * state], and its population at population[state]. The engine keeps one view per organisation
 * and updates `count` when membership changes, so deciding allocates nothing.
 */
export interface VotingBody {
  members: Int32Array;
  memberOffset: number;
  count: number;
  weight: Float64Array;
  weightOffset: number;
  population: Float64Array;
}

/** A body of the states 0 .. n−1, for analyses and tests. */
export function votingBodyOf(weight: Float64Array, population: Float64Array): VotingBody {
  const count = weight.length;
  return {
    members: Int32Array.from({ length: count }, (_, i) => i),
    memberOffset: 0,
    count,
    weight,
    weightOffset: 0,
    population,
  };
}
