import { describe, expect, it } from 'vitest';
import { assessTrust } from '../../../src/engine/phases/assess.js';
import { DEFAULT_PHASES } from '../../../src/engine/phases/index.js';
import { reformInstitutions } from '../../../src/engine/phases/reform.js';
import { valueAt } from '../../../src/engine/simulate.js';
import { createRunState, type RunState } from '../../../src/engine/state.js';
import { trustAt } from '../../../src/engine/trust.js';
import { compileWorld, type World } from '../../../src/engine/world.js';
import { simulateRecorded } from '../../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture, repoFile, scriptedRandom } from '../../helpers.js';

// Neutral trust (structure neutralised), temperature 0.1, abstention 1; a one-rung ladder.
// Reform score = interest 0.2 + recordWeight 0.5 × (record ½ − ½) − sovereignty × bindingness 0.5 + 0.
//   B (sovereignty 0): 0.2, x = 2: P(yes) = σ(1) ≈ 0.731, P(no) = σ(−3) ≈ 0.047.
//   C (sovereignty 1): −0.3, x = −3: P(yes) = σ(−4) ≈ 0.018, P(no) = σ(2) ≈ 0.881.
// A chairs (first in the rotation) and votes yes.
const ladder = {
  'parameters.trust.priorStrength': 2, // with structure neutralised: r0 = s0 = 1, trust ½
  'parameters.trust.sharedMembership': 0,
  'parameters.trust.relationEffect': { conflict: 0, dispute: 0, rivalry: 0, alignment: 0, alliance: 0 },
  'parameters.voting.temperature': 0.1,
  'actors.CCC.sovereignty': 1,
  'organisations.ORG.ladder': [
    {
      name: 'Council',
      requires: { meanTrust: 0, cbmsImplemented: 0, yearsSinceReform: 0 },
      bindingness: 0.5,
      effects: { implementation: 0.1, agendaSize: 1, rules: { cbm: { kind: 'consensus' } } },
    },
  ],
};

function atStepOne(overrides: Record<string, unknown> = {}): { world: World; state: RunState } {
  const world = compileWorld(
    loadScenario(fixture('tiny.yaml'), { overrides: { ...ladder, ...overrides } }).scenario,
  );
  const state = createRunState(world);
  state.step = 1;
  assessTrust(world, state);
  return { world, state };
}

describe('a reform vote (worked by hand)', () => {
  it('passes when every member says yes under unanimity, and its effects take over', () => {
    const { world, state } = atStepOne();
    expect(state.rules.cbm[0].kind).toBe('unanimity');
    reformInstitutions(world, state, scriptedRandom([0.5, 0.01])); // B yes (< 0.731), C yes (< 0.018)
    expect(state.stage[0]).toBe(1);
    expect(state.reforms[0]).toBe(1);
    expect(state.rungReachedStep[0]).toBe(1);
    expect(state.rules.cbm[0].kind).toBe('consensus');
    expect(state.rules.reform[0].kind).toBe('unanimity');
    expect(world.stageAgenda[world.stageOffset[0] + 1]).toBe(1);
    expect(world.stageImplementation[world.stageOffset[0] + 1]).toBeCloseTo(0.1, 15);
  });

  it('passed by a two-thirds quota over C\'s "no": C resents the majority (trust.overruledPenalty)', () => {
    const { world, state } = atStepOne({
      'organisations.ORG.rules.reform': { kind: 'quota', yes: { count: { share: 0.6 } } },
    });
    reformInstitutions(world, state, scriptedRandom([0.5, 0.99])); // B yes, C no: 2 of 3 ≥ 0.6
    expect(state.stage[0]).toBe(1);
    // C adds 0.1 of negative evidence toward A (the chair, yes) and B: (0 + 1) / (0.1 + 2).
    expect(trustAt(state.trust, 2, 0, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trustAt(state.trust, 2, 1, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trustAt(state.trust, 0, 2, 1)).toBe(0.5);
  });

  it('fails on a "no" (C: 0.5 ≥ 1 − 0.881), the ladder stays, and no new vote comes for a year', () => {
    const { world, state } = atStepOne();
    reformInstitutions(world, state, scriptedRandom([0.5, 0.5]));
    expect(state.stage[0]).toBe(0);
    expect(Number.isNaN(state.rungReachedStep[0])).toBe(true);
    // retryYears 1: steps 2–4 draw nothing (a vote would throw on the empty script); step 5 votes.
    for (let step = 2; step <= 4; step++) {
      state.step = step;
      reformInstitutions(world, state, scriptedRandom([]));
    }
    state.step = 5;
    reformInstitutions(world, state, scriptedRandom([0.5, 0.01]));
    expect(state.stage[0]).toBe(1);
  });

  it('is not put to a vote before its prerequisites are met, nor when institutions are switched off', () => {
    // No draws are scripted: a vote would throw.
    for (const overrides of [
      { 'organisations.ORG.ladder.0.requires.meanTrust': 0.99 },
      { 'organisations.ORG.ladder.0.requires.cbmsImplemented': 1 },
      { 'organisations.ORG.ladder.0.requires.yearsSinceReform': 1 },
      { 'parameters.institutions.enabled': false },
    ]) {
      const { world, state } = atStepOne(overrides);
      reformInstitutions(world, state, scriptedRandom([]));
      expect(state.stage[0]).toBe(0);
    }
  });
});

describe('institutional stages on the built-in world', () => {
  // Keen members (base interest 2 in the next rung), so that rungs are voted on and climbed often
  // enough to test how they are climbed.
  const world = compileWorld(
    loadScenario(repoFile('scenarios/asia-2025.yaml'), {
      overrides: { 'parameters.institutions.interest': 2 },
    }).scenario,
    { years: 15 },
  );

  it('never skip a rung, never go back, and respect the years between reforms', () => {
    let climbed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const result = simulateRecorded(world, seed);
      const cica = Array.from({ length: result.steps }, (_, s) => valueAt(result, s + 1, 0, 'stage'));
      let last = 3;
      let lastChange = 0;
      cica.forEach((value, s) => {
        expect(value - last === 0 || value - last === 1).toBe(true);
        if (value > last) {
          // Fund, Council of Permanent Representatives, Full organisation: 2, 2 and 3 years apart.
          if (lastChange > 0) expect(s + 1 - lastChange).toBeGreaterThanOrEqual(value === 6 ? 12 : 8);
          lastChange = s + 1;
          climbed++;
        }
        last = value;
      });
    }
    expect(climbed).toBeGreaterThan(0);
  });

  it('stay put with institutions switched off', () => {
    const off = compileWorld(
      loadScenario(repoFile('scenarios/asia-2025.yaml'), {
        overrides: { 'parameters.institutions.enabled': false },
      }).scenario,
      {
        years: 15,
      },
    );
    for (let seed = 1; seed <= 10; seed++) {
      const result = simulateRecorded(off, seed, { phases: DEFAULT_PHASES });
      for (let s = 1; s <= result.steps; s++) expect(valueAt(result, s, 0, 'stage')).toBe(3);
    }
  });
});
