import type { Scenario } from '../../scenario/schema.js';
import type { WorldStates } from './states.js';

/** The trust each state has in each other when a run starts, as Beta evidence. */
export interface WorldInitialTrust {
  /** Initial Beta evidence, [i * n + j]. */
  initialPositive: Float64Array;
  initialNegative: Float64Array;
}

/** Initial trust is kept away from 0 and 1: no pair starts in certainty. */
const INITIAL_TRUST_MIN = 0.05;
const INITIAL_TRUST_MAX = 0.95;

/**
 * Initial trust of each ordered pair (docs/MODEL.md §Trust):
 *   t0 = 0.5 + sharedMembership × (organisations and groups both belong to)
 *            + Σ relationEffect[kind] × intensity over the relations between them,
 * clamped to [0.05, 0.95], then written as priorStrength pseudo-observations:
 *   r = priorStrength × t0, s = priorStrength × (1 − t0).
 * Relations are symmetric: they set both directions.
 */
export function compileInitialTrust(scenario: Scenario, states: WorldStates): WorldInitialTrust {
  const { stateIds, stateIndex } = states;
  const n = stateIds.length;
  const { priorStrength, sharedMembership, relationEffect } = scenario.parameters.trust;
  const shift = new Float64Array(n * n);

  const groupsOf = stateIds.map((id) => {
    const groups = new Set(scenario.actors[id].groups);
    for (const [orgId, org] of Object.entries(scenario.organisations))
      if (org.members.includes(id)) groups.add(`org:${orgId}`);
    return groups;
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let shared = 0;
      for (const group of groupsOf[i]) if (groupsOf[j].has(group)) shared++;
      shift[i * n + j] = sharedMembership * shared;
    }
  }
  for (const relation of scenario.relations) {
    const a = stateIndex.get(relation.a) as number;
    const b = stateIndex.get(relation.b) as number;
    const delta = relationEffect[relation.kind] * relation.intensity;
    shift[a * n + b] += delta;
    shift[b * n + a] += delta;
  }

  const initialPositive = new Float64Array(n * n);
  const initialNegative = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t0 = Math.min(INITIAL_TRUST_MAX, Math.max(INITIAL_TRUST_MIN, 0.5 + shift[i * n + j]));
      initialPositive[i * n + j] = priorStrength * t0;
      initialNegative[i * n + j] = priorStrength * (1 - t0);
    }
  }
  return { initialPositive, initialNegative };
}
