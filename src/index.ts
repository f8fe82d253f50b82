/**
 * cica-sim as a library. The data flow, one call each:
 *   loadScenario(file) → compileWorld(scenario) → simulate(world, seed) → summarizeRun(result)
 */
export type { Phase } from './engine/phase.js';
export {
  applyEvents,
  assessTrust,
  castVotes,
  DEFAULT_PHASES,
  decideProposals,
  deliberate,
  enlarge,
  formPartnerships,
  implementMeasures,
  reformInstitutions,
  tableProposals,
} from './engine/phases/index.js';
export { createRunRandom, type RunRandom } from './engine/random.js';
export { createRng, type Rng } from './engine/rng.js';
export { type RunResult, type SimulateOptions, simulate, yearOfStep } from './engine/simulate.js';
export type { RunState } from './engine/state.js';
export { addEvidence, trustAt, uncertaintyAt } from './engine/trust.js';
export { type CompileOptions, compileWorld, type World } from './engine/world.js';
export { METRIC_NAMES, RECORDERS, type Recorder } from './metrics/recorders.js';
export { type RunSummary, summarizeRun } from './metrics/summarize.js';
export { timeseriesCsv, timeseriesRows } from './metrics/timeseries.js';
export { DIMENSIONS, type Dimension } from './model/dimensions.js';
export { PROPOSAL_KINDS, type ProposalKind } from './model/proposals.js';
export { type CompiledRule, compileRule } from './rules/compile.js';
export { decide } from './rules/decide.js';
export { type Rule, RuleSchema } from './rules/schema.js';
export { ABSTAIN, NO, YES } from './rules/votes.js';
export { formatProblem, InputError, type InputProblem } from './scenario/errors.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { type LoadedScenario, type LoadOptions, loadScenario } from './scenario/load.js';
export { type Scenario, ScenarioSchema } from './scenario/schema.js';
export { VERSION } from './version.js';
