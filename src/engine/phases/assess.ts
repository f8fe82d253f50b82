import type { RunState } from '../state.js';
import { trustAt } from '../trust.js';
import type { World } from '../world.js';

/**
 * Before deliberating, each organisation takes stock of trust among its members: each member's
 * mean trust in the others (used when it votes), its lowest trust in another (its adversity when
 * implementing, docs/MODEL.md §Implementation) and the mean over all ordered member pairs (which
 * decides how complex a CBM may be tabled; docs/MODEL.md §Agenda).
 */
export function assessTrust(world: World, state: RunState): void {
  const { n } = world;
  for (let o = 0; o < world.orgCount; o++) {
    const count = state.memberCount[o];
    const base = o * n;
    let total = 0;
    for (let a = 0; a < count; a++) {
      const i = state.memberList[base + a];
      let sum = 0;
      let lowest = 1;
      for (let b = 0; b < count; b++) {
        if (a === b) continue;
        const trust = trustAt(state.trust, i, state.memberList[base + b], state.step);
        sum += trust;
        if (trust < lowest) lowest = trust;
      }
      const mean = count > 1 ? sum / (count - 1) : 0.5;
      state.meanTrustToMembers[base + i] = mean;
      state.lowestTrustToMembers[base + i] = lowest;
      total += mean;
    }
    state.orgMeanTrust[o] = count > 0 ? total / count : Number.NaN;
  }
}
