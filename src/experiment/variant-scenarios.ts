import { dirname, relative, resolve } from 'node:path';
import { formatProblem, InputError, type InputProblem } from '../input/errors.js';
import { requireReferencedFile } from '../input/read-input.js';
import { locate, type SourceMap } from '../input/source-map.js';
import { type LoadedScenario, loadScenario } from '../scenario/load.js';
import type { SweepPoint } from './load.js';
import type { ExperimentFile } from './schema.js';

/**
 * The scenario of each world (variant × sweep point), in worldIndex order, each with the variant's
 * `set:` and the point's values applied as overrides placed at their lines in the experiment file.
 */
export function loadVariantScenarios(
  file: string,
  experiment: ExperimentFile,
  points: SweepPoint[],
  locations: SourceMap,
): { loaded: LoadedScenario[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const sweptPaths = Object.keys(experiment.sweep ?? {});
  const here = dirname(resolve(file));
  const loaded: LoadedScenario[] = [];
  for (const name of Object.keys(experiment.variants)) {
    const variant = experiment.variants[name];
    const scenarioFile = relative(process.cwd(), resolve(here, variant.scenario ?? experiment.scenario));
    const field = variant.scenario ? `variants.${name}.scenario` : 'scenario';
    requireReferencedFile(
      resolve(here, variant.scenario ?? experiment.scenario),
      variant.scenario ?? experiment.scenario,
      field,
      locate(locations, field),
      file,
    );
    for (const point of points) {
      // Where each override was written, so a bad value is reported at its line in this file.
      const overrideLocations: SourceMap = new Map();
      for (const [key, location] of locations) {
        const setPrefix = `variants.${name}.set.`;
        if (key.startsWith(setPrefix)) overrideLocations.set(key.slice(setPrefix.length), location);
      }
      for (const path of sweptPaths) {
        const location = locate(locations, `sweep.${path}`);
        if (location) overrideLocations.set(path, location);
      }
      try {
        loaded.push(
          loadScenario(scenarioFile, {
            overrides: { ...(variant.set ?? {}), ...point.values },
            overridesSource: file,
            overrideLocations,
          }),
        );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // A problem of the base scenario shows in every variant: list it once.
        for (const problem of error.problems) {
          const key = formatProblem(problem);
          if (!seen.has(key)) problems.push(problem);
          seen.add(key);
        }
      }
    }
  }
  return { loaded, problems };
}
