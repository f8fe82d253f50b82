import type { InputProblem } from '../../input/errors.js';
import { parsePath } from '../../input/paths.js';
import { locate } from '../../input/source-map.js';
import { PARAMETER_RANGES } from '../../scenario/parameter-ranges.js';
import { loadVariantScenarios } from '../variant-scenarios.js';
import type { StudyFactor } from './design.js';
import type { FactorFile } from './factor-schema.js';

/** The factors of a file: "all", or path → factor. */
export type FactorsFile = 'all' | Record<string, FactorFile>;

/** A factor as written: a range, a list of values, or {} for its documented range. */
type WrittenFactor =
  | { min: number; max: number; scale?: 'linear' | 'log' }
  | { values: unknown[] }
  | Record<string, never>;

/**
 * The factors as sampled, from the file's `factors:` (or an experiment's `uncertainty.factors:`):
 * every parameter over its documented range for "all", a factor written {} over its own, else as
 * written. Problems go to `problems`, at `prefix.<path>`.
 */
export function resolveFactors(
  written: FactorsFile,
  prefix: string,
  at: (path: string, message: string) => InputProblem,
  problems: InputProblem[],
): StudyFactor[] {
  const entries =
    written === 'all'
      ? Object.keys(PARAMETER_RANGES).map((key): [string, WrittenFactor] => [`parameters.${key}`, {}])
      : Object.entries(written).map(([path, f]): [string, WrittenFactor] => [
          path,
          f.values
            ? { values: f.values }
            : f.min !== undefined && f.max !== undefined
              ? { min: f.min, max: f.max, scale: f.scale }
              : {},
        ]);
  return entries.map(([path, factor]): StudyFactor => {
    const segments = parsePath(path);
    if (!Array.isArray(segments)) problems.push(at(`${prefix}.${path}`, segments.error));
    const documented = PARAMETER_RANGES[path.replace(/^parameters\./, '')];
    if (!('values' in factor) && !('min' in factor) && !documented)
      problems.push(
        at(
          `factors.${path}`,
          'no documented range for this path (docs/PARAMETERS.md): give { min, max } or { values: [...] }',
        ),
      );
    const spec: WrittenFactor = 'values' in factor || 'min' in factor || !documented ? factor : documented;
    if ('values' in spec) return { path, kind: 'values', values: spec.values };
    if (!('min' in spec)) return { path, kind: 'range', min: 0, max: 1, scale: 'linear' };
    if (spec.min >= spec.max)
      problems.push(at(`${prefix}.${path}`, `expected min < max, found [${spec.min}, ${spec.max}]`));
    if (spec.scale === 'log' && spec.min <= 0)
      problems.push(at(`${prefix}.${path}.min`, `a log scale needs a positive range, found min ${spec.min}`));
    return { path, kind: 'range', min: spec.min, max: spec.max, scale: spec.scale ?? 'linear' };
  });
}

/**
 * Problems of the factors' values: each factor set to its extremes and to a value inside (and
 * each of its listed values), on the first variant, reported at its line under `prefix`.
 */
export function factorProblems(
  file: string,
  base: Parameters<typeof loadVariantScenarios>[1],
  factors: StudyFactor[],
  prefix: string,
  locations: Parameters<typeof loadVariantScenarios>[3],
): InputProblem[] {
  const probes: Record<string, unknown>[] = [];
  const longest = Math.max(3, ...factors.map((f) => (f.kind === 'values' ? f.values.length : 0)));
  for (let j = 0; j < longest; j++)
    probes.push(
      Object.fromEntries(
        factors.map((f) => {
          if (f.kind === 'values') return [f.path, f.values[j % f.values.length]];
          const u = [0, 1, 0.5][j % 3];
          return [f.path, f.min + u * (f.max - f.min)];
        }),
      ),
    );
  // The probes are loaded as sweep points written at the factors' lines.
  const factorLocations = new Map(locations);
  for (const f of factors) {
    const location = locate(locations, `${prefix}.${f.path}`);
    if (location) factorLocations.set(`sweep.${f.path}`, location);
  }
  const first = Object.keys(base.variants)[0];
  const { problems } = loadVariantScenarios(
    file,
    {
      ...base,
      variants: { [first]: base.variants[first] },
      sweep: Object.fromEntries(factors.map((f) => [f.path, []])),
    },
    probes.map((values, i) => ({ id: `probe${i}`, values })),
    factorLocations,
  );
  // One problem per factor (its extremes and its middle may all be refused), with a hint for whole numbers.
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const first = !seen.has(p.path);
      seen.add(p.path);
      return first;
    })
    .map((p) =>
      /whole number/.test(p.message)
        ? {
            ...p,
            message: `${p.message} (a whole-number field is sampled from a list: { values: [0, 1, 2] })`,
          }
        : p,
    );
}
