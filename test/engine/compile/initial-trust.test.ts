import { describe, expect, it } from 'vitest';
import { compileInitialTrust } from '../../../src/engine/compile/initial-trust.js';
import { compileStates } from '../../../src/engine/compile/states.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

describe('compileInitialTrust: structural trust (docs/MODEL.md §Trust)', () => {
  it('starts at ½, adds shared memberships and every relation, and writes priorStrength pseudo-observations', () => {
    // tiny.yaml: AAA and BBB share group G and organisation ORG and are allies (0.2 × 1);
    // CCC shares only ORG. sharedMembership 0.02, priorStrength 10.
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'parameters.trust.relationEffect': { alliance: 0.2, rivalry: -0.1, dispute: -0.2 },
        relations: [
          { a: 'AAA', b: 'BBB', kind: 'alliance', intensity: 1 },
          // Two relations of one pair both count: 0.52 − 0.1 × 0.5 − 0.2 × 0.5 = 0.37.
          { a: 'BBB', b: 'CCC', kind: 'rivalry', intensity: 0.5 },
          { a: 'CCC', b: 'BBB', kind: 'dispute', intensity: 0.5 },
        ],
      },
    });
    const trust = compileInitialTrust(scenario, compileStates(scenario));
    const n = 3;
    const at = (i: number, j: number) => [trust.basePositive[i * n + j], trust.baseNegative[i * n + j]];
    // AAA→BBB: t0 = 0.5 + 2 × 0.02 + 0.2 = 0.74 → (7.4, 2.6), both directions.
    expect(trust.structuralTrust[1]).toBeCloseTo(0.74, 12);
    expect(at(0, 1)[0]).toBeCloseTo(7.4, 12);
    expect(at(0, 1)[1]).toBeCloseTo(2.6, 12);
    expect(at(1, 0)).toEqual(at(0, 1));
    // AAA→CCC: t0 = 0.5 + 0.02 = 0.52 → (5.2, 4.8).
    expect(at(0, 2)[0]).toBeCloseTo(5.2, 12);
    expect(trust.structuralTrust[2 * n + 1]).toBeCloseTo(0.37, 12);
    // The diagonal holds ½ so that it stays finite; nobody is asked about themselves.
    expect(at(1, 1)).toEqual([5, 5]);
  });

  it('keeps every pair inside trust.initialRange', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'parameters.trust.relationEffect': { alliance: 0.9, rivalry: -1 },
        'parameters.trust.initialRange': [0.1, 0.8],
        relations: [
          { a: 'AAA', b: 'BBB', kind: 'alliance', intensity: 1 },
          { a: 'AAA', b: 'CCC', kind: 'rivalry', intensity: 1 },
        ],
      },
    });
    const trust = compileInitialTrust(scenario, compileStates(scenario));
    // 0.5 + 0.04 + 0.9 = 1.44 → 0.8; 0.5 + 0.02 − 1 = −0.48 → 0.1.
    expect(trust.structuralTrust[1]).toBeCloseTo(0.8, 12);
    expect(trust.basePositive[1]).toBeCloseTo(8, 12);
    expect(trust.structuralTrust[2]).toBeCloseTo(0.1, 12);
    expect(trust.baseNegative[2 * 3]).toBeCloseTo(9, 12);
  });
});
