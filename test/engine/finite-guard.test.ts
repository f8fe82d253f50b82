import { describe, expect, it } from 'vitest';
import { NonFiniteError } from '../../src/engine/finite-guard.js';
import { customPhase, type PhaseRun } from '../../src/engine/phase.js';
import { DEFAULT_PHASES } from '../../src/engine/phases/index.js';
import { valueAt } from '../../src/engine/simulate.js';
import { compileWorld } from '../../src/engine/world.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture } from '../helpers.js';

/**
 * No NaN or infinity reaches an output silently: a run that produces one fails, naming the
 * mechanism (the phase), the state field, the step and the seed. Faults are injected by adding a
 * phase, as a model extension with a bug would.
 */
const world = compileWorld(loadScenario(fixture('tiny.yaml')).scenario);

function runWith(phase: PhaseRun): unknown {
  try {
    simulateRecorded(world, 11, { phases: [...DEFAULT_PHASES, customPhase(phase)] });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the finite guard', () => {
  it('names the phase, the field, the step and the seed when trust becomes NaN', () => {
    // Trust of AAA in BBB (cell 0 × 3 + 1) poisoned in step 3: members' mean trust becomes NaN.
    const poisonTrust: PhaseRun = function poisonTrust(_world, state) {
      if (state.step === 3) state.trust.positive[1] = Number.NaN;
    };
    const error = runWith(poisonTrust);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as Error).message).toBe(
      'the phase poisonTrust produced a non-finite number in trust.positive[1] at step 3 (year 2025) of the run with seed 11; check those parameters for extreme values',
    );
  });

  it('catches an infinity in a counter, and names a built-in mechanism by its parameters', () => {
    const error = runWith(function overflowAdopted(_world, state) {
      if (state.step === 6) state.adopted[0] = Number.POSITIVE_INFINITY;
    });
    expect((error as Error).message).toMatch(
      /^the phase overflowAdopted produced a non-finite number in adopted\[0\] at step 6 \(year 2026\)/,
    );
    // The built-in phases are named by what they model: voting, here.
    const phases = DEFAULT_PHASES.map((p) =>
      p.name === 'castVotes'
        ? {
            ...p,
            run: ((w, s, r) => {
              p.run(w, s, r);
              if (s.step === 2) s.salience[0] = Number.NaN;
              if (s.step === 2) s.trust.negative[2] = Number.NaN;
            }) as PhaseRun,
          }
        : p,
    );
    expect(() => simulateRecorded(world, 11, { phases })).toThrow(
      /^voting \(parameters\.voting\) produced a non-finite number in trust\.negative\[2\] at step 2/,
    );
  });

  it('lets a metric be empty (NaN) only when it says so: ambition with nothing adopted', () => {
    const result = simulateRecorded(world, 11);
    let empty = 0;
    for (let step = 1; step <= result.steps; step++) {
      if (Number.isNaN(valueAt(result, step, 'ORG', 'ambition'))) {
        empty++;
        expect(valueAt(result, step, 'ORG', 'adopted')).toBe(0);
      }
    }
    // And a NaN where the metric is not empty is a fault: a proposal counted but its adoption rate poisoned.
    const error = runWith(function poisonRate(_world, state) {
      if (state.step === 4) {
        state.proposals[0] = 1;
        state.adopted[0] = Number.NaN;
      }
    });
    expect((error as Error).message).toMatch(
      /poisonRate produced a non-finite number in adopted\[0\] at step 4/,
    );
    expect(empty).toBeGreaterThan(0); // the tiny world has quiet steps, so the first half tested something
  });
});
