import { describe, expect, it } from 'vitest';
import { applySet, checkRuleText, setOverrides } from '../../src/playground/overrides.js';
import { initialSet } from '../../src/playground/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

const file = repoFile('scenarios/asia-2025.yaml');
const scenario = loadScenario(file).scenario;

describe("a playground set as a variant's overrides", () => {
  it("is empty for today's configuration, and applying it changes nothing", () => {
    const today = initialSet(scenario, 'CICA');
    expect(setOverrides(scenario, 'CICA', today)).toEqual({});
    expect(applySet(scenario, 'CICA', today)).toEqual({ scenario });
  });

  it('admits an observer: it joins the members and leaves the observers; a changed rule and parameter are set', () => {
    const set = initialSet(scenario, 'CICA');
    set.members = [...set.members, 'JPN'];
    set.rules.cbm = { kind: 'consensus-minus', k: 1 };
    set.parameters['trust.forgetting'] = 0.97;
    const observers = scenario.organisations.CICA.observers;
    expect(observers).toContain('JPN');
    expect(setOverrides(scenario, 'CICA', set)).toEqual({
      'organisations.CICA.members': [...scenario.organisations.CICA.members, 'JPN'],
      'organisations.CICA.observers': observers.filter((id) => id !== 'JPN'),
      'organisations.CICA.rules.cbm': { kind: 'consensus-minus', k: 1 },
      'parameters.trust.forgetting': 0.97,
    });
  });

  it('gives the scenario `cica-sim experiment` builds from the same overrides', () => {
    const set = initialSet(scenario, 'CICA');
    set.members = [...set.members.filter((id) => id !== 'KWT'), 'JPN', 'IDN'];
    set.rules.reform = { kind: 'quota', yes: { count: { share: 0.6667 } } };
    set.parameters['enlargement.openness'] = 0.3;
    const applied = applySet(scenario, 'CICA', set);
    const fromFile = loadScenario(file, { overrides: setOverrides(scenario, 'CICA', set) }).scenario;
    expect(applied).toEqual({ scenario: fromFile });
  });

  it('reports what the CLI reports: a state the eligibility rule excludes, a rule out of range', () => {
    const set = initialSet(scenario, 'CICA');
    set.members = [...set.members, 'USA'];
    const problems = applySet(scenario, 'CICA', set);
    const fromFile = (() => {
      try {
        loadScenario(file, { overrides: setOverrides(scenario, 'CICA', set) });
      } catch (error) {
        return (error as { problems: { path: string; message: string }[] }).problems;
      }
    })();
    expect('problems' in problems && problems.problems).toEqual(
      fromFile?.map(({ path, message }) => ({ path, message })),
    );
    expect(checkRuleText({ kind: 'consensus-minus', k: -1 }, 'organisations.CICA.rules.cbm')).toEqual({
      problems: [{ path: 'organisations.CICA.rules.cbm.k', message: 'expected a number ≥ 0, found -1' }],
    });
  });
});

describe('a rule written in the page', () => {
  it('gets the messages and suggestions `cica-sim validate` gives for the same rule in a scenario', () => {
    const written = { kind: 'consensus-minus', kk: 1 };
    const page = checkRuleText(written, 'organisations.CICA.rules.cbm');
    let cli: { path: string; message: string }[] = [];
    try {
      loadScenario(file, { overrides: { 'organisations.CICA.rules.cbm': written } });
    } catch (error) {
      cli = (error as { problems: { path: string; message: string }[] }).problems.map(
        ({ path, message }) => ({
          path,
          message,
        }),
      );
    }
    expect(cli.length).toBeGreaterThan(0);
    expect(page).toEqual({ problems: cli });
  });
});
