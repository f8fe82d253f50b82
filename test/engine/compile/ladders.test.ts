import { describe, expect, it } from 'vitest';
import { compileLadders } from '../../../src/engine/compile/ladders.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

const rung = (name: string, effects: Record<string, unknown>) => ({
  name,
  requires: { meanTrust: 0.5, cbmsImplemented: 2, yearsSinceReform: 1.5 },
  effects,
  bindingness: 0.4,
});

describe('compileLadders', () => {
  it('adds up each rung’s effects by stage, and changes the rules of the kinds a rung names', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'organisations.ORG.rules': { default: { kind: 'unanimity' }, accession: { kind: 'consensus' } },
        'organisations.ORG.ladder': [
          rung('Secretariat', { implementation: 0.1, agendaSize: 1 }),
          rung('Council', { implementation: 0.05, rules: { cbm: { kind: 'consensus-minus', k: 1 } } }),
        ],
      },
    });
    const ladders = compileLadders(scenario);
    expect(ladders.rungNames).toEqual([['Secretariat', 'Council']]);
    // Years between reforms in steps: 1.5 × 4.
    expect([...ladders.rungStepsSinceReform]).toEqual([6, 6]);
    // Stages 0, 1, 2: effects of every rung below, summed.
    expect([...ladders.stageImplementation]).toEqual([0, 0.1, expect.closeTo(0.15, 12)]);
    expect([...ladders.stageAgenda]).toEqual([0, 1, 1]);
    const [start, , top] = ladders.ruleSets[0];
    expect(start).toEqual({
      cbm: { kind: 'unanimity' },
      reform: { kind: 'unanimity' },
      accession: { kind: 'consensus' },
      partnership: { kind: 'unanimity' },
      crisis: { kind: 'unanimity' },
    });
    expect(top.cbm).toEqual({ kind: 'consensus-minus', k: 1 });
    expect(top.accession).toEqual({ kind: 'consensus' });
  });
});
