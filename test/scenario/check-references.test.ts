import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/scenario/check-references.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { fixture } from '../helpers.js';

/** The tiny world (AAA, BBB, CCC in ORG; one CBM X), changed by `change`, then checked. */
function problemsOf(change: (scenario: Scenario) => void): string[] {
  const scenario = structuredClone(loadScenario(fixture('tiny.yaml')).scenario);
  change(scenario);
  return checkReferences(scenario).map((p) => `${p.path}: ${p.message}`);
}

describe('checkReferences', () => {
  it('finds nothing wrong with the tiny world', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('relations: unknown states, a state with itself, a pair listed twice with one kind', () => {
    expect(
      problemsOf((s) => {
        // A second relation of another kind is allowed (a rivalry and a border dispute, say).
        s.relations.push({ a: 'BBB', b: 'AAA', kind: 'rivalry', intensity: 0.5 });
        s.relations.push({ a: 'BBB', b: 'AAA', kind: 'alliance', intensity: 0.5 });
        s.relations.push({ a: 'CCC', b: 'CCC', kind: 'dispute', intensity: 1 });
        s.relations.push({ a: 'ZZZ', b: 'AAA', kind: 'alignment', intensity: 1 });
      }),
    ).toEqual([
      'relations.2: the alliance of the pair AAA-BBB is already listed as relations.0',
      'relations.3.b: expected two different states, found CCC twice',
      'relations.4.a: expected an actor id, found unknown actor "ZZZ"',
    ]);
  });

  it('a formula outside the restricted language, and a CBM level without a threshold', () => {
    const problems = problemsOf((s) => {
      s.parameters.voting.formula = 'import("fs")';
      s.cbms.X.level = 9;
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^parameters\.voting\.formula: /);
    expect(problems[1]).toMatch(/^cbms\.X\.level: expected a level from 1 to \d+ .*found 9$/);
  });

  it('memberships: one status a state, members only where members are meant', () => {
    expect(
      problemsOf((s) => {
        const org = s.organisations.ORG;
        org.observers = ['AAA', 'NOPE'];
        org.members.push('BBB');
        org.weights = { CCC: 2, NOPE: 1 };
        org.rules.cbm = { kind: 'quota', yes: { count: 2 }, veto: ['NOPE'] };
        org.coordinators = { economic: ['NOPE'] };
        org.chair.order = ['AAA', 'ZZZ'];
        org.catalogue = ['X', 'Y'];
        org.stage = 1;
      }),
    ).toEqual([
      'organisations.ORG.members.3: BBB is listed twice in members',
      'organisations.ORG.observers.0: AAA is already listed in members; a state has one status',
      'organisations.ORG.observers.1: expected an actor id, found unknown actor "NOPE"',
      'organisations.ORG.weights.NOPE: expected a member of ORG, found "NOPE"',
      'organisations.ORG.rules.cbm.veto.0: expected a member of ORG, found "NOPE"',
      'organisations.ORG.catalogue.1: expected a CBM id from cbms, found unknown CBM "Y"',
      'organisations.ORG.coordinators.economic.0: expected a member of ORG, found "NOPE"',
      'organisations.ORG.chair.order.1: expected a member, observer or partner of ORG, found "ZZZ"',
      'organisations.ORG.stage: expected at most 0 (the rungs in ladder), found 1',
    ]);
  });

  it('events: before the start, unknown states, an application by a member or to nowhere', () => {
    expect(
      problemsOf((s) => {
        s.events.push({ year: 2020, kind: 'pandemic', magnitude: 1 });
        s.events.push({ year: 2026, kind: 'border-clash', parties: ['AAA', 'AAA'], magnitude: 1 });
        s.events.push({ year: 2026, kind: 'application', state: 'AAA', org: 'ORG' });
        s.events.push({ year: 2026, kind: 'application', state: 'CCC', org: 'NOWHERE' });
      }),
    ).toEqual([
      'events.0.year: expected a year from 2025 (startYear), found 2020',
      'events.1.parties.1: AAA is listed twice',
      'events.2.state: AAA is already a member of ORG',
      'events.3.org: expected an organisation (ORG), found "NOWHERE"',
    ]);
  });

  it('dated events: a second founding, a status for a member, unknown states and organisations, a relation with itself', () => {
    expect(
      problemsOf((s) => {
        s.events.push({ year: 2026, kind: 'founding', org: 'ORG' });
        s.events.push({ year: 2027, kind: 'founding', org: 'ORG' });
        s.events.push({ year: 2026, kind: 'status', state: 'AAA', org: 'ORG', status: 'observer' });
        s.events.push({ year: 2026, kind: 'chair', org: 'ELSE', state: 'AAA' });
        s.events.push({ year: 2026, kind: 'chair', org: 'ORG', state: 'NOPE' });
        s.events.push({
          year: 2026,
          kind: 'relation',
          a: 'AAA',
          b: 'AAA',
          relation: 'conflict',
          intensity: 1,
        });
      }),
    ).toEqual([
      'events.1: ORG is already founded by events.0',
      'events.2.state: AAA is a member of ORG',
      'events.3.org: expected an organisation (ORG), found "ELSE"',
      'events.4.state: expected an actor id, found unknown actor "NOPE"',
      'events.5.b: expected a state other than a, found AAA',
    ]);
  });

  it('partnerships: two different organisations of the scenario', () => {
    expect(
      problemsOf((s) => {
        s.partnerships.push({ organisations: ['ORG', 'ORG'] });
        s.partnerships.push({ organisations: ['ORG', 'ELSE'] });
      }),
    ).toEqual([
      'partnerships.0.organisations.1: expected two different organisations',
      'partnerships.1.organisations.1: expected an organisation (ORG), found "ELSE"',
    ]);
  });
});
