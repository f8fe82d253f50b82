import { type CompiledFormula, compileFormula } from '../model/formula.js';
import type { Parameters, Scenario } from '../scenario/schema.js';
import { compileCbms, type WorldCbms } from './compile/cbms.js';
import { compileDatedEvents, type WorldDatedEvents } from './compile/dated-events.js';
import { compileEvents, type WorldEvents } from './compile/events.js';
import { compileInitialTrust, type WorldInitialTrust } from './compile/initial-trust.js';
import { compileLadders, type WorldLadders } from './compile/ladders.js';
import { compileOrganisations, type WorldOrganisations } from './compile/organisations.js';
import { compileStates, type WorldStates } from './compile/states.js';

export { DATED_KINDS } from './compile/dated-events.js';
export { SHOCK_KINDS } from './compile/events.js';

/** When a run happens, its parameters, and the voting formula if the scenario has one. */
export interface WorldSettings {
  /** The scenario's voting formula, compiled once; absent: the built-in score. */
  formula?: CompiledFormula;
  startYear: number;
  stepsPerYear: number;
  steps: number;
  parameters: Parameters;
}

/**
 * A scenario compiled for the step loop: states, organisations and CBMs become indices, and every
 * quantity the loop reads lives in a flat typed array. A World is read-only during a run (the
 * mutable part is RunState), so one World serves any number of runs. It is grouped by concept,
 * each part made by its own compiler in engine/compile/.
 */
export type World = WorldSettings &
  WorldStates &
  WorldCbms &
  WorldOrganisations &
  WorldLadders &
  WorldEvents &
  WorldDatedEvents &
  WorldInitialTrust;

export interface CompileOptions {
  /** Overrides the scenario's horizon. */
  years?: number;
}

export function compileWorld(scenario: Scenario, options: CompileOptions = {}): World {
  const formulaText = scenario.parameters.voting.formula;
  const states = compileStates(scenario);
  const cbms = compileCbms(scenario);
  return {
    formula: formulaText === undefined ? undefined : compileFormula(formulaText),
    startYear: scenario.startYear,
    stepsPerYear: scenario.stepsPerYear,
    steps: (options.years ?? scenario.years) * scenario.stepsPerYear,
    parameters: scenario.parameters,
    ...states,
    ...cbms,
    ...compileOrganisations(scenario, states, cbms),
    ...compileLadders(scenario),
    ...compileEvents(scenario, states),
    ...compileDatedEvents(scenario, states),
    ...compileInitialTrust(scenario, states),
  };
}
