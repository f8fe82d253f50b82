import { describe, expect, it } from 'vitest';
import { type RunResult, valueAt } from '../../src/engine/simulate.js';
import { compileWorld } from '../../src/engine/world.js';
import { METRIC_NAMES } from '../../src/metrics/recorders.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture, repoFile } from '../helpers.js';

const world = compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario);

describe('simulate on the built-in world', () => {
  it('gives bit-identical results for the same seed and different ones for another', () => {
    const first = simulateRecorded(world, 7);
    const second = simulateRecorded(world, 7);
    expect(Buffer.from(first.values.buffer).equals(Buffer.from(second.values.buffer))).toBe(true);
    const other = simulateRecorded(world, 8);
    expect(Buffer.from(first.values.buffer).equals(Buffer.from(other.values.buffer))).toBe(false);
  });

  it('records every metric for every organisation and step, within their ranges', () => {
    const result = simulateRecorded(world, 3);
    expect(result.steps).toBe(40);
    expect(result.values.length).toBe(40 * 3 * METRIC_NAMES.length);
    for (let step = 1; step <= result.steps; step++) {
      for (let o = 0; o < 3; o++) {
        const v = (name: string) => valueAt(result, step, o, name);
        // Members only join (observers and partners may be admitted): at least the initial, at most all candidates.
        expect(v('members')).toBeGreaterThanOrEqual([28, 10, 11][o]);
        expect(v('members')).toBeLessThanOrEqual([28 + 9, 10 + 17, 11][o]);
        // Two CBMs, one more once CICA has a Council of Permanent Representatives, a crisis response,
        // and a joint CBM with a partner organisation.
        expect(v('proposals')).toBeLessThanOrEqual(5);
        expect(v('adopted')).toBeLessThanOrEqual(v('proposals'));
        expect(v('mean_trust')).toBeGreaterThan(0);
        expect(v('mean_trust')).toBeLessThan(1);
        expect(v('cohesion')).toBeGreaterThanOrEqual(0);
        expect(v('cohesion')).toBeLessThanOrEqual(1);
        if (v('proposals') === 0) expect(v('adoption_rate')).toBeNaN();
        else expect(v('adoption_rate')).toBe(v('adopted') / v('proposals'));
      }
    }
  });

  it('a horizon override changes the number of steps', () => {
    const short = compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario, { years: 3 });
    expect(simulateRecorded(short, 1).steps).toBe(12);
  });
});

describe('random streams per purpose and organisation', () => {
  it('a change to one organisation leaves an unconnected one exactly as it was (common random numbers)', () => {
    const load = (overrides: Record<string, unknown>) =>
      compileWorld(
        loadScenario(fixture('two-orgs.yaml'), {
          // Unconnected: no partnership may form between them (a partnership connects them).
          overrides: { 'parameters.partnerships.enabled': false, ...overrides },
        }).scenario,
      );
    const base = load({});
    const changed = load({
      'organisations.ORG.rules.default': { kind: 'consensus' },
      'organisations.ORG.agendaSize': 2,
    });
    const series = (world: typeof base, seed: number, o: number) => {
      const result = simulateRecorded(world, seed);
      return Array.from({ length: result.steps }, (_, s) =>
        METRIC_NAMES.map((metric) => valueAt(result, s + 1, o, metric)),
      );
    };
    let orgDiffered = false;
    for (const seed of [1, 2, 3, 4, 5]) {
      // OTHER (index 1) shares no member with ORG: its whole time series is unchanged.
      expect(series(changed, seed, 1)).toEqual(series(base, seed, 1));
      orgDiffered ||= JSON.stringify(series(changed, seed, 0)) !== JSON.stringify(series(base, seed, 0));
    }
    // ...while the organisation that was changed did change.
    expect(orgDiffered).toBe(true);
  });
});

// A hand-made result: 2 steps × 2 organisations × 3 metrics, each value naming its place.
const result: RunResult = {
  seed: 1,
  steps: 2,
  startYear: 2025,
  stepsPerYear: 4,
  orgIds: ['CICA', 'SCO'],
  metricNames: ['members', 'adopted', 'stage'],
  // step 1: CICA 111 112 113, SCO 121 122 123; step 2: CICA 211 …
  values: Float64Array.from([111, 112, 113, 121, 122, 123, 211, 212, 213, 221, 222, 223]),
};

describe('valueAt', () => {
  it('reads a metric of an organisation after a step, by id or index', () => {
    expect(valueAt(result, 1, 'CICA', 'members')).toBe(111);
    expect(valueAt(result, 1, 'SCO', 'stage')).toBe(123);
    expect(valueAt(result, 2, 0, 'adopted')).toBe(212);
    expect(valueAt(result, 2, 1, 'members')).toBe(221);
  });

  it('refuses what the result does not hold, rather than read a neighbour', () => {
    expect(() => valueAt(result, 3, 'CICA', 'members')).toThrow(RangeError);
    expect(() => valueAt(result, 0, 'CICA', 'members')).toThrow(RangeError);
    expect(() => valueAt(result, 1, 'ASEAN', 'members')).toThrow(/ASEAN/);
    expect(() => valueAt(result, 1, 'CICA', 'vetoes')).toThrow(/vetoes/);
  });
});
