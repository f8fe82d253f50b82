import { dirname, resolve } from 'node:path';
import { InputError, type InputProblem } from '../input/errors.js';
import { isPlainObject } from '../input/paths.js';
import { readYamlFile } from '../input/read-yaml.js';
import { WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import {
  CHART_KINDS,
  type ChartSettings,
  DEFAULT_CHART_SETTINGS,
  KEY_METRICS,
} from '../tables/chart-settings.js';
import type { ChartsFile } from './schema.js';

/**
 * Checks the `charts` section of an experiment file against what the experiment has (metrics,
 * organisations) and reads custom specs from their files. `at` places a problem in the file.
 */
export function resolveChartSettings(
  charts: ChartsFile | undefined,
  experimentFile: string,
  organisations: Set<string>,
  at: (path: string, message: string) => InputProblem,
  problems: InputProblem[],
): ChartSettings {
  if (!charts) return DEFAULT_CHART_SETTINGS;
  (charts.metrics ?? []).forEach((metric, k) => {
    if (!WHOLE_RUN_NAMES.includes(metric))
      problems.push(
        at(`charts.metrics.${k}`, `expected a metric (${WHOLE_RUN_NAMES.join(', ')}), found "${metric}"`),
      );
  });
  (charts.orgs ?? []).forEach((org, k) => {
    if (!organisations.has(org))
      problems.push(
        at(
          `charts.orgs.${k}`,
          `expected an organisation of the scenario (${[...organisations].join(', ')}), found "${org}"`,
        ),
      );
  });
  const custom: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(charts.custom ?? {})) {
    if (typeof spec !== 'string') {
      custom[name] = spec;
      continue;
    }
    const path = resolve(dirname(experimentFile), spec);
    try {
      const data = readYamlFile(path).data;
      if (isPlainObject(data)) custom[name] = data;
      else
        problems.push(
          at(
            `charts.custom.${name}`,
            `expected ${spec} to hold a Vega-Lite spec (a mapping), found something else`,
          ),
        );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  return {
    kinds: charts.kinds ?? [...CHART_KINDS],
    metrics: charts.metrics ?? [...KEY_METRICS],
    orgs: charts.orgs ?? null,
    custom,
  };
}
