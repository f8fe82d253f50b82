import { DIMENSION_COUNT, DIMENSIONS } from '../../model/dimensions.js';
import type { Scenario } from '../../scenario/schema.js';

/** The states of a World: their traits, and the pairs that clash or compete. */
export interface WorldStates {
  /** States, in the order of `scenario.actors`. */
  stateIds: string[];
  stateIndex: Map<string, number>;
  n: number;
  /** salience[i * DIMENSION_COUNT + d] */
  salience: Float64Array;
  sovereignty: Float64Array;
  /** Population in millions, for population conditions of quota rules. */
  population: Float64Array;
  /** Subregion of each state, as an index (for shocks that strike a region). */
  subregion: Int32Array;
  /** Pairs in conflict or dispute (for clashes) and rivals (for cyber incidents): a, b, intensity. */
  clashPairA: Int32Array;
  clashPairB: Int32Array;
  clashIntensity: Float64Array;
  rivalPairA: Int32Array;
  rivalPairB: Int32Array;
  rivalIntensity: Float64Array;
}

export function compileStates(scenario: Scenario): WorldStates {
  const stateIds = Object.keys(scenario.actors);
  const stateIndex = new Map(stateIds.map((id, i) => [id, i]));
  const indexOf = (id: string) => stateIndex.get(id) as number;
  const n = stateIds.length;
  const salience = new Float64Array(n * DIMENSION_COUNT);
  const sovereignty = new Float64Array(n);
  const population = new Float64Array(n);
  stateIds.forEach((id, i) => {
    const actor = scenario.actors[id];
    DIMENSIONS.forEach((d, k) => {
      salience[i * DIMENSION_COUNT + k] = actor.salience[d];
    });
    sovereignty[i] = actor.sovereignty;
    population[i] = actor.population;
  });
  const subregions = [...new Set(stateIds.map((id) => scenario.actors[id].subregion))];
  const disputes = scenario.relations.filter((r) => r.kind === 'conflict' || r.kind === 'dispute');
  const rivals = scenario.relations.filter((r) => r.kind === 'rivalry');
  return {
    stateIds,
    stateIndex,
    n,
    salience,
    sovereignty,
    population,
    subregion: Int32Array.from(stateIds.map((id) => subregions.indexOf(scenario.actors[id].subregion))),
    clashPairA: Int32Array.from(disputes.map((r) => indexOf(r.a))),
    clashPairB: Int32Array.from(disputes.map((r) => indexOf(r.b))),
    clashIntensity: Float64Array.from(disputes.map((r) => r.intensity)),
    rivalPairA: Int32Array.from(rivals.map((r) => indexOf(r.a))),
    rivalPairB: Int32Array.from(rivals.map((r) => indexOf(r.b))),
    rivalIntensity: Float64Array.from(rivals.map((r) => r.intensity)),
  };
}
