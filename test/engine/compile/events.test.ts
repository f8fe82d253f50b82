import { describe, expect, it } from 'vitest';
import { compileEvents, SHOCK_KINDS } from '../../../src/engine/compile/events.js';
import { compileStates } from '../../../src/engine/compile/states.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

describe('compileEvents', () => {
  it('sorts shocks and applications by step, each with its parties, from the first quarter of its year', () => {
    const { scenario } = loadScenario(fixture('tiny.yaml'), {
      overrides: {
        'organisations.ORG.members': ['AAA', 'BBB'],
        events: [
          { year: 2026, kind: 'terrorist-attack', state: 'CCC', magnitude: 0.5 },
          { year: 2025, kind: 'border-clash', parties: ['AAA', 'BBB'], magnitude: 1 },
          { year: 2026, kind: 'application', state: 'CCC', org: 'ORG' },
          { year: 2026, kind: 'pandemic', magnitude: 0.8 },
        ],
      },
    });
    const events = compileEvents(scenario, compileStates(scenario));
    // 2025 is step 1, 2026 step 5 (four steps a year); same-step shocks keep their file order.
    expect(events.eventCount).toBe(3);
    expect([...events.eventStep]).toEqual([1, 5, 5]);
    expect([...events.eventKind].map((k) => SHOCK_KINDS[k])).toEqual([
      'border-clash',
      'terrorist-attack',
      'pandemic',
    ]);
    expect([...events.eventMagnitude]).toEqual([1, 0.5, 0.8]);
    // Parties: the clash's two, the attack's one, the pandemic's none.
    expect([...events.eventPartyCount]).toEqual([2, 1, 0]);
    expect([...events.eventPartyStart]).toEqual([0, 2, 3]);
    expect([...events.eventParties]).toEqual([0, 1, 2]);
    expect(events.applicationCount).toBe(1);
    expect([events.applicationStep[0], events.applicationState[0], events.applicationOrg[0]]).toEqual([
      5, 2, 0,
    ]);
  });
});
