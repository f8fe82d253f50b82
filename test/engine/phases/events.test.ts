import { describe, expect, it } from 'vitest';
import { tableProposals } from '../../../src/engine/phases/agenda.js';
import { assessTrust } from '../../../src/engine/phases/assess.js';
import { applyEvents } from '../../../src/engine/phases/events.js';
import { valueAt } from '../../../src/engine/simulate.js';
import { createRunState, ruleOfProposal } from '../../../src/engine/state.js';
import { trustAt } from '../../../src/engine/trust.js';
import { compileWorld } from '../../../src/engine/world.js';
import { simulateRecorded } from '../../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture, repoFile, scriptedRandom } from '../../helpers.js';

const NEW_THREATS = 1;
const HUMAN = 4;
const tiny = (overrides: Record<string, unknown>) =>
  compileWorld(loadScenario(fixture('tiny.yaml'), { overrides }).scenario);

describe('scheduled shocks (worked by hand)', () => {
  it('a pandemic raises new threats and human salience by pandemicShift, fading by half a year', () => {
    const world = tiny({
      'parameters.events.hazards': false,
      events: [{ year: 2025, kind: 'pandemic', magnitude: 1 }],
    });
    const state = createRunState(world);
    state.step = 1;
    applyEvents(world, state, scriptedRandom([]));
    // Every salience was 0.5; shift 0.2.
    expect(state.salience[0 * 5 + NEW_THREATS]).toBeCloseTo(0.7, 15);
    expect(state.salience[2 * 5 + HUMAN]).toBeCloseTo(0.7, 15);
    expect(state.salience[0]).toBe(0.5);
    expect(Array.from(state.crisisPending)).toEqual([1]);
    expect(state.shocks[0]).toBe(1);
    // salienceRecovery 0.5 a year: after four quarterly steps half the shift remains.
    for (let step = 2; step <= 5; step++) {
      state.step = step;
      applyEvents(world, state, scriptedRandom([]));
    }
    expect(state.salience[NEW_THREATS]).toBeCloseTo(0.6, 12);
  });

  it('puts a crisis response on the agenda, first, decided under the crisis rule', () => {
    const world = tiny({
      'parameters.events.hazards': false,
      'organisations.ORG.rules.crisis': { kind: 'quota', yes: { count: 2 } },
      'cbms.Y': {
        name: 'Joint pandemic response',
        dimension: 'newThreats',
        level: 5,
        benefit: { newThreats: 1 },
        cost: 0.2,
        bindingness: 0.5,
      },
      'parameters.agenda.levelThresholds': [0, 0, 0, 0, 0.99],
      events: [{ year: 2025, kind: 'terrorist-attack', state: 'BBB' }],
    });
    const state = createRunState(world);
    state.step = 1;
    applyEvents(world, state, scriptedRandom([]));
    assessTrust(world, state);
    // Crisis first (no draw: the chair, AAA, proposes), then one CBM of level 1: X (two draws).
    tableProposals(world, state, scriptedRandom([0, 0.5]));
    expect(state.proposalCount).toBe(2);
    expect(world.cbmIds[state.proposalCbm[0]]).toBe('Y');
    expect(state.proposalKind[0]).toBe(1);
    expect(state.proposalProposer[0]).toBe(0);
    expect(ruleOfProposal(state, 0).kind).toBe('quota');
    expect(world.cbmIds[state.proposalCbm[1]]).toBe('X');
    expect(ruleOfProposal(state, 1).kind).toBe('unanimity');
    // All three share subregion X: the attack raised new threats for each.
    for (let i = 0; i < 3; i++) expect(state.salience[i * 5 + NEW_THREATS]).toBeCloseTo(0.65, 15);
  });
});

describe('shocks drawn from hazards (worked by hand)', () => {
  // A dispute of intensity 1 between A and C at neutral trust ½: P(clash) = 0.3 / 4 × 1 × ½ = 0.0375.
  const world = tiny({
    'parameters.trust.priorStrength': 2, // with structure neutralised: r0 = s0 = 1, trust ½
    'parameters.trust.sharedMembership': 0,
    'parameters.trust.relationEffect': { conflict: 0, dispute: 0, rivalry: 0, alignment: 0, alliance: 0 },
    'parameters.events.pandemicRate': 0,
    'parameters.events.terrorRate': 0,
    relations: [{ a: 'AAA', b: 'CCC', kind: 'dispute', intensity: 1 }],
  });

  it.each([
    [0.0374, true],
    [0.0376, false],
  ])('a clash draw of %f happens: %s', (draw, happens) => {
    const state = createRunState(world);
    state.step = 1;
    const random = scriptedRandom([draw, 0.9, 0.9]); // clash, pandemic, attack
    applyEvents(world, state, random);
    expect(random.remaining()).toBe(0);
    expect(state.conflicts[0]).toBe(happens ? 1 : 0);
    // clashEvidence 5 both ways: (0 + 1) / (5 + 2).
    expect(trustAt(state.trust, 0, 2, 1)).toBeCloseTo(happens ? 1 / 7 : 0.5, 15);
  });
});

describe('hazards on the built-in world', () => {
  const total = (overrides: Record<string, unknown>, metric: string) => {
    const w = compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml'), { overrides }).scenario);
    let sum = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const result = simulateRecorded(w, seed);
      for (let s = 1; s <= result.steps; s++)
        for (const org of result.orgIds) sum += valueAt(result, s, org, metric);
    }
    return sum;
  };

  it('produce shocks and clashes, and none when switched off', () => {
    expect(total({}, 'shocks')).toBeGreaterThan(0);
    expect(total({}, 'conflicts')).toBeGreaterThan(0);
    expect(total({ 'parameters.events.hazards': false }, 'shocks')).toBe(0);
    expect(total({ 'parameters.events.hazards': false }, 'conflicts')).toBe(0);
  });
});
