import { describe, expect, it } from 'vitest';
import { compileCbms } from '../../../src/engine/compile/cbms.js';
import { DIMENSIONS } from '../../../src/model/dimensions.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

describe('compileCbms', () => {
  it('lays out each measure: level, dimension, benefits, cost, bindingness and ambition', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'cbms.Y': {
          name: 'Joint exercise',
          dimension: 'militaryPolitical',
          level: 2,
          benefit: { militaryPolitical: 0.6, human: 0.3 },
          cost: 0.2,
          bindingness: 0.8,
        },
      },
    });
    const cbms = compileCbms(scenario);
    expect(cbms.cbmIds).toEqual(['X', 'Y']);
    expect(cbms.cbmNames[1]).toBe('Joint exercise');
    expect([...cbms.cbmLevel]).toEqual([1, 2]);
    expect(cbms.cbmDimension[1]).toBe(DIMENSIONS.indexOf('militaryPolitical'));
    // Y: total benefit 0.9; ambition as tabled = bindingness × total = 0.72.
    expect(cbms.cbmTotalBenefit[1]).toBeCloseTo(0.9, 12);
    expect(cbms.cbmAmbition[1]).toBeCloseTo(0.72, 12);
    // X (economic 1, bindingness 0.5): ambition 0.5; its benefit row has 1 in economic alone.
    expect(cbms.cbmAmbition[0]).toBe(0.5);
    expect([...cbms.cbmBenefit.subarray(0, 5)]).toEqual(DIMENSIONS.map((d) => (d === 'economic' ? 1 : 0)));
    expect([...cbms.levelThreshold]).toEqual(scenario.parameters.agenda.levelThresholds);
  });
});
