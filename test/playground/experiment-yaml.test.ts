import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadExperiment } from '../../src/experiment/load.js';
import { experimentYaml } from '../../src/playground/experiment-yaml.js';
import { applySet } from '../../src/playground/overrides.js';
import { initialState } from '../../src/playground/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

const scenarioFile = repoFile('scenarios/asia-2025.yaml');
const scenario = loadScenario(scenarioFile).scenario;

describe("'Download as experiment'", () => {
  it('writes an experiment whose two variants are the page’s two sets, world for world', () => {
    const state = initialState(scenario);
    state.b.members.push('JPN', 'IDN');
    state.b.rules.cbm = { kind: 'consensus-minus', k: 1 };
    state.b.parameters['voting.temperature'] = 0.15;
    state.years = 5;
    state.replications = 30;
    state.seed = 9;
    const dir = mkdtempSync(join(tmpdir(), 'cica-playground-'));
    const text = experimentYaml(state, scenario, relative(dir, scenarioFile));
    const file = join(dir, 'playground.yaml');
    writeFileSync(file, text);
    const data = parse(text);
    expect(Object.keys(data.variants)).toEqual(['A', 'B']);
    expect(data.variants.A.set).toEqual({});
    expect([data.years, data.replications, data.seed]).toEqual([5, 30, 9]);
    const experiment = loadExperiment(file);
    expect(experiment.variants).toEqual(['A', 'B']);
    expect(experiment.scenarios).toEqual(
      [state.a, state.b].map((set) => {
        const applied = applySet(scenario, 'CICA', set);
        if (!('scenario' in applied)) throw new Error('the set should be valid');
        return applied.scenario;
      }),
    );
  });
});
