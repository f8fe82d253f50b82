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
}

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
  };
}
