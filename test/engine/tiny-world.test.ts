import { describe, expect, it } from 'vitest';
import { tableProposals } from '../../src/engine/phases/agenda.js';
import { assessTrust } from '../../src/engine/phases/assess.js';
import { decideProposals } from '../../src/engine/phases/decide.js';
import { deliberate } from '../../src/engine/phases/deliberate.js';
import { applyEvents } from '../../src/engine/phases/events.js';
import { implementMeasures } from '../../src/engine/phases/implement.js';
import { castVotes } from '../../src/engine/phases/vote.js';
import { scoreProposal } from '../../src/engine/score.js';
import { createRunState } from '../../src/engine/state.js';
import { trustAt } from '../../src/engine/trust.js';
import { compileWorld, type World } from '../../src/engine/world.js';
import { ABSTAIN, NO, YES } from '../../src/rules/votes.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture, scriptedRandom, stateWithProposal } from '../helpers.js';

const A = 0;
const B = 1;
const C = 2;

function tinyWorld(overrides: Record<string, unknown> = {}): World {
  return compileWorld(loadScenario(fixture('tiny.yaml'), { overrides }).scenario);
}

describe('initial trust (worked by hand)', () => {
  it('adds shared memberships and relations, then writes priorStrength pseudo-observations', () => {
    const world = tinyWorld();
    const state = createRunState(world);
    // A and B share ORG and group G and are allied at intensity 1:
    //   t0 = 0.5 + 0.02 × 2 + 0.2 × 1 = 0.74 → r = 7.4, s = 2.6 → trust = 8.4 / 12 = 0.7.
    expect(world.initialPositive[A * 3 + B]).toBeCloseTo(7.4, 12);
    expect(world.initialNegative[A * 3 + B]).toBeCloseTo(2.6, 12);
    expect(trustAt(state.trust, A, B, 0)).toBeCloseTo(0.7, 12);
    expect(trustAt(state.trust, B, A, 0)).toBeCloseTo(0.7, 12);
    // A and C share only ORG: t0 = 0.52 → (5.2 + 1) / 12.
    expect(trustAt(state.trust, A, C, 0)).toBeCloseTo(6.2 / 12, 12);
  });
});

describe('voting (worked by hand)', () => {
  // Neutral trust (priorStrength 0 → every pair at 1/2) leaves only the benefit term:
  //   score = salience_economic × benefit = 0.5 × 1 = 0.5,  x = score / temperature = 1,
  //   P(yes) = σ(1 − 1) = 0.5,  P(no) = σ(−1 − 1) = 0.1192029…, abstain in between.
  const neutral = { 'parameters.trust.priorStrength': 0 };

  it('scores a CBM from salience, cost, sovereignty and trust', () => {
    const world = tinyWorld(neutral);
    const state = stateWithProposal(world, A);
    expect(scoreProposal(world, state, 0, B)).toBeCloseTo(0.5, 15);
    // With cost 0.2, bindingness 0.5 and sovereignty 1 for B:
    //   0.5 − 0.2 × (1 + 1 × 1 × 0.5) = 0.2.
    const costly = tinyWorld({ ...neutral, 'cbms.X.cost': 0.2, 'actors.BBB.sovereignty': 1 });
    expect(scoreProposal(costly, stateWithProposal(costly, A), 0, B)).toBeCloseTo(0.2, 15);
  });

  it('draws yes below P(yes), no above 1 − P(no), abstain between; the proposer says yes', () => {
    const world = tinyWorld(neutral);
    const pNo = 1 / (1 + Math.exp(2));
    const state = stateWithProposal(world, A);
    castVotes(world, state, scriptedRandom([0.4999, 1 - pNo + 1e-9]));
    expect([state.votes[A], state.votes[B], state.votes[C]]).toEqual([YES, YES, NO]);
    const again = stateWithProposal(world, A);
    castVotes(world, again, scriptedRandom([0.5, 1 - pNo - 1e-9]));
    expect([again.votes[B], again.votes[C]]).toEqual([ABSTAIN, ABSTAIN]);
  });

  it('under unanimity an abstention blocks; under consensus it does not', () => {
    const world = tinyWorld(neutral);
    const state = stateWithProposal(world, A);
    castVotes(world, state, scriptedRandom([0.1, 0.6])); // B yes, C abstains
    decideProposals(world, state);
    expect(state.passed[0]).toBe(0);
    expect(state.adopted[0]).toBe(0);

    // An abstention is not a veto.
    expect(state.vetoes[0]).toBe(0);
    const objection = stateWithProposal(world, A);
    castVotes(world, objection, scriptedRandom([0.1, 0.99])); // B yes, C objects
    decideProposals(world, objection);
    expect(objection.passed[0]).toBe(0);
    expect(objection.vetoes[0]).toBe(1);
    expect([...objection.vetoesByState]).toEqual([0, 0, 1]);
    // The blocked proposal costs its supporters' trust in the objector: s(A→C) = s(B→C) = 0.1
    // (blockingPenalty) on no prior evidence → trust 1 / 2.1; C's view of them is unchanged.
    expect(trustAt(objection.trust, A, C, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trustAt(objection.trust, B, C, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trustAt(objection.trust, C, A, 1)).toBe(0.5);

    const consensus = tinyWorld({ ...neutral, 'organisations.ORG.rules.default': { kind: 'consensus' } });
    const second = stateWithProposal(consensus, A);
    castVotes(consensus, second, scriptedRandom([0.1, 0.6]));
    decideProposals(consensus, second);
    expect(second.passed[0]).toBe(1);
    expect(second.adopted[0]).toBe(1);
    // Ambition of X: bindingness 0.5 × benefit 1.
    expect(second.ambitionSum[0]).toBe(0.5);
    expect([second.participants[A], second.participants[B], second.participants[C]]).toEqual([1, 1, 1]);
  });
});

describe('amendment before the vote (worked by hand)', () => {
  // Neutral trust, temperature 0.1, abstention 1; X: benefit 1 (economic), cost 0.3, bindingness 1.
  // A and B (sovereignty 0): score 0.5 − 0.3 = 0.2, x = 2, P(no) = σ(−3) ≈ 0.047: not objectors.
  // C (sovereignty 1): score 0.5 − 0.3 × (1 + 1) = −0.1, x = −1, P(no) = σ(0) = 0.5: objects.
  // Round 1 (b 0.75, c 0.24): C scores 0.5 − 0.24 × 1.75 = 0.08, P(no) = σ(−1.8) ≈ 0.142 ≥ 0.1.
  // Round 2 (b 0.5625, c 0.192): C scores 0.5 − 0.192 × 1.5625 = 0.2, P(no) ≈ 0.047: nobody objects.
  const amended = {
    'parameters.trust.priorStrength': 0,
    'parameters.voting.temperature': 0.1,
    'cbms.X.cost': 0.3,
    'cbms.X.bindingness': 1,
    'actors.CCC.sovereignty': 1,
  };

  it('under unanimity, cuts bindingness and cost until no member is a likely objector', () => {
    const world = tinyWorld(amended);
    const state = stateWithProposal(world, A);
    deliberate(world, state);
    expect(state.amendments[0]).toBe(2);
    expect(state.proposalBindingness[0]).toBeCloseTo(0.5625, 15);
    expect(state.proposalCost[0]).toBeCloseTo(0.192, 15);
    expect(scoreProposal(world, state, 0, C)).toBeCloseTo(0.2, 14);
  });

  it('under a two-thirds quota one objector does not matter: no amendment', () => {
    const world = tinyWorld({
      ...amended,
      'organisations.ORG.rules.default': { kind: 'quota', yes: { count: { share: 2 / 3 } } },
    });
    const state = stateWithProposal(world, A);
    deliberate(world, state);
    expect(state.amendments[0]).toBe(0);
    expect(state.proposalBindingness[0]).toBe(1);
  });

  it('stops after `rounds` amendments, and does nothing when switched off', () => {
    const once = tinyWorld({ ...amended, 'parameters.amendment.rounds': 1 });
    const state = stateWithProposal(once, A);
    deliberate(once, state);
    expect(state.amendments[0]).toBe(1);
    expect(state.proposalBindingness[0]).toBeCloseTo(0.75, 15);
    const off = tinyWorld({ ...amended, 'parameters.amendment.enabled': false });
    const untouched = stateWithProposal(off, A);
    deliberate(off, untouched);
    expect(untouched.amendments[0]).toBe(0);
    expect(untouched.proposalCost[0]).toBe(0.3);
  });
});

describe('implementation evidence (worked by hand)', () => {
  it('rewards joint implementers and penalises the defector, after one step of forgetting', () => {
    // priorStrength 2 at neutral 1/2 (no shared groups counted: sharedMembership 0, no relation)
    // → r = s = 1 at step 0. forgetting 0.5 → at step 1 the prior is r = s = 0.5.
    const world = tinyWorld({
      'parameters.trust.priorStrength': 2,
      'parameters.trust.sharedMembership': 0,
      'parameters.trust.forgetting': 0.5,
      'parameters.trust.implementationEvidence': 1,
      'parameters.trust.defectionEvidence': 2,
      'parameters.implementation.probability': 0.8,
      relations: [],
    });
    const state = stateWithProposal(world, A);
    state.passed[0] = 1;
    state.participants.set([1, 1, 1]);
    implementMeasures(world, state, scriptedRandom([0.1, 0.5, 0.9])); // A, B implement; C defects
    expect(state.implemented[0]).toBe(2);
    // X is an economic measure: both implementations count in that dimension (index 2), none elsewhere.
    expect([...state.implementedByDimension]).toEqual([0, 0, 2, 0, 0]);
    // A→B: r = 0.5 + 1, s = 0.5 → (1.5 + 1)/(1.5 + 0.5 + 2) = 0.625; B→A the same.
    expect(trustAt(state.trust, A, B, 1)).toBe(0.625);
    expect(trustAt(state.trust, B, A, 1)).toBe(0.625);
    // A→C: r = 0.5, s = 0.5 + 2 → 1.5 / 5 = 0.3; B→C the same.
    expect(trustAt(state.trust, A, C, 1)).toBe(0.3);
    expect(trustAt(state.trust, B, C, 1)).toBe(0.3);
    // C implemented nothing and learnt nothing: C→A is the decayed prior, 1.5 / 3.
    expect(trustAt(state.trust, C, A, 1)).toBe(0.5);
  });
});

describe('agenda and events', () => {
  it('tables a CBM only when mean member trust reaches its level threshold', () => {
    const low = tinyWorld({ 'cbms.X.level': 2, 'parameters.agenda.levelThresholds': [0, 0.99] });
    const state = createRunState(low);
    state.step = 1;
    assessTrust(low, state);
    tableProposals(low, state, scriptedRandom([]));
    expect(state.proposalCount).toBe(0);

    const open = tinyWorld({ 'cbms.X.level': 2, 'parameters.agenda.levelThresholds': [0, 0.5] });
    const second = createRunState(open);
    second.step = 1;
    assessTrust(open, second);
    // Two draws: which eligible CBM (only one), then the proposer (0.7 × 3 → member 2, CCC).
    tableProposals(open, second, scriptedRandom([0.3, 0.7]));
    expect(second.proposalCount).toBe(1);
    expect(second.proposalProposer[0]).toBe(C);
  });

  it('a scheduled border clash adds clashEvidence × magnitude of negative evidence both ways', () => {
    const world = tinyWorld({
      'parameters.trust.priorStrength': 0,
      'parameters.trust.forgetting': 1,
      'parameters.events.clashEvidence': 5,
      'parameters.events.hazards': false,
      events: [{ year: 2026, kind: 'border-clash', parties: ['AAA', 'CCC'], magnitude: 0.4 }],
    });
    const state = createRunState(world);
    for (let step = 1; step <= 5; step++) {
      state.step = step;
      state.conflicts.fill(0);
      applyEvents(world, state, scriptedRandom([]));
      // 2026 starts at step 5 with four steps a year.
      expect(state.conflicts[0]).toBe(step === 5 ? 1 : 0);
    }
    // s = 5 × 0.4 = 2 → trust (0+1)/(0+2+2) = 0.25.
    expect(trustAt(state.trust, A, C, 5)).toBe(0.25);
    expect(trustAt(state.trust, C, A, 5)).toBe(0.25);
    expect(trustAt(state.trust, A, B, 5)).toBe(0.5);
  });
});

describe('coordinators (worked by hand)', () => {
  it('propose the measures of their dimension and vote for them without a draw', () => {
    const world = tinyWorld({ 'organisations.ORG.coordinators': { economic: ['BBB'] } });
    const state = createRunState(world);
    state.step = 1;
    assessTrust(world, state);
    // Draws: which CBM (X, the only one), then the proposer: 0.1 would pick AAA among members, but
    // X is economic and BBB is its only coordinator.
    tableProposals(world, state, scriptedRandom([0.3, 0.1]));
    expect(state.proposalProposer[0]).toBe(B);
    // Votes: B (proposer and coordinator) and... only A and C draw.
    const random = scriptedRandom([0.1, 0.1]);
    castVotes(world, state, random);
    expect(random.remaining()).toBe(0);
    expect(state.votes[B]).toBe(YES);
  });

  it('are validated: a coordinator must be a member', () => {
    expect(() => tinyWorld({ 'organisations.ORG.coordinators': { economic: ['ZZZ'] } })).toThrow(
      /organisations\.ORG\.coordinators\.economic\.0: expected a member of ORG, found "ZZZ"/,
    );
  });
});
