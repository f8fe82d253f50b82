import { createHash } from 'node:crypto';
import { describeIssue } from '../input/describe-issue.js';
import { InputError, type InputProblem } from '../input/errors.js';
import { isPlainObject, parsePath } from '../input/paths.js';
import { readYamlFile } from '../input/read-yaml.js';
import { locate } from '../input/source-map.js';
import { closestName, fieldVocabulary } from '../input/suggest.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import type { Check } from '../model/check.js';
import type { ProposalKind } from '../model/proposals.js';
import type { Scenario } from '../scenario/schema.js';
import type { ChartSettings } from '../tables/chart-settings.js';
import { canonicalJson } from '../util/canonical-json.js';
import { resolveChartSettings } from './chart-settings.js';
import { checkProblems } from './checks.js';
import { type ExperimentFile, ExperimentSchema } from './schema.js';
import { resolveUncertainty, type Uncertainty } from './uncertainty.js';
import { loadVariantScenarios } from './variant-scenarios.js';

export interface SweepPoint {
  /** p0, p1, ... in the order of the grid (the last swept path varies fastest). */
  id: string;
  values: Record<string, unknown>;
}

/** An experiment with every variant × point resolved to a validated scenario. */
export interface ResolvedExperiment {
  name: string;
  question?: string;
  file: string;
  /** sha256 of everything that determines the results: settings and every scenario's content. */
  hash: string;
  seed: number;
  replications: number;
  years: number;
  variants: string[];
  sweptPaths: string[];
  points: SweepPoint[];
  /** scenarios[variant × points.length + point] */
  scenarios: Scenario[];
  scenarioHashes: string[];
  /** Facts each run is checked against (checks.csv). */
  checks: Check[];
  /** Analyses beside the runs (not part of the hash: they need no runs, and are rewritten on finishing). */
  analyses: Analyses;
  /** What the charts show (not part of the hash: charts do not change results). */
  charts: ChartSettings;
  /** Parameters drawn per replication (uncertainty.ts), or null. */
  uncertainty: Uncertainty | null;
  /** Whether runs.csv has a column per check (fact.<c>, value.<c>). */
  checkColumns: boolean;
}

/** What an experiment file asks to be analysed beside its runs (analyses.ts). */
export interface Analyses {
  /** Whose voting power to compare across variants, if anyone's (power.csv). */
  power: { org: string; kind: ProposalKind } | null;
}

export interface ExperimentLoadOptions {
  /** Overrides the file's replications (the CLI's --replications). */
  replications?: number;
}

export function loadExperiment(file: string, options: ExperimentLoadOptions = {}): ResolvedExperiment {
  const source = readYamlFile(file);
  const at = (path: string, message: string): InputProblem => ({
    location: locate(source.locations, path) ?? { file },
    path,
    message,
  });
  const parsed = ExperimentSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues
        .flatMap((issue) => describeIssue(issue, experimentVocabulary()))
        .map((p) => at(p.path, p.message)),
    );
  const experiment = parsed.data;

  checkPaths(experiment, at);
  const sweptPaths = Object.keys(experiment.sweep ?? {});

  const points = sweepGrid(experiment.sweep ?? {});
  const variants = Object.keys(experiment.variants);
  // Every variant's problems in one pass, each once; then what can still be checked.
  const { loaded, problems } = loadVariantScenarios(file, experiment, points, source.locations);
  if (loaded.length === 0) throw new InputError(problems);
  const organisations = new Set(loaded.flatMap((l) => Object.keys(l.scenario.organisations)));
  const charts = resolveChartSettings(experiment.charts, file, organisations, at, problems);
  const power = experiment.analyses?.power ?? null;
  if (power && !organisations.has(power.org))
    problems.push(
      at(
        'analyses.power.org',
        `expected an organisation of the scenario (${[...organisations].join(', ')}), found "${power.org}"${closestName(power.org, organisations) ? ` (did you mean ${closestName(power.org, organisations)}?)` : ''}`,
      ),
    );
  const checks = experiment.checks ?? [];
  const years = experiment.years ?? loaded[0].scenario.years;
  const seen = new Set<string>();
  checks.forEach((check, c) => {
    for (const { scenario } of loaded)
      for (const problem of checkProblems(check, scenario, years, METRIC_NAMES, `checks.${c}`)) {
        const key = `${problem.path}: ${problem.message}`;
        if (!seen.has(key)) problems.push(at(problem.path, problem.message));
        seen.add(key);
      }
  });
  const replications = options.replications ?? experiment.replications;
  const uncertainty = resolveUncertainty(
    file,
    experiment,
    points,
    replications,
    source.locations,
    at,
    problems,
  );
  if (problems.length) throw new InputError(problems);

  const scenarioHashes = loaded.map((l) => l.hash);
  const hash = createHash('sha256')
    .update(
      canonicalJson({
        name: experiment.name,
        seed: experiment.seed,
        replications,
        years,
        variants,
        points,
        scenarioHashes,
        ...(checks.length > 0 ? { checks } : {}),
        ...(uncertainty ? { uncertainty: uncertainty.factors } : {}),
        ...(experiment.checkColumns ? { checkColumns: true } : {}),
      }),
    )
    .digest('hex');
  return {
    name: experiment.name,
    question: experiment.question,
    file,
    hash: `sha256:${hash}`,
    seed: experiment.seed,
    replications,
    years,
    variants,
    sweptPaths,
    points,
    scenarios: loaded.map((l) => l.scenario),
    scenarioHashes,
    checks,
    analyses: { power },
    charts,
    uncertainty,
    checkColumns: experiment.checkColumns === true,
  };
}

/** Every combination of the swept values, the last path varying fastest; one empty point without a sweep. */
function sweepGrid(sweep: Record<string, unknown[]>): SweepPoint[] {
  let combinations: Record<string, unknown>[] = [{}];
  for (const [path, values] of Object.entries(sweep)) {
    combinations = combinations.flatMap((combination) =>
      values.map((value) => ({ ...combination, [path]: value })),
    );
  }
  return combinations.map((values, i) => ({ id: `p${i}`, values }));
}

export function isExperimentFile(data: unknown): boolean {
  return isPlainObject(data) && 'variants' in data && 'replications' in data;
}

/** Every field path of the file's sweep and of its variants' `set:` is well formed. */
function checkPaths(experiment: ExperimentFile, at: (path: string, message: string) => InputProblem): void {
  const problems: InputProblem[] = [];
  const sweptPaths = Object.keys(experiment.sweep ?? {});
  for (const path of sweptPaths) {
    const segments = parsePath(path);
    if (!Array.isArray(segments)) problems.push(at(`sweep.${path}`, segments.error));
  }
  for (const [name, variant] of Object.entries(experiment.variants)) {
    for (const path of Object.keys(variant.set ?? {})) {
      const segments = parsePath(path);
      if (!Array.isArray(segments)) problems.push(at(`variants.${name}.set.${path}`, segments.error));
    }
  }
  if (problems.length) throw new InputError(problems);
}

let vocabulary: Map<string, string[]> | undefined;
/** The experiment file's field names, for "did you mean" (built on the first unknown field). */
function experimentVocabulary(): Map<string, string[]> {
  vocabulary ??= fieldVocabulary(ExperimentSchema);
  return vocabulary;
}
