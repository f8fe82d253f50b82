import type { RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Before deliberating, each organisation takes stock of trust among its members: each member's
 * mean trust in the others (used when it votes), its lowest trust in another (its adversity when
 * implementing, docs/MODEL.md §Implementation) and the mean over all ordered member pairs (which
 * decides how complex a CBM may be tabled; docs/MODEL.md §Agenda).
 */
export function assessTrust(world: World, state: RunState): void {
  const { n } = world;
  const { positive, negative, basePositive, baseNegative, updatedAt, retention } = state.trust;
  const { memberList, step } = state;
  for (let o = 0; o < world.orgCount; o++) {
    const count = state.memberCount[o];
    const base = o * n;
    let total = 0;
    for (let a = 0; a < count; a++) {
      const i = memberList[base + a];
      const row = i * n;
      let sum = 0;
      let lowest = 1;
      // trustAt(i, j) written out over the other members: this is every member pair, every step.
      for (let b = 0; b < count; b++) {
        if (a === b) continue;
        const cell = row + memberList[base + b];
        const kept = retention[step - updatedAt[cell]];
        const r0 = basePositive[cell];
        const trust =
          (positive[cell] * kept + r0) / ((positive[cell] + negative[cell]) * kept + r0 + baseNegative[cell]);
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
