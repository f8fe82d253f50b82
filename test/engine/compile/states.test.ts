import { describe, expect, it } from 'vitest';
import { compileStates } from '../../../src/engine/compile/states.js';
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
});
