import { stringify } from 'yaml';
import type { Scenario } from '../scenario/schema.js';
import { setOverrides } from './overrides.js';
import { SET_NAMES } from './runs.js';
import type { PlaygroundState } from './state.js';
import { SHOWN_METRICS } from './views.js';

/**
 * The page's comparison as an experiment file: set A (the reference) and set B as variants whose
 * `set:` are the sets' overrides, with the page's years, replications and seed — so
 * `cica-sim experiment` gives the page's numbers, and can then be run at full size.
 * `scenarioPath` is the scenario as the page was made from it, relative to where the file is to be
 * saved (experiment paths are relative to the experiment file).
 */
export function experimentYaml(state: PlaygroundState, scenario: Scenario, scenarioPath: string): string {
  const sets = [state.a, state.b];
  const experiment = {
    name: 'playground',
    question: `How does ${state.org} under set B differ from set A?`,
    scenario: scenarioPath,
    years: state.years,
    replications: state.replications,
    seed: state.seed,
    variants: Object.fromEntries(
      SET_NAMES.map((name, s) => [
        name,
        {
          description: s === 0 ? 'set A of the playground (the reference)' : 'set B of the playground',
          set: setOverrides(scenario, state.org, sets[s]),
        },
      ]),
    ),
    analyses: { power: { org: state.org, kind: 'cbm' } },
    charts: { orgs: [state.org], metrics: [...SHOWN_METRICS] },
  };
  return [
    '# Written by the cica-sim playground. Run it with:',
    '#   npx cica-sim experiment playground.yaml',
    `# \`scenario:\` is relative to this file: save it where ${scenarioPath} resolves, or edit the path.`,
    stringify(experiment, { lineWidth: 0 }),
  ].join('\n');
}
