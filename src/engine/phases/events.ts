import { DIMENSION_COUNT, DIMENSIONS } from '../../model/dimensions.js';
import type { RunRandom } from '../random.js';
import { currentYear, isMember, type RunState } from '../state.js';
import { addEvidence, trustAt } from '../trust.js';
import { SHOCK_KINDS, type World } from '../world.js';
import { applyDatedEvents } from './dated.js';

const NEW_THREATS = DIMENSIONS.indexOf('newThreats');
const HUMAN = DIMENSIONS.indexOf('human');
const [CLASH, CYBER, PANDEMIC, TERROR] = [0, 1, 2, 3]; // World.eventKind codes (SHOCK_KINDS order)

/**
 * What happens in the world this step (docs/MODEL.md §Events), before any organisation meets:
 *   0. the dated events of the step (phases/dated.ts: foundings, statuses, chairs, relations);
 *   1. salience shifted by earlier shocks fades back: a share events.salienceRecovery a year;
 *   2. scheduled shocks of this step happen;
 *   3. with events.hazards, shocks are also drawn:
 *      - a border clash between a pair in conflict or dispute, with probability
 *        clashRate / stepsPerYear × intensity × (1 − mutual trust);
 *      - a cyber incident between rivals, with probability cyberRate / stepsPerYear × intensity;
 *      - a pandemic, with probability pandemicRate / stepsPerYear;
 *      - a terrorist attack, with probability terrorRate / stepsPerYear, on a state drawn in
 *        proportion to its salience of new threats.
 * Clashes and incidents add negative evidence between the parties (clashEvidence and cyberEvidence
 * × magnitude); a clash counts as a conflict in each organisation with two parties as members. A
 * pandemic raises every state's salience of new threats and the human dimension by pandemicShift ×
 * magnitude; an attack raises new threats in the struck state's subregion by terrorShift ×
 * magnitude (capped at 1). Pandemics and attacks call for a crisis response in the organisations
 * they touch. Every shock touching a member counts in that organisation's `shocks`.
 */
export function applyEvents(world: World, state: RunState, random: RunRandom): void {
  applyDatedEvents(world, state);
  const e = world.parameters.events;
  const perStep = 1 / world.stepsPerYear;

  // 1. Fading back toward each state's own salience.
  const recovery = 1 - (1 - e.salienceRecovery) ** perStep;
  for (let k = 0; k < state.salience.length; k++)
    state.salience[k] += (world.salience[k] - state.salience[k]) * recovery;

  // 2. Scheduled shocks.
  while (state.nextEvent < world.eventCount && world.eventStep[state.nextEvent] <= state.step) {
    const ev = state.nextEvent++;
    if (world.eventStep[ev] < state.step) continue; // scheduled before this run's first step
    const start = world.eventPartyStart[ev];
    const count = world.eventPartyCount[ev];
    const magnitude = world.eventMagnitude[ev];
    if (state.trace) {
      traceShock(
        world,
        state,
        world.eventKind[ev],
        Array.from(world.eventParties.subarray(start, start + count)),
        magnitude,
      );
    }
    switch (world.eventKind[ev]) {
      case CLASH:
      case CYBER: {
        const evidence = (world.eventKind[ev] === CLASH ? e.clashEvidence : e.cyberEvidence) * magnitude;
        for (let a = 0; a < count; a++) {
          for (let b = 0; b < count; b++) {
            if (a !== b)
              addEvidence(
                state.trust,
                world.eventParties[start + a],
                world.eventParties[start + b],
                state.step,
                0,
                evidence,
              );
          }
        }
        countAmongMembers(world, state, world.eventParties, start, count, world.eventKind[ev] === CLASH);
        break;
      }
      case PANDEMIC:
        pandemic(world, state, magnitude);
        break;
      case TERROR:
        terroristAttack(world, state, world.eventParties[start], magnitude);
        break;
    }
  }

  // 3. Shocks drawn from hazards.
  if (!e.hazards) return;
  const rng = random.events;
  for (let k = 0; k < world.clashPairA.length; k++) {
    const a = world.clashPairA[k];
    const b = world.clashPairB[k];
    const mutual = (trustAt(state.trust, a, b, state.step) + trustAt(state.trust, b, a, state.step)) / 2;
    if (rng.next() < e.clashRate * perStep * state.clashIntensity[k] * (1 - mutual)) {
      addEvidence(state.trust, a, b, state.step, 0, e.clashEvidence);
      addEvidence(state.trust, b, a, state.step, 0, e.clashEvidence);
      countPair(world, state, a, b, true);
      if (state.trace) traceShock(world, state, CLASH, [a, b], 1);
    }
  }
  for (let k = 0; k < world.rivalPairA.length; k++) {
    if (rng.next() < e.cyberRate * perStep * state.rivalIntensity[k]) {
      const a = world.rivalPairA[k];
      const b = world.rivalPairB[k];
      addEvidence(state.trust, a, b, state.step, 0, e.cyberEvidence);
      addEvidence(state.trust, b, a, state.step, 0, e.cyberEvidence);
      countPair(world, state, a, b, false);
      if (state.trace) traceShock(world, state, CYBER, [a, b], 1);
    }
  }
  if (rng.next() < e.pandemicRate * perStep) {
    pandemic(world, state, 1);
    if (state.trace) traceShock(world, state, PANDEMIC, [], 1);
  }
  if (rng.next() < e.terrorRate * perStep) {
    let total = 0;
    for (let i = 0; i < world.n; i++) total += state.salience[i * DIMENSION_COUNT + NEW_THREATS];
    let pick = rng.next() * total;
    let struck = world.n - 1;
    for (let i = 0; i < world.n; i++) {
      pick -= state.salience[i * DIMENSION_COUNT + NEW_THREATS];
      if (pick < 0) {
        struck = i;
        break;
      }
    }
    terroristAttack(world, state, struck, 1);
    if (state.trace) traceShock(world, state, TERROR, [struck], 1);
  }
}

function traceShock(world: World, state: RunState, kind: number, parties: number[], magnitude: number): void {
  state.trace?.({
    type: 'shock',
    step: state.step,
    year: currentYear(world, state),
    kind: SHOCK_KINDS[kind],
    parties: parties.map((i) => world.stateIds[i]),
    magnitude,
  });
}

function pandemic(world: World, state: RunState, magnitude: number): void {
  const shift = world.parameters.events.pandemicShift * magnitude;
  for (let i = 0; i < world.n; i++) {
    raise(state, i, NEW_THREATS, shift);
    raise(state, i, HUMAN, shift);
  }
  for (let o = 0; o < world.orgCount; o++) {
    state.crisisPending[o] = 1;
    state.shocks[o]++;
  }
}

function terroristAttack(world: World, state: RunState, struck: number, magnitude: number): void {
  const shift = world.parameters.events.terrorShift * magnitude;
  for (let i = 0; i < world.n; i++)
    if (world.subregion[i] === world.subregion[struck]) raise(state, i, NEW_THREATS, shift);
  for (let o = 0; o < world.orgCount; o++) {
    if (isMember(state, world.n, o, struck)) {
      state.crisisPending[o] = 1;
      state.shocks[o]++;
    }
  }
}

function raise(state: RunState, i: number, d: number, shift: number): void {
  const k = i * DIMENSION_COUNT + d;
  state.salience[k] = Math.min(1, state.salience[k] + shift);
}

/** Counts a shock between two states: a shock for each organisation with either as a member, a conflict where both are. */
function countPair(world: World, state: RunState, a: number, b: number, conflict: boolean): void {
  for (let o = 0; o < world.orgCount; o++) {
    const inA = isMember(state, world.n, o, a);
    const inB = isMember(state, world.n, o, b);
    if (inA || inB) state.shocks[o]++;
    if (conflict && inA && inB) state.conflicts[o]++;
  }
}

function countAmongMembers(
  world: World,
  state: RunState,
  parties: Int32Array,
  start: number,
  count: number,
  conflict: boolean,
): void {
  for (let o = 0; o < world.orgCount; o++) {
    let inside = 0;
    for (let a = 0; a < count; a++) if (isMember(state, world.n, o, parties[start + a])) inside++;
    if (inside > 0) state.shocks[o]++;
    if (conflict && inside >= 2) state.conflicts[o]++;
  }
}
