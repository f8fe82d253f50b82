import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/simulate.js';
import { checkProblems, compileCheck } from '../../src/experiment/checks.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture } from '../helpers.js';

// The tiny world from 2025, four steps a year, with a two-rung ladder.
const { scenario } = loadScenario(fixture('tiny.yaml'), {
  overrides: {
    'organisations.ORG.ladder': ['Secretariat', 'Fund'].map((name) => ({
      name,
      requires: { meanTrust: 0.5, cbmsImplemented: 0, yearsSinceReform: 0 },
      effects: {},
      bindingness: 0.5,
    })),
  },
});

/** Two years of a run: members 3 after every step of 2025, 4 after those of 2026; the Fund reached at step 6. */
const result: RunResult = {
  seed: 1,
  steps: 8,
  startYear: 2025,
  stepsPerYear: 4,
  orgIds: ['ORG'],
  metricNames: ['members', 'stage'],
  values: Float64Array.from({ length: 16 }, (_, c) => (c % 2 === 0 ? (c < 8 ? 3 : 4) : 0)),
  rungReachedStep: Float64Array.from([Number.NaN, 6]),
};

describe('checks: facts judged run by run', () => {
  it('a metric in a range at the end of a year', () => {
    const members = (year: number, between: [number, number]) =>
      compileCheck({ fact: 'f', org: 'ORG', metric: 'members', year, between }, scenario)(result);
    expect(members(2025, [3, 3])).toBe(true);
    expect(members(2026, [3, 3])).toBe(false);
    expect(members(2026, [4, 5])).toBe(true);
    // The year before the run has no recorded value.
    expect(members(2024, [0, 10])).toBe(false);
  });

  it('a rung reached within years, or not by a year', () => {
    const rung = (name: string, when: object) =>
      compileCheck({ fact: 'f', org: 'ORG', rung: name, ...when }, scenario)(result);
    // The Fund at step 6: in 2026.
    expect(rung('Fund', { reachedBetween: [2026, 2026] })).toBe(true);
    expect(rung('Fund', { reachedBetween: [2025, 2025] })).toBe(false);
    expect(rung('Fund', { notReachedBy: 2025 })).toBe(true);
    expect(rung('Fund', { notReachedBy: 2026 })).toBe(false);
    // The Secretariat never: not reached by any year, never reached within one.
    expect(rung('Secretariat', { notReachedBy: 2026 })).toBe(true);
    expect(rung('Secretariat', { reachedBetween: [2025, 2026] })).toBe(false);
  });

  it('who was admitted, and when: a state within years or not by a year, and nobody outside a list', () => {
    // Tiny's states AAA, BBB, CCC: CCC admitted at step 6 (2026); nobody else.
    const admitted: RunResult = { ...result, admittedStep: Float64Array.from([Number.NaN, Number.NaN, 6]) };
    const check = (fields: object) =>
      compileCheck({ fact: 'f', org: 'ORG', ...fields } as never, scenario)(admitted);
    expect(check({ state: 'CCC', admittedBetween: [2026, 2026] })).toBe(true);
    expect(check({ state: 'CCC', admittedBetween: [2025, 2025] })).toBe(false);
    expect(check({ state: 'CCC', notAdmittedBy: 2025 })).toBe(true);
    expect(check({ state: 'CCC', notAdmittedBy: 2026 })).toBe(false);
    expect(check({ state: 'BBB', admittedBetween: [2025, 2026] })).toBe(false);
    expect(check({ admittedOnly: ['CCC'], by: 2026 })).toBe(true);
    expect(check({ admittedOnly: ['BBB'], by: 2026 })).toBe(false);
    // Before CCC's admission, nobody outside the list was admitted either.
    expect(check({ admittedOnly: ['BBB'], by: 2025 })).toBe(true);
  });

  it('refuses, before any run, what a world cannot judge', () => {
    const problems = (check: object) =>
      checkProblems(check as never, scenario, 2, ['members'], 'checks.0').map(
        (p) => `${p.path}: ${p.message}`,
      );
    expect(problems({ fact: 'f', org: 'NOPE', metric: 'members', year: 2025, between: [1, 2] })).toEqual([
      'checks.0.org: expected an organisation of the scenario (ORG), found "NOPE"',
    ]);
    expect(problems({ fact: 'f', org: 'ORG', metric: 'vetos', year: 2025, between: [1, 2] })).toEqual([
      'checks.0.metric: expected a metric (members), found "vetos"',
    ]);
    expect(problems({ fact: 'f', org: 'ORG', metric: 'members', year: 2030, between: [1, 2] })).toEqual([
      'checks.0.year: expected a year the runs cover (2025–2026), found 2030',
    ]);
    expect(problems({ fact: 'f', org: 'ORG', rung: 'Council', notReachedBy: 2026 })).toEqual([
      'checks.0.rung: expected a rung of ORG\'s ladder (Secretariat, Fund), found "Council"',
    ]);
  });
});
