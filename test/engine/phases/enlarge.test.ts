import { describe, expect, it } from 'vitest';
import { enlarge } from '../../../src/engine/phases/enlarge.js';
import { valueAt } from '../../../src/engine/simulate.js';
import { createRunState } from '../../../src/engine/state.js';
import { compileWorld } from '../../../src/engine/world.js';
import { simulateRecorded } from '../../../src/metrics/simulate-recorded.js';
import { summaryDocument } from '../../../src/metrics/summary-document.js';
import { ABSTAIN } from '../../../src/rules/votes.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture, repoFile, scriptedRandom } from '../../helpers.js';

// CCC is an observer of ORG (A and B are members) and applies in 2026 (step 5). Neutral trust,
// temperature 0.1, abstention 1: a member's interest in admitting C is openness 0.2 + 1 × (½ − ½)
// − crowding 0.3 × (2/2 − 1) = 0.2, x = 2: P(yes) = σ(1) ≈ 0.731, P(no) = σ(−3) ≈ 0.047.
const overrides = {
  'parameters.trust.priorStrength': 2, // with structure neutralised: r0 = s0 = 1, trust ½
  'parameters.trust.sharedMembership': 0,
  'parameters.trust.relationEffect': { conflict: 0, dispute: 0, rivalry: 0, alignment: 0, alliance: 0 },
  'parameters.voting.temperature': 0.1,
  'parameters.enlargement.enabled': false,
  'organisations.ORG.members': ['AAA', 'BBB'],
  'organisations.ORG.observers': ['CCC'],
  events: [{ year: 2026, kind: 'application', state: 'CCC', org: 'ORG' }],
};
const load = (extra: Record<string, unknown> = {}) =>
  loadScenario(fixture('tiny.yaml'), { overrides: { ...overrides, ...extra } });

describe('a scheduled application (worked by hand)', () => {
  it('is decided in its year under the accession rule; admitted, the state votes and holds a veto', () => {
    const world = compileWorld(load().scenario);
    const state = createRunState(world);
    for (let step = 1; step <= 4; step++) {
      state.step = step;
      enlarge(world, state, scriptedRandom([])); // nothing before 2026: no draw
    }
    state.step = 5;
    enlarge(world, state, scriptedRandom([0.5, 0.7])); // A yes, B yes (both < 0.731)
    expect(state.applications[0]).toBe(1);
    expect(state.admissions[0]).toBe(1);
    expect(state.memberCount[0]).toBe(3);
    // The organisation's voting body counts the new member too (rules decide over it).
    expect(state.bodies[0].count).toBe(3);
    expect(Array.from(state.memberList.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(state.admittedStep[2]).toBe(5);
    // Under unanimity the new member's lone "no" now blocks.
    expect(state.vetoHolder[2]).toBe(1);
  });

  it('fails on an abstention under unanimity, and the observer stays outside', () => {
    const world = compileWorld(load().scenario);
    const state = createRunState(world);
    state.step = 5;
    enlarge(world, state, scriptedRandom([0.5, 0.8])); // B: 0.731 ≤ 0.8 < 0.953: abstains
    expect(state.votes[state.scratchRow * 3 + 1]).toBe(ABSTAIN);
    expect(state.admissions[0]).toBe(0);
    expect(state.memberCount[0]).toBe(2);
  });

  it('reaches the run summary, and observers never vote', () => {
    const world = compileWorld(load().scenario);
    const loaded = load();
    let admitted = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const result = simulateRecorded(world, seed);
      const document = summaryDocument(loaded, result);
      if (document.admissions.ORG.length > 0) {
        expect(document.admissions.ORG).toEqual([{ state: 'CCC', step: 5, year: 2026 }]);
        admitted++;
      }
      // Before 2026 every vote had two voters: the members column says 2 and C never voted.
      for (let s = 1; s <= 4; s++) expect(valueAt(result, s, 'ORG', 'members')).toBe(2);
    }
    // P(admitted) = 0.731² ≈ 0.53: over 20 seeds some are and some are not.
    expect(admitted).toBeGreaterThan(2);
    expect(admitted).toBeLessThan(18);
  });
});

describe('spontaneous applications on the built-in world', () => {
  it('come only from observers and dialogue partners, and stop when switched off', () => {
    const base = loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario;
    const candidates = {
      CICA: new Set(base.organisations.CICA.observers),
      SCO: new Set([...base.organisations.SCO.observers, ...base.organisations.SCO.partners]),
      ASEAN: new Set<string>(),
    };
    const world = compileWorld(base);
    const loaded = { scenario: base, file: '', files: [], hash: '' };
    let admissions = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const document = summaryDocument(loaded, simulateRecorded(world, seed));
      for (const [org, list] of Object.entries(document.admissions)) {
        for (const { state } of list) {
          expect(candidates[org as keyof typeof candidates].has(state)).toBe(true);
          admissions++;
        }
      }
    }
    expect(admissions).toBeGreaterThan(0);
    const off = compileWorld(
      loadScenario(repoFile('scenarios/asia-2025.yaml'), {
        overrides: { 'parameters.enlargement.enabled': false },
      }).scenario,
    );
    for (let seed = 1; seed <= 5; seed++) {
      const result = simulateRecorded(off, seed);
      for (let s = 1; s <= result.steps; s++)
        for (const org of result.orgIds) expect(valueAt(result, s, org, 'applications')).toBe(0);
    }
  });
});
