import { DIMENSION_COUNT } from '../../model/dimensions.js';
import type { RunRandom } from '../random.js';
import { currentYear, type RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Participants carry out adopted measures (docs/MODEL.md §Implementation). Each participant
 * implements with probability `implementation.probability`. Then, for every ordered pair of
 * distinct participants (i, j):
 *   both implemented            → r[i→j] += implementationEvidence
 *   i implemented, j did not    → s[i→j] += defectionEvidence
 *   i did not                   → nothing (i learnt nothing new about j)
 * The step's `implemented` counter counts participants who implemented, measure by measure.
 * A joint CBM of two partner organisations is implemented once by the participants of both
 * (a state in both counts once), and each organisation counts its own participants.
 */
export function implementMeasures(world: World, state: RunState, random: RunRandom): void {
  const { n } = world;
  const { probability } = world.parameters.implementation;
  const { implementationEvidence, defectionEvidence } = world.parameters.trust;
  const done = state.implementedBy;
  const list = state.participantList;
  const mark = state.participantMark;
  for (let p = 0; p < state.proposalCount; p++) {
    if (!state.passed[p]) continue;
    // A joint CBM (two linked proposals) is implemented once, by the participants of both.
    const q = state.proposalPartner[p];
    if (q >= 0 && q < p) continue;
    const o = state.proposalOrg[p];
    const c = state.proposalCbm[p];
    const linked = q >= 0 ? 2 : 1;
    let size = 0;
    for (let k = 0; k < linked; k++) {
      const r = k === 0 ? p : q;
      const ro = state.proposalOrg[r];
      for (let m = 0; m < state.memberCount[ro]; m++) {
        const i = state.memberList[ro * n + m];
        if (state.participants[r * n + i] && !mark[i]) {
          mark[i] = 1;
          list[size++] = i;
        }
      }
    }
    for (let k = 0; k < size; k++) mark[list[k]] = 0;
    const rng = random.implementation[o];
    // Institutions reached (a Secretariat, say) may raise the chance of implementing.
    const chance = Math.min(
      1,
      Math.max(0, probability + world.stageImplementation[world.stageOffset[o] + state.stage[o]]),
    );
    for (let k = 0; k < size; k++) done[list[k]] = rng.next() < chance ? 1 : 0;
    // Each organisation counts the implementations of its own participants.
    for (let k = 0; k < linked; k++) {
      const r = k === 0 ? p : q;
      const ro = state.proposalOrg[r];
      for (let m = 0; m < state.memberCount[ro]; m++) {
        const i = state.memberList[ro * n + m];
        if (!state.participants[r * n + i] || !done[i]) continue;
        state.implemented[ro]++;
        state.implementedTotal[ro]++;
        state.implementedByDimension[ro * DIMENSION_COUNT + world.cbmDimension[c]]++;
      }
    }
    if (state.trace) {
      const participants = Array.from(list.subarray(0, size));
      state.trace({
        type: 'implementation',
        step: state.step,
        year: currentYear(world, state),
        org: q >= 0 ? `${world.orgIds[o]}+${world.orgIds[state.proposalOrg[q]]}` : world.orgIds[o],
        cbm: world.cbmIds[c],
        implemented: participants.filter((i) => done[i]).map((i) => world.stateIds[i]),
        defected: participants.filter((i) => !done[i]).map((i) => world.stateIds[i]),
      });
    }
    // addEvidence for each ordered pair, written out: this loop is a fifth of a run's time.
    const { positive, negative, updatedAt, retention } = state.trust;
    const step = state.step;
    for (let a = 0; a < size; a++) {
      const i = list[a];
      if (!done[i]) continue;
      const row = i * n;
      for (let b = 0; b < size; b++) {
        if (a === b) continue;
        const j = list[b];
        const cell = row + j;
        const kept = retention[step - updatedAt[cell]];
        if (done[j]) {
          positive[cell] = positive[cell] * kept + implementationEvidence;
          negative[cell] *= kept;
        } else {
          positive[cell] *= kept;
          negative[cell] = negative[cell] * kept + defectionEvidence;
        }
        updatedAt[cell] = step;
      }
    }
  }
}
