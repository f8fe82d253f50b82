import type { Scenario } from '../../scenario/schema.js';
import type { WorldStates } from './states.js';

/** Kinds of shock, in the order of World.eventKind's codes. */
export const SHOCK_KINDS = ['border-clash', 'cyber-incident', 'pandemic', 'terrorist-attack'] as const;

/** What a scenario schedules: shocks and applications for membership, each sorted by step. */
export interface WorldEvents {
  /** Scheduled shocks sorted by step: their kind (an index into SHOCK_KINDS), step, magnitude and parties. */
  eventKind: Uint8Array;
  /** Parties of shock e: eventParties[eventPartyStart[e] ..+ eventPartyCount[e]). */
  eventCount: number;
  eventStep: Int32Array;
  eventMagnitude: Float64Array;
  eventPartyStart: Int32Array;
  eventPartyCount: Int32Array;
  eventParties: Int32Array;
  /** Scheduled applications sorted by step: who applies to which organisation when. */
  applicationCount: number;
  applicationStep: Int32Array;
  applicationState: Int32Array;
  applicationOrg: Int32Array;
}

type Shock = { kind: (typeof SHOCK_KINDS)[number]; step: number; parties: string[]; magnitude: number };

export function compileEvents(scenario: Scenario, states: WorldStates): WorldEvents {
  const indexOf = (id: string) => states.stateIndex.get(id) as number;
  const orgIds = Object.keys(scenario.organisations);
  const stepOf = (year: number) => (year - scenario.startYear) * scenario.stepsPerYear + 1;
  // Scheduled shocks, with their parties (none for a pandemic, the state struck for an attack).
  const events = scenario.events
    .flatMap((event): Shock[] => {
      const step = stepOf(event.year);
      switch (event.kind) {
        case 'border-clash':
        case 'cyber-incident':
          return [{ kind: event.kind, step, parties: event.parties, magnitude: event.magnitude }];
        case 'terrorist-attack':
          return [{ kind: event.kind, step, parties: [event.state], magnitude: event.magnitude }];
        case 'pandemic':
          return [{ kind: event.kind, step, parties: [] as string[], magnitude: event.magnitude }];
        default:
          return [];
      }
    })
    .sort((a, b) => a.step - b.step);
  // Scheduled applications, in the order they happen (sort is stable: same-year ones keep file order).
  const applications = scenario.events
    .flatMap((event) => (event.kind === 'application' ? [{ ...event, step: stepOf(event.year) }] : []))
    .sort((a, b) => a.step - b.step);
  const eventPartyStart = new Int32Array(events.length);
  const eventPartyCount = new Int32Array(events.length);
  let cursor = 0;
  events.forEach((event, e) => {
    eventPartyStart[e] = cursor;
    eventPartyCount[e] = event.parties.length;
    cursor += event.parties.length;
  });
  return {
    eventCount: events.length,
    eventKind: Uint8Array.from(events.map((event) => SHOCK_KINDS.indexOf(event.kind))),
    eventStep: Int32Array.from(events.map((event) => event.step)),
    eventMagnitude: Float64Array.from(events.map((event) => event.magnitude)),
    eventPartyStart,
    eventPartyCount,
    eventParties: Int32Array.from(events.flatMap((event) => event.parties.map(indexOf))),
    applicationCount: applications.length,
    applicationStep: Int32Array.from(applications.map((a) => a.step)),
    applicationState: Int32Array.from(applications.map((a) => indexOf(a.state))),
    applicationOrg: Int32Array.from(applications.map((a) => orgIds.indexOf(a.org))),
  };
}
