import { RELATION_KINDS } from '../../model/proposals.js';
import { admitMember, currentYear, type RunState, refreshRules } from '../state.js';
import { DATED_KINDS, type World } from '../world.js';

const [FOUNDING, STATUS, CHAIR, RELATION] = [0, 1, 2, 3]; // World.datedKind codes (DATED_KINDS order)

/**
 * Dated events of this step (docs/MODEL.md §Dated events), before anything else happens in it:
 * - **founding**: the organisation's listed members join it (no admission vote; not counted as
 *   admissions), and from now on it tables, votes, reforms and admits;
 * - **status**: the state may (an eligible observer or partner) or may not apply of its own accord;
 * - **chair**: the named state chairs from now on, in place of the rotation;
 * - **relation**: the pair's relations are replaced by the one named: both directions' structural
 *   evidence becomes priorStrength × t0 and priorStrength × (1 − t0), with
 *   t0 = clamp(½ + sharedMembership × shared + relationEffect[kind] × intensity), shared counted
 *   at the start as for the initial trust; and the pair's clash (conflict, dispute) or cyber
 *   (rivalry) hazard takes the new intensity, the other none. Evidence gathered so far stays.
 */
export function applyDatedEvents(world: World, state: RunState): void {
  while (state.nextDated < world.datedCount && world.datedStep[state.nextDated] <= state.step) {
    const e = state.nextDated++;
    if (world.datedStep[e] < state.step) continue; // dated before this run's first step
    const o = world.datedOrg[e];
    const i = world.datedState[e];
    switch (world.datedKind[e]) {
      case FOUNDING:
        found(world, state, o);
        break;
      case STATUS:
        state.candidate[o * world.n + i] = world.datedValue[e];
        break;
      case CHAIR:
        state.chairOverride[o] = i;
        break;
      case RELATION:
        changeRelation(world, state, i, world.datedOther[e], world.datedValue[e], world.datedIntensity[e]);
        break;
    }
    traceDated(world, state, e);
  }
}

/** The founding members (the scenario's list) join, and the rules are compiled for them. */
function found(world: World, state: RunState, o: number): void {
  const { n } = world;
  for (let m = 0; m < world.memberCount[o]; m++) admitMember(world, state, o, world.memberList[o * n + m]);
  refreshRules(world, state, o);
}

function changeRelation(
  world: World,
  state: RunState,
  a: number,
  b: number,
  kind: number,
  intensity: number,
): void {
  const { priorStrength, initialRange, relationEffect } = world.parameters.trust;
  const effect = kind < 0 ? 0 : relationEffect[RELATION_KINDS[kind]] * intensity;
  setStructural(world, state, a, b, effect, priorStrength, initialRange);
  setStructural(world, state, b, a, effect, priorStrength, initialRange);
  const clash = RELATION_KINDS[kind] === 'conflict' || RELATION_KINDS[kind] === 'dispute';
  setHazard(world.clashPairA, world.clashPairB, state.clashIntensity, a, b, clash ? intensity : 0);
  setHazard(
    world.rivalPairA,
    world.rivalPairB,
    state.rivalIntensity,
    a,
    b,
    RELATION_KINDS[kind] === 'rivalry' ? intensity : 0,
  );
}

/** i's structural evidence about j: t0 = clamp(½ + the shared memberships' shift + the relation's effect). */
function setStructural(
  world: World,
  state: RunState,
  i: number,
  j: number,
  effect: number,
  priorStrength: number,
  [low, high]: readonly [number, number],
): void {
  const cell = i * world.n + j;
  const t0 = Math.min(high, Math.max(low, 0.5 + world.membershipShift[cell] + effect));
  state.trust.basePositive[cell] = priorStrength * t0;
  state.trust.baseNegative[cell] = priorStrength * (1 - t0);
}

/** The first listed entry of the pair gets `intensity`, any other entry of it none. */
function setHazard(
  pairA: Int32Array,
  pairB: Int32Array,
  intensities: Float64Array,
  a: number,
  b: number,
  intensity: number,
): void {
  let first = true;
  for (let k = 0; k < pairA.length; k++) {
    if (!((pairA[k] === a && pairB[k] === b) || (pairA[k] === b && pairB[k] === a))) continue;
    intensities[k] = first ? intensity : 0;
    first = false;
  }
}

function traceDated(world: World, state: RunState, e: number): void {
  if (!state.trace) return;
  const kind = world.datedKind[e];
  const o = world.datedOrg[e];
  const i = world.datedState[e];
  state.trace({
    type: 'dated',
    step: state.step,
    year: currentYear(world, state),
    kind: DATED_KINDS[kind],
    ...(o >= 0 ? { org: world.orgIds[o] } : {}),
    ...(i >= 0 ? { state: world.stateIds[i] } : {}),
    ...(kind === RELATION
      ? {
          other: world.stateIds[world.datedOther[e]],
          relation: world.datedValue[e] < 0 ? 'none' : RELATION_KINDS[world.datedValue[e]],
          intensity: world.datedIntensity[e],
        }
      : {}),
    ...(kind === STATUS ? { mayApply: world.datedValue[e] === 1 } : {}),
  });
}
