import { DIMENSION_COUNT, DIMENSIONS } from '../../model/dimensions.js';
import { isEligible } from '../../scenario/eligibility.js';
import type { Scenario } from '../../scenario/schema.js';
import type { WorldCbms } from './cbms.js';
import type { WorldStates } from './states.js';

/** The organisations of a World: members, weights, catalogues, coordinators, chairs, partnerships. */
export interface WorldOrganisations {
  orgIds: string[];
  orgCount: number;
  /** Members of organisation o: memberList[o * n + 0 .. memberCount[o]). */
  memberList: Int32Array;
  memberCount: Int32Array;
  /** Voting weight of state i in organisation o: weight[o * n + i] (1 unless the scenario says). */
  weight: Float64Array;
  /** Eligible observers and dialogue partners, or every eligible non-member (`applicants: eligible`): candidate[o * n + i] = 1 (they may apply of their own accord). */
  candidate: Uint8Array;
  /** CBMs organisation o may table: catalogue[o * cbmCount + 0 .. catalogueSize[o]). */
  catalogue: Int32Array;
  catalogueSize: Int32Array;
  agendaSize: Int32Array;
  /** The CBM an organisation answers a crisis with: its catalogue's strongest on new threats (−1: none). */
  crisisCbm: Int32Array;
  /** coordinator[(o × n + i) × DIMENSION_COUNT + d] = 1 when state i coordinates dimension d in organisation o. */
  coordinator: Uint8Array;
  /** The chair rotation of organisation o: chairOrder[o] (state indices), each serving chairTermSteps[o] steps. */
  chairOrder: Int32Array[];
  chairTermSteps: Int32Array;
  /** Partnerships in force at the start: partnered[o1 * orgCount + o2] = 1, both ways. */
  partnered: Uint8Array;
  /** CBMs two organisations may table jointly (in both catalogues): jointCatalogue[o1 * orgCount + o2]. */
  jointCatalogue: Int32Array[];
}

export function compileOrganisations(
  scenario: Scenario,
  states: WorldStates,
  cbms: WorldCbms,
): WorldOrganisations {
  const { n, stateIndex } = states;
  const { cbmIds, cbmCount } = cbms;
  const indexOf = (id: string) => stateIndex.get(id) as number;
  const cbmIndex = new Map(cbmIds.map((id, c) => [id, c]));
  const orgIds = Object.keys(scenario.organisations);
  const orgCount = orgIds.length;
  const memberList = new Int32Array(orgCount * n);
  const memberCount = new Int32Array(orgCount);
  const weight = new Float64Array(orgCount * n).fill(1);
  const candidate = new Uint8Array(orgCount * n);
  const catalogue = new Int32Array(orgCount * Math.max(cbmCount, 1));
  const catalogueSize = new Int32Array(orgCount);
  const agendaSize = new Int32Array(orgCount);
  const coordinator = new Uint8Array(orgCount * n * DIMENSION_COUNT);
  const chairOrder: Int32Array[] = [];
  const chairTermSteps = new Int32Array(orgCount);
  orgIds.forEach((orgId, o) => {
    const org = scenario.organisations[orgId];
    org.members.forEach((id, m) => {
      memberList[o * n + m] = indexOf(id);
    });
    memberCount[o] = org.members.length;
    for (const [id, w] of Object.entries(org.weights)) weight[o * n + indexOf(id)] = w;
    // Observers and partners may apply of their own accord, if the eligibility rule admits them;
    // with `applicants: eligible`, every eligible state that is not a member may.
    const applicants =
      org.applicants === 'eligible'
        ? Object.keys(scenario.actors).filter((id) => !org.members.includes(id))
        : [...org.observers, ...org.partners];
    for (const id of applicants) if (isEligible(org, scenario.actors[id])) candidate[o * n + indexOf(id)] = 1;
    const ids = org.catalogue === 'all' ? cbmIds : org.catalogue;
    ids.forEach((id, k) => {
      catalogue[o * cbmCount + k] = cbmIndex.get(id) as number;
    });
    catalogueSize[o] = ids.length;
    agendaSize[o] = org.agendaSize;
    DIMENSIONS.forEach((d, k) => {
      for (const id of org.coordinators[d] ?? [])
        coordinator[(o * n + indexOf(id)) * DIMENSION_COUNT + k] = 1;
    });
    chairOrder.push(Int32Array.from((org.chair.order ?? org.members).map(indexOf)));
    chairTermSteps[o] = Math.max(1, Math.round(org.chair.termYears * scenario.stepsPerYear));
  });
  return {
    orgIds,
    orgCount,
    memberList,
    memberCount,
    weight,
    candidate,
    catalogue,
    catalogueSize,
    agendaSize,
    crisisCbm: crisisResponses(catalogue, catalogueSize, cbms, orgCount),
    coordinator,
    chairOrder,
    chairTermSteps,
    ...partnerships(scenario, orgIds, catalogue, catalogueSize, cbmCount),
  };
}

/** Each organisation's answer to a crisis: the CBM of its catalogue with the most benefit on new threats. */
function crisisResponses(
  catalogue: Int32Array,
  catalogueSize: Int32Array,
  cbms: WorldCbms,
  orgCount: number,
): Int32Array {
  const newThreats = DIMENSIONS.indexOf('newThreats');
  const crisisCbm = new Int32Array(orgCount).fill(-1);
  for (let o = 0; o < orgCount; o++) {
    let best = 0;
    for (let k = 0; k < catalogueSize[o]; k++) {
      const c = catalogue[o * cbms.cbmCount + k];
      const benefit = cbms.cbmBenefit[c * DIMENSION_COUNT + newThreats];
      if (benefit > best) {
        best = benefit;
        crisisCbm[o] = c;
      }
    }
  }
  return crisisCbm;
}

/** The partnerships in force at the start, and the CBMs each pair of organisations shares. */
function partnerships(
  scenario: Scenario,
  orgIds: string[],
  catalogue: Int32Array,
  catalogueSize: Int32Array,
  cbmCount: number,
): Pick<WorldOrganisations, 'partnered' | 'jointCatalogue'> {
  const orgCount = orgIds.length;
  const partnered = new Uint8Array(orgCount * orgCount);
  for (const { organisations } of scenario.partnerships) {
    const [a, b] = organisations.map((id) => orgIds.indexOf(id));
    partnered[a * orgCount + b] = 1;
    partnered[b * orgCount + a] = 1;
  }
  const jointCatalogue: Int32Array[] = [];
  for (let a = 0; a < orgCount; a++) {
    for (let b = 0; b < orgCount; b++) {
      const inA = new Set(catalogue.subarray(a * cbmCount, a * cbmCount + catalogueSize[a]));
      const both = Array.from(catalogue.subarray(b * cbmCount, b * cbmCount + catalogueSize[b])).filter((c) =>
        inA.has(c),
      );
      jointCatalogue.push(Int32Array.from(a === b ? [] : both));
    }
  }
  return { partnered, jointCatalogue };
}
