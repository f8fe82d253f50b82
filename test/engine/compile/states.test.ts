import { describe, expect, it } from 'vitest';
import { capabilityScores, compileStates } from '../../../src/engine/compile/states.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

describe('compileStates', () => {
  it('indexes states in file order, with their traits and the pairs that clash or compete', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'actors.CCC.subregion': 'Y',
        'actors.BBB.sovereignty': 0.7,
        relations: [
          { a: 'AAA', b: 'BBB', kind: 'alliance', intensity: 1 },
          { a: 'BBB', b: 'CCC', kind: 'dispute', intensity: 0.4 },
          { a: 'AAA', b: 'CCC', kind: 'rivalry', intensity: 0.9 },
        ],
      },
    });
    const states = compileStates(scenario);
    expect(states.stateIds).toEqual(['AAA', 'BBB', 'CCC']);
    expect(states.stateIndex.get('CCC')).toBe(2);
    expect([...states.population]).toEqual([10, 20, 30]);
    expect([...states.sovereignty]).toEqual([0, 0.7, 0]);
    expect([...states.subregion]).toEqual([0, 0, 1]);
    expect(states.salience).toHaveLength(15);
    // The dispute is a clash pair, the rivalry a rival pair; the alliance neither.
    expect([...states.clashPairA, ...states.clashPairB, ...states.clashIntensity]).toEqual([1, 2, 0.4]);
    expect([...states.rivalPairA, ...states.rivalPairB, ...states.rivalIntensity]).toEqual([0, 2, 0.9]);
  });

  it('scores capability from log GDP and log military spending, each scaled from the least to the most', () => {
    // GDP 1, 10, 100 → log1p: ln 2, ln 11, ln 101 → scaled 0, ln 5.5 / ln 50.5 = 0.4346659, 1.
    // Military 0, 9, 99 → ln 1, ln 10, ln 100 → 0, 0.5, 1. Capability is the mean of the two.
    const capability = capabilityScores([1, 10, 100], [0, 9, 99]);
    expect(capability[0]).toBe(0);
    expect(capability[1]).toBeCloseTo((0.4346659 + 0.5) / 2, 7);
    expect(capability[2]).toBe(1);
    // A quantity every state shares says nothing: it scales to 0.
    expect([...capabilityScores([5, 5], [1, 3])]).toEqual([0, 0.5]);
  });

  it('links each state to the leading powers it is allied (tie = intensity) or aligned (half) with', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        // CCC has by far the most capability (1); AAA and BBB none (0).
        'actors.CCC.gdp': 1000,
        'actors.CCC.military': 1000,
        relations: [
          { a: 'AAA', b: 'CCC', kind: 'alliance', intensity: 0.8 },
          { a: 'CCC', b: 'BBB', kind: 'alignment', intensity: 0.6 },
          { a: 'AAA', b: 'BBB', kind: 'alliance', intensity: 1 },
        ],
      },
    });
    const states = compileStates(scenario);
    const leadersOf = (i: number) =>
      Array.from({ length: states.leaderOffset[i + 1] - states.leaderOffset[i] }, (_, k) => [
        states.leaderState[states.leaderOffset[i] + k],
        states.leaderTie[states.leaderOffset[i] + k],
      ]);
    // AAA follows CCC (alliance 0.8); BBB follows CCC (alignment 0.6 / 2); nobody follows AAA or BBB.
    expect(leadersOf(0)).toEqual([[2, 0.8]]);
    expect(leadersOf(1)).toEqual([[2, 0.3]]);
    expect(leadersOf(2)).toEqual([]);
  });
});
