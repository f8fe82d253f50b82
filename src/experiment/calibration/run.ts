import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { describeIssue } from '../../input/describe-issue.js';
import { InputError, type InputProblem } from '../../input/errors.js';
import { readYamlFile } from '../../input/read-yaml.js';
import { locate } from '../../input/source-map.js';
import { fieldVocabulary } from '../../input/suggest.js';
import type { Check } from '../../model/check.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { loadExperiment } from '../load.js';
import { type ExperimentOutcome, type ExperimentRunOptions, runExperiment } from '../run-experiment.js';
import { ExperimentSchema } from '../schema.js';
import { acceptClosest, calibrationFacts, type DrawOutcome, distanceOf, type ScoredDraw } from './accept.js';
import { type CalibrationFile, CalibrationFileSchema } from './schema.js';

/**
 * `cica-sim calibrate` (docs/VALIDATION.md): approximate Bayesian computation by rejection, in
 * three stages that are each an experiment on the worker pool, so each resumes like one:
 *   1. draws/: `draws` runs of the history study's world, each with its own prior draw (the
 *      experiment's `uncertainty:` over the priors: a Latin hypercube), every check's outcome in
 *      runs.csv (checkColumns);
 *   2. the rejection (accept.ts): each draw's distance to the calibration-window facts, the
 *      closest `accept` share kept as posterior.csv (and every draw in draws.csv), the tolerance
 *      it came to in calibration.json;
 *   3. predictive/: the history study with its parameters from the posterior (uncertainty:
 *      { posterior }), scored on both windows — scores.csv beside the prior's (prior-scores.csv).
 * The generated experiment files (draws.yaml, predictive.yaml) stay in the output directory.
 */
export interface ResolvedCalibration extends CalibrationFile {
  file: string;
  /** The history study, resolved: its file, scenario path (absolute), years and checks. */
  study: { file: string; scenario: string; years: number; checks: Check[]; name: string };
}

/** Whether parsed YAML is a calibration file: it names a history study and priors. */
export function isCalibrationFile(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'experiment' in data && 'priors' in data;
}

export function loadCalibration(file: string): ResolvedCalibration {
  const source = readYamlFile(file);
  const at = (path: string, message: string): InputProblem => ({
    location: locate(source.locations, path) ?? { file },
    path,
    message,
  });
  const parsed = CalibrationFileSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues
        .flatMap((issue) => describeIssue(issue, fieldVocabulary(CalibrationFileSchema)))
        .map((p) => at(p.path, p.message)),
    );
  const studyFile = resolve(dirname(file), parsed.data.experiment);
  const study = loadExperiment(studyFile);
  const raw = ExperimentSchema.parse(readYamlFile(studyFile).data);
  if (calibrationFacts(study.checks).length === 0)
    throw new InputError([
      at(
        'experiment',
        `expected a history study with facts of period: calibration, found none in ${studyFile}`,
      ),
    ]);
  return {
    ...parsed.data,
    file,
    study: {
      file: studyFile,
      scenario: resolve(dirname(studyFile), raw.scenario),
      years: study.years,
      checks: study.checks,
      name: study.name,
    },
  };
}

export type CalibrationRunOptions = Omit<ExperimentRunOptions, 'out' | 'command'> & {
  out: string;
  /** Told at the start of each stage. */
  onStage?: (stage: string) => void;
};

export interface CalibrationOutcome {
  status: 'complete' | 'interrupted';
  out: string;
  draws: number;
  accepted: ScoredDraw[];
  /** The largest accepted distance: the tolerance the share came to. */
  tolerance: number;
  failures: number;
}

export async function runCalibration(
  calibration: ResolvedCalibration,
  options: CalibrationRunOptions,
): Promise<CalibrationOutcome> {
  const { out } = options;
  mkdirSync(out, { recursive: true });
  const stage = async (
    name: string,
    experiment: Record<string, unknown>,
  ): Promise<{ outcome: ExperimentOutcome; drawn: string[] }> => {
    const file = join(out, `${name}.yaml`);
    writeFileAtomic(
      file,
      `# Written by cica-sim calibrate ${calibration.file}: stage ${name}.\n${stringify(experiment)}`,
    );
    options.onStage?.(name);
    const resolved = loadExperiment(file);
    const outcome = await runExperiment(resolved, {
      ...options,
      out: join(out, name),
      command: `cica-sim calibrate ${calibration.file} (${name})`,
    });
    // The paths the stage drew (its uncertainty's factors): the parameters of each draw.
    return { outcome, drawn: resolved.uncertainty?.factors.map((f) => f.path) ?? [] };
  };
  const base = {
    scenario: calibration.study.scenario,
    years: calibration.study.years,
    variants: { model: { description: 'the history study’s world' } },
    checks: calibration.study.checks,
    charts: { kinds: ['membership', 'milestones'] },
  };
  // 1. One run per prior draw.
  const { outcome: drawn, drawn: paths } = await stage('draws', {
    name: `${calibration.name}-draws`,
    ...base,
    replications: calibration.draws,
    seed: calibration.seed,
    checkColumns: true,
    uncertainty: { factors: calibration.priors },
  });
  const empty = {
    out,
    draws: calibration.draws,
    accepted: [],
    tolerance: Number.NaN,
    failures: drawn.failures.length,
  };
  if (drawn.status === 'interrupted') return { ...empty, status: 'interrupted' };
  // 2. The rejection.
  const scored = readDraws(join(out, 'draws', 'runs.csv'), paths, calibration.study.checks);
  const accepted = acceptClosest(scored, calibration.accept);
  writeDraws(out, scored, accepted);
  // The tolerance the accepted share came to, stated with what it was computed on.
  writeFileAtomic(
    join(out, 'calibration.json'),
    `${JSON.stringify(
      {
        name: calibration.name,
        file: calibration.file,
        study: calibration.study.file,
        calibrationFacts: calibrationFacts(calibration.study.checks).map(
          (c) => calibration.study.checks[c].fact,
        ),
        draws: scored.length,
        accept: calibration.accept,
        accepted: accepted.length,
        tolerance: accepted[accepted.length - 1]?.distance ?? null,
        priors: calibration.priors,
        seed: calibration.seed,
      },
      null,
      2,
    )}\n`,
  );
  // 3. The posterior predictive.
  const { outcome: predicted } = await stage('predictive', {
    name: `${calibration.name}-predictive`,
    ...base,
    replications: calibration.predictive,
    seed: calibration.seed + 1,
    uncertainty: { posterior: 'posterior.csv' },
  });
  if (predicted.status === 'interrupted') return { ...empty, status: 'interrupted', accepted };
  for (const [from, to] of [
    [join(out, 'predictive', 'scores.csv'), join(out, 'scores.csv')],
    [join(out, 'draws', 'scores.csv'), join(out, 'prior-scores.csv')],
  ])
    if (existsSync(from)) copyFileSync(from, to);
  return {
    status: 'complete',
    out,
    draws: scored.length,
    accepted,
    tolerance: accepted[accepted.length - 1]?.distance ?? Number.NaN,
    failures: drawn.failures.length + predicted.failures.length,
  };
}

/** Each draw's parameters and check columns from the draws stage's runs.csv (its first organisation's rows). */
function readDraws(
  runsPath: string,
  parameterColumns: readonly string[],
  checks: readonly Check[],
): ScoredDraw[] {
  const rows = parse(readFileSync(runsPath, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const firstOrg = rows[0]?.org;
  const facts = calibrationFacts(checks);
  const columns = Object.keys(rows[0] ?? {});
  const checkColumn = (name: string) => /^(fact|value)\.\d+$/.test(name);
  return rows
    .filter((row) => row.org === firstOrg)
    .map((row): ScoredDraw => {
      const outcome: DrawOutcome = {
        draw: Number(row.replication),
        seed: Number(row.seed),
        parameters: Object.fromEntries(parameterColumns.map((name) => [name, Number(row[name])])),
        columns: Object.fromEntries(columns.filter(checkColumn).map((name) => [name, Number(row[name])])),
      };
      return { ...outcome, distance: distanceOf(outcome, checks, facts) };
    });
}

/** posterior.csv (the accepted draws, closest first) and draws.csv (every draw, with its distance and whether it was kept). */
function writeDraws(out: string, scored: ScoredDraw[], accepted: ScoredDraw[]): void {
  const paths = Object.keys(scored[0]?.parameters ?? {});
  const kept = new Set(accepted.map((d) => d.draw));
  const line = (d: ScoredDraw, extra: (string | number)[]) =>
    [d.draw, d.seed, d.distance, ...extra, ...paths.map((p) => d.parameters[p])].join(',');
  writeFileAtomic(
    join(out, 'posterior.csv'),
    `${['draw', 'seed', 'distance', ...paths].join(',')}\n${accepted.map((d) => line(d, [])).join('\n')}\n`,
  );
  writeFileAtomic(
    join(out, 'draws.csv'),
    `${['draw', 'seed', 'distance', 'accepted', ...paths].join(',')}\n${scored
      .map((d) => line(d, [kept.has(d.draw) ? 1 : 0]))
      .join('\n')}\n`,
  );
}
