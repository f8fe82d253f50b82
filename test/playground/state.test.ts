import { describe, expect, it } from 'vitest';
import {
  initialSet,
  initialState,
  MAIN_PARAMETERS,
  sliderOf,
  stateFromHash,
  stateToHash,
} from '../../src/playground/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { PARAMETER_RANGES } from '../../src/scenario/parameter-ranges.js';
import { repoFile } from '../helpers.js';

const scenario = loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario;

describe('the playground state', () => {
  it("opens on today's configuration of the first organisation, 200 ten-year runs", () => {
    const state = initialState(scenario);
    expect(state.org).toBe('CICA');
    expect(state.a).toEqual(state.b);
    expect(state.a.members).toEqual(scenario.organisations.CICA.members);
    // CICA decides everything by consensus (scenarios/asia-2025.yaml), written as its default rule.
    expect(state.a.rules.cbm).toEqual({ kind: 'consensus' });
    expect(state.a.parameters['enlargement.openness']).toBe(0.6);
    expect(state.a.parameters['trust.forgetting']).toBe(0.98);
    expect([state.years, state.replications, state.seed]).toEqual([10, 200, 1]);
  });

  it('gives each main parameter a slider over its documented range', () => {
    for (const path of MAIN_PARAMETERS) expect(PARAMETER_RANGES[path]).toBeDefined();
    // trust.forgetting: 0.95–0.995, a hundredth of 0.045 is 0.00045, so the step is 0.0002.
    expect(sliderOf('trust.forgetting')).toEqual({
      path: 'trust.forgetting',
      min: 0.95,
      max: 0.995,
      step: 0.0002,
    });
    // amendment.rounds is listed as 1..5: whole steps.
    expect(sliderOf('amendment.rounds')).toEqual({ path: 'amendment.rounds', min: 1, max: 5, step: 1 });
    // Every default lies on its slider.
    const today = initialSet(scenario, 'CICA');
    for (const path of MAIN_PARAMETERS) {
      const { min, max } = sliderOf(path);
      expect(today.parameters[path]).toBeGreaterThanOrEqual(min);
      expect(today.parameters[path]).toBeLessThanOrEqual(max);
    }
  });

  it('travels in the URL hash and comes back the same', () => {
    const state = initialState(scenario, 'SCO');
    state.b.members.push('TUR');
    state.b.rules.cbm = { kind: 'consensus-minus', k: 1 };
    state.seed = 42;
    const hash = stateToHash(state);
    expect(hash.startsWith('#')).toBe(true);
    expect(stateFromHash(hash, scenario)).toEqual({ state });
    expect(stateFromHash('', scenario)).toBeNull();
  });

  it('refuses a hash that is not a state of this scenario, and says why', () => {
    expect(stateFromHash('#%7Bnot json', scenario)).toEqual({
      error: 'the link is not a playground state (it does not decode)',
    });
    expect(stateFromHash(`#${encodeURIComponent('{"org":"CICA"}')}`, scenario)).toEqual({
      error: 'the link is not a playground state of this version',
    });
    const other = initialState(scenario);
    other.b.members.push('XXX');
    expect(stateFromHash(stateToHash(other), scenario)).toEqual({
      error: 'the link names state XXX, which this scenario does not have',
    });
  });
});
