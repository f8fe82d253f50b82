import { compileInitialTrust } from '../engine/compile/initial-trust.js';
import { compileStates } from '../engine/compile/states.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * The shape of a world's runs, known from its scenario before any run: the steps and calendar,
 * the organisations, states and subregions, and the rungs of each ladder. Tables, outcome
 * statistics and the resource estimates are laid out by it.
 */
export interface RunShape {
  steps: number;
  stepsPerYear: number;
  startYear: number;
  orgIds: string[];
  stateIds: string[];
  subregions: string[];
  rungNames: string[][];
  /** Each pair's structural trust, [i × states + j], to four decimals, for trust.csv's `initial` ([] above INITIAL_TRUST_STATES states). */
  initialTrust: number[];
}

/** Beyond this many states trust.csv leaves `initial` empty rather than hold n² numbers in every checkpoint. */
const INITIAL_TRUST_STATES = 500;

export function runShape(scenario: Scenario, years: number): RunShape {
  const stateIds = Object.keys(scenario.actors);
  const orgIds = Object.keys(scenario.organisations);
  return {
    steps: years * scenario.stepsPerYear,
    stepsPerYear: scenario.stepsPerYear,
    startYear: scenario.startYear,
    orgIds,
    stateIds,
    subregions: stateIds.map((id) => scenario.actors[id].subregion),
    rungNames: orgIds.map((id) => scenario.organisations[id].ladder.map((rung) => rung.name)),
    initialTrust:
      stateIds.length > INITIAL_TRUST_STATES
        ? []
        : Array.from(
            compileInitialTrust(scenario, compileStates(scenario)).structuralTrust,
            (t) => Math.round(t * 1e4) / 1e4,
          ),
  };
}
