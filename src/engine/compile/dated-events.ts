import { RELATION_KINDS } from '../../model/proposals.js';
import { isEligible } from '../../scenario/eligibility.js';
import type { Scenario } from '../../scenario/schema.js';
import type { WorldStates } from './states.js';

/** Kinds of dated event, in the order of World.datedKind's codes. */
export const DATED_KINDS = ['founding', 'status', 'chair', 'relation'] as const;

/**
 * Dated changes of institutions and relations (docs/MODEL.md §Dated events), sorted by step: an
 * organisation founded, a status granted, a chair taking over, a relation changing. A historical
 * scenario takes these as given; accessions are not among them (the model must produce those).
 */
export interface WorldDatedEvents {
  datedCount: number;
  datedStep: Int32Array;
  /** An index into DATED_KINDS. */
  datedKind: Uint8Array;
  /** The organisation (founding, status, chair); −1 for a relation. */
  datedOrg: Int32Array;
  /** The state (status, chair) or the relation's first state. */
  datedState: Int32Array;
  /** The relation's second state; −1 otherwise. */
  datedOther: Int32Array;
  /** status: 1 when the state may now apply of its own accord (an eligible observer or partner), 0 if not; relation: the index in RELATION_KINDS, −1 for none. */
  datedValue: Int8Array;
  /** The relation's intensity. */
  datedIntensity: Float64Array;
  /** The step each organisation is founded at (0: before the run). Until then it has no members and does nothing. */
  foundingStep: Int32Array;
}

type Dated = {
  step: number;
  kind: number;
  org: number;
  state: number;
  other: number;
  value: number;
  intensity: number;
};

/** The organisations a scenario founds during the run (a founding event), by id. */
export function foundedDuringRun(scenario: Scenario): Set<string> {
  return new Set(scenario.events.flatMap((event) => (event.kind === 'founding' ? [event.org] : [])));
}

export function compileDatedEvents(scenario: Scenario, states: WorldStates): WorldDatedEvents {
  const indexOf = (id: string) => states.stateIndex.get(id) as number;
  const orgIds = Object.keys(scenario.organisations);
  const stepOf = (year: number) => (year - scenario.startYear) * scenario.stepsPerYear + 1;
  const dated: Dated[] = scenario.events.flatMap((event): Dated[] => {
    const base = { step: stepOf(event.year), other: -1, value: 0, intensity: 0 };
    switch (event.kind) {
      case 'founding':
        return [{ ...base, kind: 0, org: orgIds.indexOf(event.org), state: -1 }];
      case 'status': {
        const org = scenario.organisations[event.org];
        // Where every eligible state may apply, a status changes nothing of that.
        const eligible = isEligible(org, scenario.actors[event.state]);
        const mayApply = org.applicants === 'eligible' ? eligible : event.status !== 'none' && eligible;
        return [
          {
            ...base,
            kind: 1,
            org: orgIds.indexOf(event.org),
            state: indexOf(event.state),
            value: mayApply ? 1 : 0,
          },
        ];
      }
      case 'chair':
        return [{ ...base, kind: 2, org: orgIds.indexOf(event.org), state: indexOf(event.state) }];
      case 'relation':
        return [
          {
            ...base,
            kind: 3,
            org: -1,
            state: indexOf(event.a),
            other: indexOf(event.b),
            value: event.relation === 'none' ? -1 : RELATION_KINDS.indexOf(event.relation),
            intensity: event.intensity,
          },
        ];
      default:
        return [];
    }
  });
  // Stable: events of one step keep the file's order.
  dated.sort((a, b) => a.step - b.step);
  const foundingStep = new Int32Array(orgIds.length);
  for (const event of dated) if (event.kind === 0) foundingStep[event.org] = event.step;
  return {
    datedCount: dated.length,
    datedStep: Int32Array.from(dated.map((e) => e.step)),
    datedKind: Uint8Array.from(dated.map((e) => e.kind)),
    datedOrg: Int32Array.from(dated.map((e) => e.org)),
    datedState: Int32Array.from(dated.map((e) => e.state)),
    datedOther: Int32Array.from(dated.map((e) => e.other)),
    datedValue: Int8Array.from(dated.map((e) => e.value)),
    datedIntensity: Float64Array.from(dated.map((e) => e.intensity)),
    foundingStep,
  };
}
