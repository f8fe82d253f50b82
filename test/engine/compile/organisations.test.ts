import { describe, expect, it } from 'vitest';
import { compileCbms } from '../../../src/engine/compile/cbms.js';
import { compileOrganisations } from '../../../src/engine/compile/organisations.js';
import { compileStates } from '../../../src/engine/compile/states.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

describe('compileOrganisations', () => {
  it('members, weights, candidates, catalogue, coordinators, chair, crisis response and partnerships', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'organisations.ORG.members': ['BBB', 'AAA'],
        'organisations.ORG.observers': ['CCC'],
        'organisations.ORG.weights': { AAA: 3 },
        'organisations.ORG.coordinators': { human: ['AAA'] },
        'organisations.ORG.chair': { termYears: 0.5 },
        'cbms.T': {
          name: 'Counter-terrorism',
          dimension: 'newThreats',
          level: 1,
          benefit: { newThreats: 0.4 },
          cost: 0,
          bindingness: 0.3,
        },
        'organisations.TWO': {
          members: ['CCC', 'AAA'],
          rules: { default: { kind: 'consensus' } },
          catalogue: ['X'],
        },
        partnerships: [{ organisations: ['ORG', 'TWO'] }],
      },
    });
    const states = compileStates(scenario);
    const orgs = compileOrganisations(scenario, states, compileCbms(scenario));
    expect(orgs.orgIds).toEqual(['ORG', 'TWO']);
    // ORG's members in file order (B, A), TWO's (C, A), each at o × n.
    expect([...orgs.memberList.subarray(0, 2)]).toEqual([1, 0]);
    expect([...orgs.memberList.subarray(3, 5)]).toEqual([2, 0]);
    expect([...orgs.memberCount]).toEqual([2, 2]);
    expect([...orgs.weight.subarray(0, 3)]).toEqual([3, 1, 1]);
    expect([...orgs.candidate.subarray(0, 3)]).toEqual([0, 0, 1]);
    // ORG tables both measures, TWO only X; ORG answers a crisis with T, TWO has none.
    expect([...orgs.catalogueSize]).toEqual([2, 1]);
    expect([...orgs.crisisCbm]).toEqual([1, -1]);
    // AAA coordinates the human dimension (index 4) in ORG: cell (0 × 3 + 0) × 5 + 4.
    expect(orgs.coordinator[4]).toBe(1);
    // The chair rotates through the members, each for half a year: two quarterly steps.
    expect([...orgs.chairOrder[0]]).toEqual([1, 0]);
    expect(orgs.chairTermSteps[0]).toBe(2);
    // Partners both ways; their joint catalogue is what both may table: X.
    expect([...orgs.partnered]).toEqual([0, 1, 1, 0]);
    expect([...orgs.jointCatalogue[1]]).toEqual([0]);
    expect([...orgs.jointCatalogue[0]]).toEqual([]);
  });
});
