import { describe, expect, it } from 'vitest';
import { customPhase, type Phase, runStep } from '../../src/engine/phase.js';
import { DEFAULT_PHASES } from '../../src/engine/phases/index.js';
import { objectionBoundary, objectionProbability, objects, scoringTerms } from '../../src/engine/score.js';
import { compileWorld } from '../../src/engine/world.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture, scriptedRandom, stateWithProposal } from '../helpers.js';

/**
 * Deliberation asks whether a member's chance of objecting reaches a threshold; `objects` answers
 * without Math.exp away from the boundary. Checked against the definition (objectionProbability
 * ≥ threshold) on costs that put the score on either side of the boundary, down to 1e-13 from it.
 */
describe('objects: the likely-objector test without Math.exp', () => {
  const world = compileWorld(loadScenario(fixture('tiny.yaml')).scenario);
  const state = stateWithProposal(world, 0);
  state.proposalBindingness[0] = 0.5;
  const voter = 1;
  const definition = (threshold: number) => objectionProbability(world, state, 0, voter) >= threshold;

  it.each([0.05, 0.2, 0.5, 0.8, 0.95, 1e-9, 1 - 1e-9, 0, 1])(
    'agrees with the definition at threshold %s',
    (threshold) => {
      // The cost at which P(no) crosses the threshold, by bisection on the definition.
      let low = 0;
      let high = 10;
      for (let k = 0; k < 200; k++) {
        const mid = (low + high) / 2;
        state.proposalCost[0] = mid;
        if (definition(threshold)) high = mid;
        else low = mid;
      }
      const boundary = objectionBoundary(threshold);
      const costs = [0, 0.5, 2, 9.5, high, low];
      for (const e of [1e-13, 1e-10, 1e-7, 1e-6, 1e-5, 1e-3]) costs.push(high + e, low - e);
      let agreed = 0;
      for (const cost of costs.filter((c) => c >= 0)) {
        state.proposalCost[0] = cost;
        expect(
          objects(world, state, scoringTerms(world, state, 0), voter, threshold, boundary),
          `cost ${cost}`,
        ).toBe(definition(threshold));
        agreed++;
      }
      expect(agreed).toBeGreaterThan(10);
    },
  );
});

describe('salience × benefit, kept while salience stands', () => {
  const world = compileWorld(loadScenario(fixture('tiny.yaml')).scenario);
  const raise = customPhase((_world, state) => {
    state.salience.fill(1);
  });
  /** P(no) of member 1 after `phase` ran, and what a state that never scored before gives. */
  const scoredAfter = (phase: Phase) => {
    const state = stateWithProposal(world, 0);
    const before = objectionProbability(world, state, 0, 1);
    runStep(world, state, scriptedRandom([]), [phase]);
    const fresh = stateWithProposal(world, 0);
    fresh.salience.fill(1);
    return {
      before,
      now: objectionProbability(world, state, 0, 1),
      fresh: objectionProbability(world, fresh, 0, 1),
    };
  };

  it('is computed again after a phase of one’s own, which may have changed salience', () => {
    const { before, now, fresh } = scoredAfter(raise);
    expect(now).toBe(fresh);
    expect(now).not.toBe(before);
  });

  it('is kept after a phase that declares it keeps salience (the shipped ones but the events)', () => {
    const { before, now } = scoredAfter({ ...raise, keepsSalience: true });
    expect(now).toBe(before);
    expect(DEFAULT_PHASES.filter((phase) => !phase.keepsSalience).map((phase) => phase.name)).toEqual([
      'applyEvents',
    ]);
  });
});
