import { DIMENSION_COUNT } from '../../model/dimensions.js';
import type { RunRandom } from '../random.js';
import { currentYear, type RunState } from '../state.js';
import { addEvidence } from '../trust.js';
import type { World } from '../world.js';

/**
 * Participants carry out adopted measures (docs/MODEL.md §Implementation). Each participant
 * implements with probability `implementation.probability`. Then, for every ordered pair of
 * distinct participants (i, j):
 *   both implemented            → r[i→j] += implementationEvidence
 *   i implemented, j did not    → s[i→j] += defectionEvidence
 *   i did not                   → nothing (i learnt nothing new about j)
 * The step's `implemented` counter counts participants who implemented, measure by measure.
 */
export function implementMeasures(world: World, state: RunState, random: RunRandom): void {
  const { n } = world;
  const { probability } = world.parameters.implementation;
  const { implementationEvidence, defectionEvidence } = world.parameters.trust;
  const done = state.implementedBy;
  for (let p = 0; p < state.proposalCount; p++) {
    if (!state.passed[p]) continue;
    const o = state.proposalOrg[p];
    const base = o * n;
    const count = state.memberCount[o];
    const rng = random.implementation[o];
    // Institutions reached (a Secretariat, say) may raise the chance of implementing.
    const chance = Math.min(
      1,
      Math.max(0, probability + world.stageImplementation[world.stageOffset[o] + state.stage[o]]),
    );
    for (let m = 0; m < count; m++) {
      const i = state.memberList[base + m];
      done[i] = state.participants[p * n + i] && rng.next() < chance ? 1 : 0;
      state.implemented[o] += done[i];
      state.implementedTotal[o] += done[i];
      state.implementedByDimension[o * DIMENSION_COUNT + world.cbmDimension[state.proposalCbm[p]]] += done[i];
    }
    if (state.trace) {
      const participants = Array.from(state.memberList.subarray(base, base + count)).filter(
        (i) => state.participants[p * n + i],
      );
      state.trace({
        type: 'implementation',
        step: state.step,
        year: currentYear(world, state),
        org: world.orgIds[o],
        cbm: world.cbmIds[state.proposalCbm[p]],
        implemented: participants.filter((i) => done[i]).map((i) => world.stateIds[i]),
        defected: participants.filter((i) => !done[i]).map((i) => world.stateIds[i]),
      });
    }
    for (let a = 0; a < count; a++) {
      const i = state.memberList[base + a];
      if (!state.participants[p * n + i] || !done[i]) continue;
      for (let b = 0; b < count; b++) {
        const j = state.memberList[base + b];
        if (a === b || !state.participants[p * n + j]) continue;
        if (done[j]) addEvidence(state.trust, i, j, state.step, implementationEvidence, 0);
        else addEvidence(state.trust, i, j, state.step, 0, defectionEvidence);
      }
    }
  }
}
