import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/world.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import type { InputError } from '../../src/input/errors.js';
import { describeEligibility, isEligible } from '../../src/scenario/eligibility.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture } from '../helpers.js';

describe('eligibility', () => {
  const asia = { eligibility: { territoryIn: ['Asia'] } };

  it('admits a state with territory in a listed region, however much elsewhere', () => {
    expect(isEligible(asia, { territory: ['Asia'] })).toBe(true);
    expect(isEligible(asia, { territory: ['Europe', 'Asia'] })).toBe(true);
    expect(isEligible(asia, { territory: ['Europe'] })).toBe(false);
    expect(isEligible(asia, { territory: ['North America', 'Oceania'] })).toBe(false);
    expect(isEligible(asia, { territory: [] })).toBe(false);
  });

  it('"none" admits anyone, and the rule reads in words', () => {
    expect(isEligible({ eligibility: 'none' }, { territory: [] })).toBe(true);
    expect(describeEligibility(asia)).toBe('territory in Asia');
    expect(describeEligibility({ eligibility: { territoryIn: ['Asia', 'Oceania'] } })).toBe(
      'territory in Asia or Oceania',
    );
    expect(describeEligibility({ eligibility: 'none' })).toBe('anyone');
  });
});

describe('an organisation that states eligibility (CICA: territory in Asia)', () => {
  const rule = {
    'organisations.ORG.eligibility': { territoryIn: ['Asia'] },
    'actors.AAA.territory': ['Asia'],
    'actors.BBB.territory': ['Asia', 'Europe'],
    'actors.CCC.territory': ['Europe'],
  };
  const problems = (overrides: Record<string, unknown>) => {
    try {
      loadScenario(fixture('tiny.yaml'), { overrides: { ...rule, ...overrides } });
      return [];
    } catch (error) {
      return (error as InputError).problems.map((p) => `${p.path}: ${p.message}`);
    }
  };

  it('rejects an ineligible member and a scheduled application, naming the rule and the way to waive it', () => {
    const message =
      'CCC may not be a member of ORG: its eligibility rule (organisations.ORG.eligibility) asks for territory in Asia, and CCC has territory in Europe. For a counterfactual, waive the rule with organisations.ORG.eligibility: none';
    expect(problems({})).toEqual([`organisations.ORG.members.2: ${message}`]);
    expect(
      problems({
        'organisations.ORG.members': ['AAA', 'BBB'],
        events: [{ year: 2025, kind: 'application', state: 'CCC', org: 'ORG' }],
      }),
    ).toEqual([`events.0.state: ${message}`]);
    // Waived for a counterfactual: valid.
    expect(problems({ 'organisations.ORG.eligibility': 'none' })).toEqual([]);
  });

  it('an ineligible observer never applies of its own accord; an eligible one may', () => {
    const observe = (territory: string[]) =>
      compileWorld(
        loadScenario(fixture('tiny.yaml'), {
          overrides: {
            ...rule,
            'actors.CCC.territory': territory,
            'organisations.ORG.members': ['AAA', 'BBB'],
            'organisations.ORG.observers': ['CCC'],
          },
        }).scenario,
      ).candidate[2];
    expect(observe(['Europe'])).toBe(0);
    expect(observe(['Asia'])).toBe(1);
  });

  it('an experiment variant admitting an ineligible state fails validation at the variant; waived, it runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-eligibility-'));
    // The tiny world with the rule; the reference has CCC as an observer.
    const base = join(dir, 'base.yaml');
    writeFileSync(
      base,
      `extends: ${JSON.stringify(fixture('tiny.yaml'))}\noverrides: ${JSON.stringify(rule)}\n`,
    );
    const file = join(dir, 'e.yaml');
    const write = (waive: boolean) =>
      writeFileSync(
        file,
        `name: e
scenario: ${JSON.stringify(base)}
years: 1
replications: 2
variants:
  today:
    set: { organisations.ORG.members: [AAA, BBB], organisations.ORG.observers: [CCC] }
  ccc-joins:
    set:
      organisations.ORG.members: [AAA, BBB, CCC]
      organisations.ORG.observers: []${waive ? '\n      organisations.ORG.eligibility: none' : ''}
`,
      );
    write(false);
    expect(() => loadExperiment(file)).toThrow(
      /organisations\.ORG\.members\.2: CCC may not be a member of ORG/,
    );
    write(true);
    const outcome = await runExperiment(loadExperiment(file), { out: join(dir, 'out'), threads: 1 });
    expect(outcome.status).toBe('complete');
  });
});
