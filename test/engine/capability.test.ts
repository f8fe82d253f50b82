import { describe, expect, it } from 'vitest';
import { proposerOf } from '../../src/engine/phases/agenda.js';
import { scoreProposal } from '../../src/engine/score.js';
import { compileWorld } from '../../src/engine/world.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture, stateWithProposal } from '../helpers.js';

const A = 0;
const B = 1;
const C = 2;
// Neutral trust (structure counts for nothing), so scores keep only what each test sets.
const neutral = {
  'parameters.trust.priorStrength': 2,
  'parameters.trust.sharedMembership': 0,
  'parameters.trust.relationEffect': { conflict: 0, dispute: 0, rivalry: 0, alignment: 0, alliance: 0 },
};
const world = (overrides: Record<string, unknown>) =>
  compileWorld(loadScenario(fixture('tiny.yaml'), { overrides: { ...neutral, ...overrides } }).scenario);

describe('capability sets the agenda (docs/MODEL.md §Agenda)', () => {
  // Military spending alike (it scales to 0); GDP e^0 − 1, e − 1, e² − 1 → log1p 0, 1, 2 → scaled
  // 0, ½, 1 → capability 0, ¼, ½. Weights 1 + 2 × capability: 1, 1.5, 2 (of 4.5).
  const w = world({ 'actors.AAA.gdp': 0, 'actors.BBB.gdp': Math.E - 1, 'actors.CCC.gdp': Math.E ** 2 - 1 });

  it('draws the proposer in proportion to 1 + capabilityWeight × capability', () => {
    expect([...w.capability].map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0, 0.25, 0.5]);
    const state = stateWithProposal(w, A);
    // u × 4.5: below 1 → A; below 2.5 → B; else C.
    expect(proposerOf(w, state, 0, 0, 0.2)).toBe(A); // 0.9
    expect(proposerOf(w, state, 0, 0, 0.3)).toBe(B); // 1.35
    expect(proposerOf(w, state, 0, 0, 0.55)).toBe(B); // 2.475
    expect(proposerOf(w, state, 0, 0, 0.56)).toBe(C); // 2.52
    // With capabilityWeight 0 every member is as likely: 0.3 × 3 = 0.9 → A.
    const flat = world({ 'parameters.agenda.capabilityWeight': 0, 'actors.CCC.gdp': 100 });
    expect(proposerOf(flat, stateWithProposal(flat, A), 0, 0, 0.3)).toBe(A);
  });
});

describe("a leading power's expected vote weighs on its allies' scores (voting.leaderWeight)", () => {
  // CCC is the only power (capability ½ ≥ leaderCapability ½), allied with AAA at intensity 1.
  // Its own score on X is 0.5 (salience 0.5 × benefit 1, cost 0, neutral trust); temperature 0.5,
  // abstention 1: x = 1, stance = σ(0) − σ(−2) = 0.5 − 0.1192029 = 0.3807971.
  // AAA's score: 0.5 + 0.2 × 1 × 0.3807971; BBB, with no tie, keeps 0.5.
  const w = world({
    'actors.CCC.gdp': 100,
    'actors.CCC.military': 100,
    'parameters.voting.leaderCapability': 0.5,
    relations: [{ a: 'AAA', b: 'CCC', kind: 'alliance', intensity: 1 }],
  });
  const stance = 0.5 - 1 / (1 + Math.exp(2));

  it('adds leaderWeight × tie × (P(yes) − P(no)) of the power, computed from its own score', () => {
    const state = stateWithProposal(w, B);
    expect(scoreProposal(w, state, 0, A)).toBeCloseTo(0.5 + 0.2 * stance, 14);
    expect(scoreProposal(w, state, 0, B)).toBeCloseTo(0.5, 14);
    expect(scoreProposal(w, state, 0, C)).toBeCloseTo(0.5, 14);
  });

  it('only when the power is a member of the organisation voting', () => {
    const outside = world({
      'actors.CCC.gdp': 100,
      'actors.CCC.military': 100,
      'parameters.voting.leaderCapability': 0.5,
      relations: [{ a: 'AAA', b: 'CCC', kind: 'alliance', intensity: 1 }],
      'organisations.ORG.members': ['AAA', 'BBB'],
      'organisations.ORG.observers': ['CCC'],
    });
    expect(scoreProposal(outside, stateWithProposal(outside, B), 0, A)).toBeCloseTo(0.5, 14);
  });
});
