import { dirname, resolve } from 'node:path';
import { WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import type { ProposalKind } from '../model/proposals.js';
import { InputError, type InputProblem } from '../scenario/errors.js';
import { isPlainObject } from '../scenario/paths.js';
import { readYamlFile } from '../scenario/read-yaml.js';
import { CHART_KINDS, type ChartsFile } from './schema.js';

/** The metrics charted when an experiment does not say: how often, how ambitiously, with what trust and cohesion, at what vetoes. */
export const KEY_METRICS = ['adoption_rate', 'ambition', 'mean_trust', 'cohesion', 'vetoes'] as const;

/** What an experiment's charts are to show, resolved: kept in the manifest so `cica-sim report` can redraw them. */
export interface ChartSettings {
  kinds: (typeof CHART_KINDS)[number][];
  metrics: string[];
  /** null: every organisation. */
  orgs: string[] | null;
  /** Whose voting power to compare across variants, if anyone's. */
  power: { org: string; kind: ProposalKind } | null;
  /** Custom Vega-Lite specs by name, read from their files. */
  custom: Record<string, Record<string, unknown>>;
}

export const DEFAULT_CHART_SETTINGS: ChartSettings = {
  kinds: [...CHART_KINDS],
  metrics: [...KEY_METRICS],
  orgs: null,
  power: null,
  custom: {},
};

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
  if (charts.power && !organisations.has(charts.power.org))
    problems.push(
      at(
        'charts.power.org',
        `expected an organisation of the scenario (${[...organisations].join(', ')}), found "${charts.power.org}"`,
      ),
    );
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
    power: charts.power ?? null,
    custom,
  };
}
