import { isMember, type RunState } from '../state.js';
import { addEvidence } from '../trust.js';
import type { World } from '../world.js';

/**
 * Scheduled events (docs/MODEL.md §Events). A border clash adds negative evidence
 *   s[i→j] += clashEvidence × magnitude
 * between every ordered pair of its parties, and counts as a conflict in each organisation of
 * which at least two parties are members.
 */
export function applyScheduledEvents(world: World, state: RunState): void {
  const { clashEvidence } = world.parameters.events;
  while (state.nextEvent < world.eventCount && world.eventStep[state.nextEvent] <= state.step) {
    const e = state.nextEvent++;
    if (world.eventStep[e] < state.step) continue; // scheduled before this run's first step
    const start = world.eventPartyStart[e];
    const count = world.eventPartyCount[e];
    const negative = clashEvidence * world.eventMagnitude[e];
    for (let a = 0; a < count; a++) {
      for (let b = 0; b < count; b++) {
        if (a !== b)
          addEvidence(
            state.trust,
            world.eventParties[start + a],
            world.eventParties[start + b],
            state.step,
            0,
            negative,
          );
      }
    }
    for (let o = 0; o < world.orgCount; o++) {
      let partiesInside = 0;
      for (let a = 0; a < count; a++)
        if (isMember(state, world.n, o, world.eventParties[start + a])) partiesInside++;
      if (partiesInside >= 2) state.conflicts[o]++;
    }
  }
}
