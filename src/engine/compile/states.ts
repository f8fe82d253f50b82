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
  /**
   * Capability in [0, 1] (docs/MODEL.md §Capability): the mean of log GDP and log military
   * spending, each scaled from the world's least to its most.
   */
  capability: Float64Array;
  /**
   * The leading powers each state follows (voting.leaderWeight): for state i, the entries
   * leaderOffset[i] .. leaderOffset[i + 1] of leaderState (a state whose capability is at least
   * voting.leaderCapability, allied or aligned with i) and leaderTie (the relation's intensity,
   * halved for an alignment).
   */
  leaderOffset: Int32Array;
  leaderState: Int32Array;
  leaderTie: Float64Array;
  /** leads[g] = 1 when some state follows g. */
  leads: Uint8Array;
  /** Subregion of each state, as an index (for shocks that strike a region). */
  subregion: Int32Array;
  /**
   * Pairs in conflict or dispute (for clashes) and rivals (for cyber incidents): a, b, intensity
   * at the start — the scenario's relations, then pairs a relation event makes so (intensity 0 until then).
   */
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
  const capability = capabilityScores(
    stateIds.map((id) => scenario.actors[id].gdp),
    stateIds.map((id) => scenario.actors[id].military),
  );
  const subregions = [...new Set(stateIds.map((id) => scenario.actors[id].subregion))];
  const disputes: { a: string; b: string; intensity: number }[] = scenario.relations.filter(
    (r) => r.kind === 'conflict' || r.kind === 'dispute',
  );
  const rivals: { a: string; b: string; intensity: number }[] = scenario.relations.filter(
    (r) => r.kind === 'rivalry',
  );
  // A pair that a relation event puts in conflict, dispute or rivalry joins the hazard lists with
  // no hazard until then (phases/dated.ts sets its intensity on the event's date).
  const listed = (list: { a: string; b: string }[], a: string, b: string) =>
    list.some((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
  for (const event of scenario.events) {
    if (event.kind !== 'relation') continue;
    const list =
      event.relation === 'conflict' || event.relation === 'dispute'
        ? disputes
        : event.relation === 'rivalry'
          ? rivals
          : null;
    if (list && !listed(list, event.a, event.b)) list.push({ a: event.a, b: event.b, intensity: 0 });
  }
  return {
    stateIds,
    stateIndex,
    n,
    salience,
    sovereignty,
    population,
    capability,
    ...leaders(scenario, stateIndex, capability),
    subregion: Int32Array.from(stateIds.map((id) => subregions.indexOf(scenario.actors[id].subregion))),
    clashPairA: Int32Array.from(disputes.map((r) => indexOf(r.a))),
    clashPairB: Int32Array.from(disputes.map((r) => indexOf(r.b))),
    clashIntensity: Float64Array.from(disputes.map((r) => r.intensity)),
    rivalPairA: Int32Array.from(rivals.map((r) => indexOf(r.a))),
    rivalPairB: Int32Array.from(rivals.map((r) => indexOf(r.b))),
    rivalIntensity: Float64Array.from(rivals.map((r) => r.intensity)),
  };
}

/**
 * Capability of each state in [0, 1]: ½ × (scaled log(1 + GDP) + scaled log(1 + military
 * spending)), each scaled linearly from the world's lowest (0) to its highest (1); 0 for a
 * quantity all states share. Logarithms, because a state's weight grows with the order of
 * magnitude of its means, not their dollars (an assumption, docs/MODEL.md §Capability).
 */
export function capabilityScores(gdp: readonly number[], military: readonly number[]): Float64Array {
  const scaled = (values: readonly number[]) => {
    const logs = values.map((v) => Math.log1p(v));
    const low = Math.min(...logs);
    const high = Math.max(...logs);
    return logs.map((v) => (high > low ? (v - low) / (high - low) : 0));
  };
  const g = scaled(gdp);
  const m = scaled(military);
  return Float64Array.from(g, (value, i) => (value + m[i]) / 2);
}

/** For each state, the leading powers it is allied (tie: intensity) or aligned (tie: intensity / 2) with. */
function leaders(
  scenario: Scenario,
  stateIndex: Map<string, number>,
  capability: Float64Array,
): Pick<WorldStates, 'leaderOffset' | 'leaderState' | 'leaderTie' | 'leads'> {
  const n = capability.length;
  const threshold = scenario.parameters.voting.leaderCapability;
  const ties: { i: number; g: number; tie: number }[] = [];
  for (const relation of scenario.relations) {
    if (relation.kind !== 'alliance' && relation.kind !== 'alignment') continue;
    const a = stateIndex.get(relation.a) as number;
    const b = stateIndex.get(relation.b) as number;
    const tie = relation.intensity * (relation.kind === 'alliance' ? 1 : 0.5);
    if (capability[b] >= threshold) ties.push({ i: a, g: b, tie });
    if (capability[a] >= threshold) ties.push({ i: b, g: a, tie });
  }
  ties.sort((x, y) => x.i - y.i || x.g - y.g);
  const leaderOffset = new Int32Array(n + 1);
  for (const { i } of ties) leaderOffset[i + 1]++;
  for (let i = 0; i < n; i++) leaderOffset[i + 1] += leaderOffset[i];
  const leads = new Uint8Array(n);
  for (const { g } of ties) leads[g] = 1;
  return {
    leaderOffset,
    leads,
    leaderState: Int32Array.from(ties.map((t) => t.g)),
    leaderTie: Float64Array.from(ties.map((t) => t.tie)),
  };
}
