import { describe, expect, it } from 'vitest';
import { compileInitialTrust } from '../../../src/engine/compile/initial-trust.js';
import { compileStates } from '../../../src/engine/compile/states.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

describe('compileInitialTrust (docs/MODEL.md §Trust)', () => {
  it('starts at ½, adds shared memberships and relations, and writes priorStrength pseudo-observations', () => {
    // tiny.yaml: AAA and BBB share group G and organisation ORG and are allies (0.2 × 1);
    // CCC shares only ORG. sharedMembership 0.02, priorStrength 10.
    const { scenario } = loadScenario(fixture('tiny.yaml'));
    const trust = compileInitialTrust(scenario, compileStates(scenario));
    const n = 3;
    const at = (i: number, j: number) => [trust.initialPositive[i * n + j], trust.initialNegative[i * n + j]];
    // AAA→BBB: t0 = 0.5 + 2 × 0.02 + 0.2 = 0.74 → (7.4, 2.6), both directions.
    expect(at(0, 1)[0]).toBeCloseTo(7.4, 12);
    expect(at(0, 1)[1]).toBeCloseTo(2.6, 12);
    expect(at(1, 0)).toEqual(at(0, 1));
    // AAA→CCC: t0 = 0.5 + 0.02 = 0.52 → (5.2, 4.8).
    expect(at(0, 2)[0]).toBeCloseTo(5.2, 12);
    expect(at(2, 1)[1]).toBeCloseTo(4.8, 12);
    // Nobody holds evidence about themselves.
    expect(at(1, 1)).toEqual([0, 0]);
  });

  it('keeps every pair inside [0.05, 0.95]', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'parameters.trust.relationEffect': { alliance: 0.9, rivalry: -1 },
        relations: [
          { a: 'AAA', b: 'BBB', kind: 'alliance', intensity: 1 },
          { a: 'AAA', b: 'CCC', kind: 'rivalry', intensity: 1 },
        ],
      },
    });
    const trust = compileInitialTrust(scenario, compileStates(scenario));
    // 0.5 + 0.04 + 0.9 = 1.44 → 0.95; 0.5 + 0.02 − 1 = −0.48 → 0.05.
    expect(trust.initialPositive[1]).toBeCloseTo(9.5, 12);
    expect(trust.initialPositive[2]).toBeCloseTo(0.5, 12);
    expect(trust.initialNegative[2 * 3]).toBeCloseTo(9.5, 12);
  });
});
