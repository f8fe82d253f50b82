import type { Scenario } from '../../scenario/schema.js';
import { foundedDuringRun } from './dated-events.js';
import type { WorldStates } from './states.js';

/** Each pair's structural trust: where it starts, and where its trust returns when evidence fades. */
export interface WorldInitialTrust {
  /** The structural trust of i in j, t0[i * n + j] (0 on the diagonal, whose base evidence is ½ each). */
  structuralTrust: Float64Array;
  /** The same as Beta pseudo-observations: basePositive = priorStrength × t0, baseNegative = priorStrength × (1 − t0). */
  basePositive: Float64Array;
  baseNegative: Float64Array;
  /**
   * sharedMembership × the organisations and groups i and j share at the start, [i * n + j]: what
   * a relation event adds its relation's effect to (phases/dated.ts). Empty when no relation changes.
   */
  membershipShift: Float64Array;
}

/**
 * Structural trust of each ordered pair (docs/MODEL.md §Trust):
 *   t0 = 0.5 + sharedMembership × (organisations and groups both belong to)
 *            + Σ relationEffect[kind] × intensity over every relation between them,
 * clamped to trust.initialRange, then written as priorStrength pseudo-observations that are never
 * forgotten: r0 = priorStrength × t0, s0 = priorStrength × (1 − t0). Relations set both directions.
 */
export function compileInitialTrust(scenario: Scenario, states: WorldStates): WorldInitialTrust {
  const { stateIds, stateIndex } = states;
  const n = stateIds.length;
  const { priorStrength, sharedMembership, relationEffect, initialRange } = scenario.parameters.trust;
  const [low, high] = initialRange;
  const shift = new Float64Array(n * n);

  // An organisation founded during the run shares no membership at the start (as with any admission).
  const later = foundedDuringRun(scenario);
  const groupsOf = stateIds.map((id) => {
    const groups = new Set(scenario.actors[id].groups);
    for (const [orgId, org] of Object.entries(scenario.organisations))
      if (org.members.includes(id) && !later.has(orgId)) groups.add(`org:${orgId}`);
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
  const membershipShift = scenario.events.some((e) => e.kind === 'relation')
    ? shift.slice()
    : new Float64Array(0);
  for (const relation of scenario.relations) {
    const a = stateIndex.get(relation.a) as number;
    const b = stateIndex.get(relation.b) as number;
    const delta = relationEffect[relation.kind] * relation.intensity;
    shift[a * n + b] += delta;
    shift[b * n + a] += delta;
  }

  const structuralTrust = new Float64Array(n * n);
  const basePositive = new Float64Array(n * n);
  const baseNegative = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // Nobody is asked about themselves; ½ keeps the diagonal finite.
      if (i === j) {
        basePositive[i * n + i] = priorStrength / 2;
        baseNegative[i * n + i] = priorStrength / 2;
        continue;
      }
      const t0 = Math.min(high, Math.max(low, 0.5 + shift[i * n + j]));
      structuralTrust[i * n + j] = t0;
      basePositive[i * n + j] = priorStrength * t0;
      baseNegative[i * n + j] = priorStrength * (1 - t0);
    }
  }
  return { structuralTrust, basePositive, baseNegative, membershipShift };
}
