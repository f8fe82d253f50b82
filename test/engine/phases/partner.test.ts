import { describe, expect, it } from 'vitest';
import { decideProposals } from '../../../src/engine/phases/decide.js';
import { implementMeasures } from '../../../src/engine/phases/implement.js';
import { formPartnerships } from '../../../src/engine/phases/partner.js';
import { createRunState } from '../../../src/engine/state.js';
import { trustAt } from '../../../src/engine/trust.js';
import { compileWorld } from '../../../src/engine/world.js';
import { METRIC_NAMES } from '../../../src/metrics/recorders.js';
import { simulateRecorded } from '../../../src/metrics/simulate-recorded.js';
import { NO, YES } from '../../../src/rules/votes.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture, scriptedRandom } from '../../helpers.js';

// ORG = {A, B}, OTHER = {C, D}, no member in common; neutral trust; everyone implements.
const A = 0;
const B = 1;
const C = 2;
const D = 3;
const world = (overrides: Record<string, unknown> = {}) =>
  compileWorld(
    loadScenario(fixture('two-orgs.yaml'), {
      overrides: {
        'parameters.trust.priorStrength': 2, // with structure neutralised: r0 = s0 = 1, trust ½
        'parameters.trust.sharedMembership': 0,
        'parameters.trust.relationEffect': { conflict: 0, dispute: 0, rivalry: 0, alignment: 0, alliance: 0 },
        'parameters.trust.forgetting': 1,
        // A signal of 1 whatever the measure: evidence is implementationEvidence itself.
        'parameters.trust.cheapTalk': 1,
        'parameters.trust.signalWeight': 0,
        'parameters.trust.implementationEvidence': 0.25,
        'parameters.implementation.probability': 1,
        'parameters.events.hazards': false,
        'parameters.enlargement.enabled': false,
        partnerships: [{ organisations: ['ORG', 'OTHER'] }],
        ...overrides,
      },
    }).scenario,
  );

/** A state at step 1 with X tabled jointly: proposal 0 in ORG, 1 in OTHER, linked. */
function jointProposal(votes: number[], overrides: Record<string, unknown> = {}) {
  const w = world(overrides);
  const state = createRunState(w);
  state.step = 1;
  state.proposalCount = 2;
  for (const [p, o] of [
    [0, 0],
    [1, 1],
  ]) {
    state.proposalOrg[p] = o;
    state.proposalCbm[p] = 0;
    state.proposalProposer[p] = A;
    state.proposalBindingness[p] = w.cbmBindingness[0];
    state.proposalCost[p] = w.cbmCost[0];
  }
  state.proposalPartner[0] = 1;
  state.proposalPartner[1] = 0;
  [A, B].forEach((i, k) => {
    state.votes[0 * 4 + i] = votes[k];
  });
  [C, D].forEach((i, k) => {
    state.votes[1 * 4 + i] = votes[2 + k];
  });
  return { w, state };
}

describe('joint CBMs of partner organisations (worked by hand)', () => {
  it('are adopted only if both organisations adopt them', () => {
    const { w, state } = jointProposal([YES, YES, YES, NO]); // ORG passes, OTHER (unanimity) does not
    decideProposals(w, state);
    expect([state.passed[0], state.passed[1]]).toEqual([0, 0]);
    expect([state.adopted[0], state.adopted[1]]).toEqual([0, 0]);
  });

  it('failing only in the partner organisation, were blocked by nobody in the one that adopted them', () => {
    // ORG (consensus minus one) adopts over B's no; OTHER (unanimity) fails on D's lone no.
    const { w, state } = jointProposal([YES, NO, YES, NO], {
      'organisations.ORG.rules.default': { kind: 'consensus-minus', k: 1 },
    });
    decideProposals(w, state);
    expect([state.passed[0], state.passed[1]]).toEqual([0, 0]);
    // B's no was not pivotal (ORG adopted the measure); D's was: a yes would have carried OTHER.
    expect([state.blocks[0], state.blocks[1]]).toEqual([0, 1]);
    expect([state.blocksByState[0 * 4 + B], state.blocksByState[1 * 4 + D]]).toEqual([0, 1]);
  });

  it('once adopted, build trust across the two memberships', () => {
    const { w, state } = jointProposal([YES, YES, YES, YES]);
    decideProposals(w, state);
    expect([state.jointAdopted[0], state.jointAdopted[1]]).toEqual([1, 1]);
    implementMeasures(w, state, scriptedRandom([0, 0, 0, 0])); // all four implement
    // A and C never sit together, yet A→C gains implementationEvidence 0.25: (0.25 + 1)/(0.25 + 2).
    expect(trustAt(state.trust, A, C, 1)).toBeCloseTo(1.25 / 2.25, 15);
    expect(trustAt(state.trust, D, B, 1)).toBeCloseTo(1.25 / 2.25, 15);
    expect([state.implemented[0], state.implemented[1]]).toEqual([2, 2]);
  });
});

describe('forming partnerships', () => {
  it('a partnership holds when both organisations pass it, and the switch stops it', () => {
    // Rate 100 a year: a proposal every step. Interest 0.1 at neutral trust, x = 1: P(yes) = σ(0) = ½.
    const w = world({
      partnerships: [],
      'parameters.partnerships.proposalRate': 100,
      'parameters.voting.temperature': 0.1,
    });
    const state = createRunState(w);
    state.step = 1;
    formPartnerships(w, state, scriptedRandom([0, 0.1, 0.1, 0.1, 0.1])); // propose; A, B, C, D yes
    expect(state.partnered[0 * 2 + 1]).toBe(1);
    expect(state.partnered[1 * 2 + 0]).toBe(1);
    const refused = createRunState(w);
    refused.step = 1;
    formPartnerships(w, refused, scriptedRandom([0, 0.1, 0.1, 0.1, 0.99])); // D says no
    expect(refused.partnered[1]).toBe(0);
    const off = world({ partnerships: [], 'parameters.partnerships.enabled': false });
    const untouched = createRunState(off);
    untouched.step = 1;
    formPartnerships(off, untouched, scriptedRandom([]));
    expect(untouched.partnered[1]).toBe(0);
  });

  it("partners trust each other's members more than organisations apart (over 20 seeds)", () => {
    const together = world({ 'parameters.trust.forgetting': 0.98 });
    const apart = world({
      partnerships: [],
      'parameters.partnerships.enabled': false,
      'parameters.trust.forgetting': 0.98,
    });
    let gain = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const across = (w: typeof together) => {
        let t = 0;
        simulateRecorded(w, seed, {
          phases: undefined,
          trace: undefined,
          recorders: [
            {
              name: 'across',
              description: 'trust A→C',
              whole: 'final',
              record: (_w, s) => {
                t = trustAt(s.trust, A, C, s.step);
                return t;
              },
            },
          ],
        });
        return t;
      };
      gain += across(together) - across(apart);
    }
    expect(gain / 20).toBeGreaterThan(0.05);
    expect(METRIC_NAMES).toContain('joint_adopted');
  });
});
