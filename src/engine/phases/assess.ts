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
  for (let o = 0; o < world.orgCount; o++) {
    const count = state.memberCount[o];
    // Every member pair (kernels/kernels.ts assess): each member's mean and lowest trust in the others.
    const total = state.trust.kernels.assess(
      state.step,
      state.memberList,
      o * n,
      count,
      state.meanTrustToMembers,
      state.lowestTrustToMembers,
      o * n,
    );
    state.orgMeanTrust[o] = count > 0 ? total / count : Number.NaN;
  }
}
