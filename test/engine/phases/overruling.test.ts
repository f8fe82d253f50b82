import { describe, expect, it } from 'vitest';
import { resentOverruling } from '../../../src/engine/phases/overruling.js';
import { createRunState } from '../../../src/engine/state.js';
import { trustAt } from '../../../src/engine/trust.js';
import { compileWorld } from '../../../src/engine/world.js';
import { compileRule } from '../../../src/rules/compile.js';
import { ABSTAIN, NO, YES } from '../../../src/rules/votes.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

// Neutral structure: every pair at ½ as r0 = s0 = 1, so 0.1 of negative evidence reads 1 / 2.1.
const world = compileWorld(
  loadScenario(fixture('tiny.yaml'), {
    overrides: {
      'parameters.trust.priorStrength': 2,
      'parameters.trust.sharedMembership': 0,
      relations: [],
    },
  }).scenario,
);
const totals = { count: 3, weight: 3, population: 60 };
const indexOf = (id: string) => world.stateIndex.get(id) as number;

function trustAfterDecision(rule: Parameters<typeof compileRule>[0], votes: number[]) {
  const state = createRunState(world);
  state.step = 1;
  state.votes.set(votes, state.scratchRow * 3);
  resentOverruling(world, state, 0, compileRule(rule, totals, indexOf), state.scratchRow);
  return (i: number, j: number) => trustAt(state.trust, i, j, 1);
}

describe('resentOverruling: the overruled member loses trust in those who carried the decision', () => {
  it('a quota decision over C\'s "no": C → A and C → B take overruledPenalty 0.1; nobody else changes', () => {
    const trust = trustAfterDecision({ kind: 'quota', yes: { count: 2 } }, [YES, YES, NO]);
    expect(trust(2, 0)).toBeCloseTo(1 / 2.1, 14);
    expect(trust(2, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trust(0, 2)).toBe(0.5);
    expect(trust(0, 1)).toBe(0.5);
  });

  it('an abstainer is not overruled, and a yes voter it did not oppose is not blamed', () => {
    const trust = trustAfterDecision({ kind: 'consensus-minus', k: 1 }, [YES, ABSTAIN, NO]);
    expect(trust(1, 0)).toBe(0.5);
    expect(trust(2, 0)).toBeCloseTo(1 / 2.1, 14);
    expect(trust(2, 1)).toBe(0.5);
  });

  it('opt-in adopts only for those who opt in: it overrules nobody', () => {
    const trust = trustAfterDecision({ kind: 'opt-in', minParticipants: 2 }, [YES, YES, NO]);
    expect(trust(2, 0)).toBe(0.5);
  });
});
