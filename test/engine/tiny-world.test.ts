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
  it('starts every pair at its structural trust: shared memberships and relations', () => {
    const world = tinyWorld();
    const state = createRunState(world);
    // A and B share ORG and group G and are allied at intensity 1:
    //   t0 = 0.5 + 0.02 × 2 + 0.2 × 1 = 0.74 → r0 = 7.4, s0 = 2.6 → trust 7.4 / 10.
    expect(world.basePositive[A * 3 + B]).toBeCloseTo(7.4, 12);
    expect(world.baseNegative[A * 3 + B]).toBeCloseTo(2.6, 12);
    expect(trustAt(state.trust, A, B, 0)).toBeCloseTo(0.74, 12);
    expect(trustAt(state.trust, B, A, 0)).toBeCloseTo(0.74, 12);
    // A and C share only ORG: t0 = 0.52.
    expect(trustAt(state.trust, A, C, 0)).toBeCloseTo(0.52, 12);
  });
});

describe('voting (worked by hand)', () => {
  // Neutral trust (no relations or shared memberships counted: every pair at 1/2, as 2
  // pseudo-observations, r0 = s0 = 1) leaves only the benefit term:
  //   score = salience_economic × benefit = 0.5 × 1 = 0.5,  x = score / temperature = 1,
  //   P(yes) = σ(1 − 1) = 0.5,  P(no) = σ(−1 − 1) = 0.1192029…, abstain in between.
  const neutral = {
    'parameters.trust.priorStrength': 2,
    'parameters.trust.sharedMembership': 0,
    relations: [],
  };

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
    // (blockingPenalty) on r0 = s0 = 1 → trust 1 / 2.1; C's view of them is unchanged.
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

describe('blocks, under any rule (worked by hand)', () => {
  const neutral = {
    'parameters.trust.priorStrength': 2,
    'parameters.trust.sharedMembership': 0,
    relations: [],
  };
  const decided = (rule: Record<string, unknown>, votes: number[]) => {
    const world = tinyWorld({ ...neutral, 'organisations.ORG.rules.default': rule });
    const state = stateWithProposal(world, A);
    state.votes.set(votes);
    decideProposals(world, state);
    return state;
  };

  it('a lone objector under unanimity blocks (and vetoes); two objectors are not pivotal one by one', () => {
    const lone = decided({ kind: 'unanimity' }, [YES, YES, NO]);
    expect([lone.passed[0], lone.blocks[0], lone.vetoes[0]]).toEqual([0, 1, 1]);
    const two = decided({ kind: 'unanimity' }, [YES, NO, NO]);
    expect([two.passed[0], two.blocks[0], two.vetoes[0]]).toEqual([0, 0, 2]);
  });

  it('under a two-thirds quota, which has no veto holder, each no of a measure one vote short blocks', () => {
    const state = decided({ kind: 'quota', yes: { count: { share: 2 / 3 } } }, [YES, NO, NO]);
    // B or C voting yes would make 2 of 3: both were pivotal. Nobody holds a veto.
    expect([state.passed[0], state.blocks[0], state.vetoes[0]]).toEqual([0, 2, 0]);
  });
});

describe('amendment before the vote (worked by hand)', () => {
  // Neutral trust, temperature 0.1, abstention 1; X: benefit 1 (economic), cost 0.3, bindingness 1.
  // A and B (sovereignty 0): score 0.5 − 0.3 = 0.2, x = 2, P(no) = σ(−3) ≈ 0.047: not objectors.
  // C (sovereignty 1): score 0.5 − 0.3 × (1 + 1) = −0.1, x = −1, P(no) = σ(0) = 0.5: objects.
  // Round 1 (b 0.75, c 0.24): C scores 0.5 − 0.24 × 1.75 = 0.08, P(no) = σ(−1.8) ≈ 0.142 ≥ 0.1.
  // Round 2 (b 0.5625, c 0.192): C scores 0.5 − 0.192 × 1.5625 = 0.2, P(no) ≈ 0.047: nobody objects.
  // (benefitElasticity 0 here: dilution keeps the benefit; the next test takes its cost.)
  const amended = {
    'parameters.trust.priorStrength': 2,
    'parameters.trust.sharedMembership': 0,
    relations: [],
    'parameters.amendment.benefitElasticity': 0,
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

  it('tests the last objector first, which changes the answer in no case: the same two amendments', () => {
    // Whoever is remembered — no one, the proposer A (a champion), B (no objector), C (the
    // objector) — the rounds find an objector exactly when the scan in member order does.
    for (const last of [-1, A, B, C]) {
      const world = tinyWorld(amended);
      const state = stateWithProposal(world, A);
      state.lastObjector[0] = last;
      deliberate(world, state);
      expect(state.amendments[0]).toBe(2);
      expect(state.proposalBindingness[0]).toBeCloseTo(0.5625, 15);
      expect(state.lastObjector[0]).toBe(C);
    }
  });

  it('dilution costs substance: with benefit ∝ bindingness^½, C still objects after three rounds', () => {
    // β after k cuts = 0.75^(k/2). Round 1: benefit 0.5 × 0.866 = 0.433, C: 0.433 − 0.24 × 1.75 =
    // 0.013, P(no) = σ(−1.13) ≈ 0.24. Round 2: 0.375 − 0.192 × 1.5625 = 0.075, P(no) ≈ 0.148.
    // Round 3 (the last allowed): 0.3248 − 0.1536 × 1.421875 = 0.1064, P(no) ≈ 0.113 ≥ 0.1.
    const world = tinyWorld({ ...amended, 'parameters.amendment.benefitElasticity': 0.5 });
    const state = stateWithProposal(world, A);
    deliberate(world, state);
    expect(state.amendments[0]).toBe(3);
    expect(state.proposalBenefit[0]).toBeCloseTo(0.75 ** 1.5, 15);
    expect(scoreProposal(world, state, 0, C)).toBeCloseTo(0.5 * 0.75 ** 1.5 - 0.1536 * 1.421875, 14);
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

describe('implementation: compliance and costly signals (worked by hand)', () => {
  // Neutral structure except a dispute between A and C: t0(A,C) = 0.5 − 0.3 = 0.2, as 2
  // pseudo-observations (r0 0.4, s0 1.6); A–B and B–C at ½ (r0 = s0 = 1). Compliance keeps only
  // the adversary term: adversity = (0.4 − 0.2) / 0.4 = 0.5 for A (toward C) and C (toward A),
  // 0 for B, so P(A) = P(C) = σ(logit 0.8 − 1.5 × 0.5) = σ(0.6363) ≈ 0.654 and P(B) = 0.8.
  // X as adopted: cost 0.25, bindingness 0.5 → signal 0.2 + 8 × 0.125 = 1.2, × (1 + adversity).
  const world = tinyWorld({
    'parameters.trust.priorStrength': 2,
    'parameters.trust.sharedMembership': 0,
    'parameters.trust.relationEffect': { dispute: -0.3 },
    relations: [{ a: 'AAA', b: 'CCC', kind: 'dispute', intensity: 1 }],
    'parameters.trust.implementationEvidence': 1,
    'parameters.trust.defectionEvidence': 2,
    'parameters.implementation': {
      probability: 0.8,
      capabilityWeight: 0,
      sovereigntyWeight: 0,
      costWeight: 0,
      adversaryWeight: 1.5,
    },
    'cbms.X.cost': 0.25,
  });

  function adopted() {
    const state = stateWithProposal(world, A);
    state.passed[0] = 1;
    state.participants.set([1, 1, 1]);
    return state;
  }

  it('each implements with its compliance chance; the security dilemma lowers it', () => {
    const pAdversary = 1 / (1 + Math.exp(-(Math.log(4) - 0.75)));
    // A draws just under its chance, B under 0.8, C just over its chance.
    const state = adopted();
    implementMeasures(world, state, scriptedRandom([pAdversary - 1e-9, 0.79, pAdversary + 1e-9]));
    expect([...state.implementedBy]).toEqual([1, 1, 0]);
    expect(state.implemented[0]).toBe(2);
    expect(state.obligations[0]).toBe(3);
    // X is an economic measure: both implementations count in that dimension (index 2).
    expect([...state.implementedByDimension]).toEqual([0, 0, 2, 0, 0]);
  });

  it('a costly measure kept despite an adversary is a strong signal; defection toward one costs more', () => {
    const state = adopted();
    implementMeasures(world, state, scriptedRandom([0.1, 0.1, 0.9])); // A, B implement; C defects
    // B→A: A implemented facing its adversary: r = 1 × 1.2 × 1.5 = 1.8 → (1.8 + 1) / (1.8 + 2).
    expect(trustAt(state.trust, B, A, 1)).toBeCloseTo(2.8 / 3.8, 14);
    // A→B: B implemented with no adversary: r = 1.2 → 2.2 / 3.2.
    expect(trustAt(state.trust, A, B, 1)).toBeCloseTo(2.2 / 3.2, 14);
    // A→C: C defected (adversity 0.5): s = 2 × 1.8 = 3.6 on r0 0.4, s0 1.6 → 0.4 / 5.6.
    expect(trustAt(state.trust, A, C, 1)).toBeCloseTo(0.4 / 5.6, 14);
    expect(trustAt(state.trust, B, C, 1)).toBeCloseTo(1 / 5.6, 14);
    // C implemented nothing and learnt nothing.
    expect(trustAt(state.trust, C, A, 1)).toBeCloseTo(0.2, 14);
  });

  it('puts the measure in force, implements it again each year, and lets it lapse when most defect', () => {
    const state = adopted();
    implementMeasures(world, state, scriptedRandom([0.1, 0.1, 0.1]));
    expect(state.inForce[0]).toBe(1);
    expect(state.inForceCount[0]).toBe(1);
    expect(state.forceDue[0]).toBe(1 + 4);
    // Step 5: nothing adopted; X is due. Two of three implement (≥ ½): it stays in force.
    state.proposalCount = 0;
    state.step = 5;
    state.implemented.fill(0);
    state.obligations.fill(0);
    implementMeasures(world, state, scriptedRandom([0.1, 0.1, 0.99]));
    expect([state.implemented[0], state.obligations[0], state.inForceCount[0]]).toEqual([2, 3, 1]);
    expect(state.forceDue[0]).toBe(9);
    // Step 9: one of three (< ½): it lapses, and may be tabled again.
    state.step = 9;
    implementMeasures(world, state, scriptedRandom([0.1, 0.99, 0.99]));
    expect([state.inForce[0], state.inForceCount[0]]).toEqual([0, 0]);
  });

  it('a member bound against its vote complies less and resents the majority', () => {
    const quota = tinyWorld({
      'parameters.trust.priorStrength': 2,
      'parameters.trust.sharedMembership': 0,
      relations: [],
      'organisations.ORG.rules.default': { kind: 'quota', yes: { count: { share: 2 / 3 } } },
      'parameters.implementation': {
        probability: 0.8,
        capabilityWeight: 0,
        sovereigntyWeight: 0,
        costWeight: 0,
        overruledWeight: 1,
      },
    });
    const state = stateWithProposal(quota, A);
    state.votes.set([YES, YES, NO]);
    decideProposals(quota, state);
    // Adopted over C's "no": all three are bound (a quota binds every member).
    expect(state.passed[0]).toBe(1);
    expect([...state.participants.subarray(0, 3)]).toEqual([1, 1, 1]);
    // C adds overruledPenalty 0.1 of negative evidence toward each yes voter: 1 / 2.1.
    expect(trustAt(state.trust, C, A, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trustAt(state.trust, C, B, 1)).toBeCloseTo(1 / 2.1, 14);
    expect(trustAt(state.trust, A, C, 1)).toBe(0.5);
    // C implements with σ(logit 0.8 − 1) ≈ 0.5954; A and B with 0.8.
    const pOverruled = 1 / (1 + Math.exp(-(Math.log(4) - 1)));
    implementMeasures(quota, state, scriptedRandom([0.5, 0.5, pOverruled + 1e-9]));
    expect([...state.implementedBy]).toEqual([1, 1, 0]);
    expect(state.forceParticipants[2]).toBe(2);
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
    // Two draws: which eligible CBM (only one), then the proposer: every member weighs
    // 1 + 2 × capability 0 = 1, so 0.7 × 3 = 2.1 falls to the third, CCC.
    tableProposals(open, second, scriptedRandom([0.3, 0.7]));
    expect(second.proposalCount).toBe(1);
    expect(second.proposalProposer[0]).toBe(C);
  });

  it('a scheduled border clash adds clashEvidence × magnitude of negative evidence both ways', () => {
    const world = tinyWorld({
      'parameters.trust.priorStrength': 2,
      'parameters.trust.sharedMembership': 0,
      relations: [],
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
    // s = 5 × 0.4 = 2 on r0 = s0 = 1 → trust (0+1)/(0+2+2) = 0.25.
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
