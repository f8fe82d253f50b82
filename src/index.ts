/**
 * cica-sim as a library. The data flow, one call each:
 *   loadScenario(file) → compileWorld(scenario) → simulateRecorded(world, seed) → summarizeRun(result)
 * (`simulate` is the engine's loop, which records what it is given; `simulateRecorded` gives it
 * the shipped metrics.)
 */

export {
  experimentJsonSchema,
  scenarioJsonSchema,
  sensitivityJsonSchema,
  votingBodyJsonSchema,
} from './cli/schema.js';
export { customPhase, type Phase, type PhaseRun, runStep } from './engine/phase.js';
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
export type { Recorder } from './engine/recorder.js';
export { type RunResult, type SimulateOptions, simulate, valueAt } from './engine/simulate.js';
export type { RunState } from './engine/state.js';
export { addEvidence, trustAt, uncertaintyAt } from './engine/trust.js';
export { type CompileOptions, compileWorld, type World } from './engine/world.js';
// Experiments, stage by stage (docs/ARCHITECTURE.md): sensitivity studies and calibration reuse them.
export { writeAnalyses } from './experiment/analyses.js';
export { type CheckpointStore, openCheckpoint, type Progress } from './experiment/checkpoint.js';
export { type Collector, createCollector } from './experiment/collect.js';
export { dispatch } from './experiment/dispatch.js';
export { type JobSpace, jobAt, jobCount, shardRange, worldAt, worldIndex } from './experiment/jobs.js';
export { type ExperimentLoadOptions, loadExperiment, type ResolvedExperiment } from './experiment/load.js';
export { mergeShards } from './experiment/merge.js';
export { type ExperimentPlan, planExperiment, replicationsLeft } from './experiment/plan.js';
export {
  type ExperimentOutcome,
  type ExperimentRunOptions,
  runExperiment,
} from './experiment/run-experiment.js';
// Sensitivity studies of the model (cica-sim sensitivity): the same stages, a plan of sample points and an analysis.
export { loadSensitivity, type ResolvedSensitivity } from './experiment/sensitivity/load.js';
export { planSensitivity, runSensitivity, type SensitivityOutcome } from './experiment/sensitivity/run.js';
export { layoutOf } from './experiment/tables.js';
export { writeTables } from './experiment/write-tables.js';
export { formatProblem, InputError, type InputProblem } from './input/errors.js';
export { METRIC_NAMES, RECORDERS } from './metrics/recorders.js';
export { simulateRecorded } from './metrics/simulate-recorded.js';
export { type RunSummary, summarizeRun } from './metrics/summarize.js';
export { timeseriesRows, vetoRows } from './metrics/timeseries.js';
export { type Calendar, yearOfStep } from './model/calendar.js';
export { DIMENSIONS, type Dimension } from './model/dimensions.js';
export { PROPOSAL_KINDS, type ProposalKind } from './model/proposals.js';
export { type CompiledRule, compileRule } from './rules/compile.js';
export { decide } from './rules/decide.js';
export { type Rule, RuleSchema } from './rules/schema.js';
export { ABSTAIN, NO, YES } from './rules/votes.js';
export { type LoadedScenario, type LoadOptions, loadScenario } from './scenario/load.js';
export { type Scenario, ScenarioSchema } from './scenario/schema.js';
// Sensitivity analysis of any model (x: number[]) => number: Sobol' indices, Morris screening, Latin hypercubes.
export type { Factor, SensitivityModel } from './sensitivity/factors.js';
export { latinHypercube } from './sensitivity/latin-hypercube.js';
export { type MorrisFactor, type MorrisOptions, morrisScreening } from './sensitivity/morris.js';
export { type SobolFactor, type SobolOptions, sobolIndices } from './sensitivity/sobol-indices.js';
// The output tables: one registry, a declaration per table, typed readers.
export * from './tables/experiment-tables.js';
export { FILES, TABLES, type TableName } from './tables/files.js';
export { type Manifest, readManifest } from './tables/manifest.js';
export * from './tables/outcome-tables.js';
export {
  type ColumnKind,
  forEachRow,
  formatTable,
  parseTable,
  readTable,
  type TableDeclaration,
} from './tables/registry.js';
export * from './tables/run-tables.js';
export { createRng, type Rng } from './util/rng.js';
export { VERSION } from './version.js';
