import { createHash } from 'node:crypto';
import { describeIssue } from '../../input/describe-issue.js';
import { InputError, type InputProblem } from '../../input/errors.js';
import { isPlainObject } from '../../input/paths.js';
import { readYamlFile } from '../../input/read-yaml.js';
import { locate } from '../../input/source-map.js';
import { closestName, fieldVocabulary } from '../../input/suggest.js';
import { WHOLE_RUN_NAMES } from '../../metrics/summarize.js';
import type { Scenario } from '../../scenario/schema.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { loadVariantScenarios } from '../variant-scenarios.js';
import { type Method, pointValues, type StudyDesign, type StudyFactor, studyDesign } from './design.js';
import { factorProblems, resolveFactors } from './factors.js';
import { type SensitivityFile, SensitivitySchema } from './schema.js';

/** An output as analysed: which variant (or pair of variants) and which whole-run metric. */
export interface StudyOutput {
  name: string;
  org: string;
  metric: string;
  variant: number;
  /** The reference variant of a finding (variant minus reference), or null. */
  reference: number | null;
}

/** A sensitivity study with its scenarios loaded, its factors checked and its design drawn. */
export interface ResolvedSensitivity {
  name: string;
  question?: string;
  file: string;
  hash: string;
  seed: number;
  years: number;
  method: Method;
  /** morris: trajectories; sobol: N; lhs: points. */
  size: number;
  levels: number;
  replications: number;
  variants: string[];
  /** The scenario of each variant, before the factors are set. */
  scenarios: Scenario[];
  scenarioHashes: string[];
  factors: StudyFactor[];
  outputs: StudyOutput[];
  design: StudyDesign;
  /** values[point][factor]. */
  values: unknown[][];
  /** A second stage after a Morris screening: Sobol' indices on its `top` factors (stages.ts). */
  sobolStage: { top: number; samples: number; replications: number } | null;
}

export interface SensitivityLoadOptions {
  /** Overrides the file's replications per point. */
  replications?: number;
  /** Overrides the file's trajectories (morris) or samples (sobol, lhs): a quick look. */
  size?: number;
}

const DEFAULT_SIZE = { morris: 10, sobol: 64, lhs: 64 } as const;

export function isSensitivityFile(data: unknown): boolean {
  return isPlainObject(data) && 'method' in data && 'factors' in data && 'outputs' in data;
}

export function loadSensitivity(file: string, options: SensitivityLoadOptions = {}): ResolvedSensitivity {
  const source = readYamlFile(file);
  const at = (path: string, message: string): InputProblem => ({
    location: locate(source.locations, path) ?? { file },
    path,
    message,
  });
  const parsed = SensitivitySchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues
        .flatMap((issue) => describeIssue(issue, vocabulary()))
        .map((p) => at(p.path, p.message)),
    );
  const study = parsed.data;
  const variants = study.variants ?? { base: {} };
  const variantNames = Object.keys(variants);
  const problems: InputProblem[] = [];
  const factors = resolveFactors(study.factors, 'factors', at, problems);

  // The variants' scenarios, then each factor at its extremes (and a value inside a range, which
  // catches a whole-number field given a continuous range): every bad path or value at its line.
  const base = { name: study.name, scenario: study.scenario, replications: 1, seed: study.seed, variants };
  const scenarios = loadVariantScenarios(file, base, [{ id: 'base', values: {} }], source.locations);
  problems.push(...scenarios.problems);
  const { loaded } = scenarios;
  if (loaded.length === 0) throw new InputError(problems);
  // Factors already refused (a bad path or range) are not probed again.
  const refused = new Set(problems.map((p) => p.path));
  const probed = factors.filter((f) => ![...refused].some((path) => path.startsWith(`factors.${f.path}`)));
  problems.push(...factorProblems(file, base, probed, 'factors', source.locations));
  const organisations = new Set(loaded.flatMap((l) => Object.keys(l.scenario.organisations)));
  const outputs = resolveOutputs(study, variantNames, organisations, at, problems);
  if (study.method === 'morris' && study.levels !== undefined && study.levels % 2 !== 0)
    problems.push(at('levels', `expected an even number of levels, found ${study.levels}`));
  if (study.sobol && study.method !== 'morris')
    problems.push(at('sobol', `a Sobol' stage follows a Morris screening, not ${study.method}`));
  if (problems.length) throw new InputError(problems);

  const years = study.years ?? loaded[0].scenario.years;
  const size =
    options.size ??
    (study.method === 'morris' ? study.trajectories : study.samples) ??
    DEFAULT_SIZE[study.method];
  const levels = study.levels ?? 4;
  const replications = options.replications ?? study.replications;
  const design = studyDesign({ method: study.method, size, levels }, factors.length, study.seed);
  const scenarioHashes = loaded.map((l) => l.hash);
  const hash = createHash('sha256')
    .update(
      canonicalJson({
        kind: 'sensitivity',
        name: study.name,
        seed: study.seed,
        years,
        method: study.method,
        size,
        levels,
        replications,
        variants: variantNames,
        factors,
        scenarioHashes,
      }),
    )
    .digest('hex');
  return {
    name: study.name,
    question: study.question,
    file,
    hash: `sha256:${hash}`,
    seed: study.seed,
    years,
    method: study.method,
    size,
    levels,
    replications,
    variants: variantNames,
    scenarios: loaded.map((l) => l.scenario),
    scenarioHashes,
    factors,
    outputs,
    design,
    values: pointValues(design, factors),
    sobolStage: study.sobol
      ? {
          top: Math.min(study.sobol.top, factors.length),
          // --size is a quick look at both stages.
          samples: options.size ?? study.sobol.samples,
          replications: options.replications ?? study.sobol.replications ?? replications,
        }
      : null,
  };
}

function resolveOutputs(
  study: SensitivityFile,
  variants: string[],
  organisations: Set<string>,
  at: (path: string, message: string) => InputProblem,
  problems: InputProblem[],
): StudyOutput[] {
  const variantIndex = (name: string, path: string): number => {
    const index = variants.indexOf(name);
    if (index < 0) {
      const near = closestName(name, variants);
      problems.push(
        at(
          path,
          `expected a variant of this file (${variants.join(', ')}), found "${name}"${near ? ` (did you mean ${near}?)` : ''}`,
        ),
      );
    }
    return index;
  };
  const names = new Set<string>();
  return study.outputs.map((output, i) => {
    if (!organisations.has(output.org)) {
      const near = closestName(output.org, organisations);
      problems.push(
        at(
          `outputs.${i}.org`,
          `expected an organisation of the scenario (${[...organisations].join(', ')}), found "${output.org}"${near ? ` (did you mean ${near}?)` : ''}`,
        ),
      );
    }
    if (!WHOLE_RUN_NAMES.includes(output.metric)) {
      const near = closestName(output.metric, WHOLE_RUN_NAMES);
      problems.push(
        at(
          `outputs.${i}.metric`,
          `expected a whole-run metric (${WHOLE_RUN_NAMES.join(', ')}), found "${output.metric}"${near ? ` (did you mean ${near}?)` : ''}`,
        ),
      );
    }
    const difference = output.difference;
    const variant = difference
      ? variantIndex(difference.variant, `outputs.${i}.difference.variant`)
      : output.variant
        ? variantIndex(output.variant, `outputs.${i}.variant`)
        : 0;
    const reference = difference
      ? variantIndex(difference.reference, `outputs.${i}.difference.reference`)
      : null;
    const name =
      output.name ??
      (difference
        ? `${output.org}.${output.metric}.${difference.variant}-vs-${difference.reference}`
        : `${output.org}.${output.metric}${output.variant ? `.${output.variant}` : ''}`);
    if (names.has(name))
      problems.push(at(`outputs.${i}`, `two outputs are named "${name}"; give one a name:`));
    names.add(name);
    return { name, org: output.org, metric: output.metric, variant, reference };
  });
}

let fields: Map<string, string[]> | undefined;
function vocabulary(): Map<string, string[]> {
  fields ??= fieldVocabulary(SensitivitySchema);
  return fields;
}
