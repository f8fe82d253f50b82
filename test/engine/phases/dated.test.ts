import { describe, expect, it } from 'vitest';
import { applyDatedEvents } from '../../../src/engine/phases/dated.js';
import { chairOf, createRunState } from '../../../src/engine/state.js';
import { compileWorld } from '../../../src/engine/world.js';
import { METRIC_NAMES } from '../../../src/metrics/recorders.js';
import { simulateRecorded } from '../../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { fixture } from '../../helpers.js';

// The two-organisation world: ORG = {A, B, C} (unanimity), OTHER = {C, D}; A and B share group G
// and an alliance; priorStrength 10, sharedMembership 0.02; quarters from 2025, so 2026 is step 5.
const [A, B, C, D] = [0, 1, 2, 3];
const [ORG, OTHER] = [0, 1];
const world = (events: unknown[], overrides: Record<string, unknown> = {}) =>
  compileWorld(loadScenario(fixture('two-orgs.yaml'), { overrides: { events, ...overrides } }).scenario);
const at = (w: ReturnType<typeof world>, step: number) => {
  const state = createRunState(w);
  for (let s = 1; s <= step; s++) {
    state.step = s;
    applyDatedEvents(w, state);
  }
  return state;
};

describe('dated events (worked by hand)', () => {
  it('an organisation founded in 2026 has no members and does nothing before; then its listed members join, uncounted as admissions', () => {
    const w = world([{ year: 2026, kind: 'founding', org: 'OTHER' }]);
    expect(w.foundingStep[OTHER]).toBe(5);
    expect(at(w, 4).memberCount[OTHER]).toBe(0);
    const founded = at(w, 5);
    expect(founded.memberCount[OTHER]).toBe(2);
    expect([founded.memberMark[OTHER * 4 + C], founded.memberMark[OTHER * 4 + D]]).toEqual([1, 1]);
    // C and D share no membership at the start: t0 = ½, r0 = 10 × ½ (not 10 × 0.52).
    expect(w.basePositive[C * 4 + D]).toBe(5);
    expect(world([]).basePositive[C * 4 + D]).toBeCloseTo(5.2, 12);
    // Over two years: no proposal and no member before 2026, no admission at the founding.
    const result = simulateRecorded(world([{ year: 2026, kind: 'founding', org: 'OTHER' }], { years: 2 }), 1);
    const metric = (name: string, step: number) =>
      result.values[
        (step - 1) * 2 * METRIC_NAMES.length + OTHER * METRIC_NAMES.length + METRIC_NAMES.indexOf(name)
      ];
    expect([1, 2, 3, 4].map((s) => [metric('members', s), metric('proposals', s)])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(metric('members', 5)).toBe(2);
    expect([5, 6, 7, 8].map((s) => metric('admissions', s))).toEqual([0, 0, 0, 0]);
    expect(result.admittedStep?.[OTHER * 4 + C]).toBeNaN();
  });

  it('a status makes an eligible state a candidate from its date; none takes it back', () => {
    const w = world([
      { year: 2026, kind: 'status', state: 'DDD', org: 'ORG', status: 'observer' },
      { year: 2027, kind: 'status', state: 'DDD', org: 'ORG', status: 'none' },
    ]);
    expect(at(w, 4).candidate[ORG * 4 + D]).toBe(0);
    expect(at(w, 5).candidate[ORG * 4 + D]).toBe(1);
    expect(at(w, 9).candidate[ORG * 4 + D]).toBe(0);
  });

  it('where every eligible state may apply (applicants: eligible), each non-member is a candidate, whatever its status', () => {
    const w = world([{ year: 2026, kind: 'status', state: 'DDD', org: 'ORG', status: 'none' }], {
      'organisations.ORG.applicants': 'eligible',
    });
    expect(at(w, 1).candidate[ORG * 4 + D]).toBe(1);
    expect(at(w, 5).candidate[ORG * 4 + D]).toBe(1);
    // Members are not candidates.
    expect(at(w, 1).candidate[ORG * 4 + A]).toBe(0);
  });

  it('a chair named in 2026 chairs from then on, in place of the rotation', () => {
    const w = world([{ year: 2026, kind: 'chair', org: 'ORG', state: 'BBB' }]);
    const before = at(w, 4);
    expect(chairOf(w, before, ORG)).toBe(A); // the rotation starts with the first member
    const after = at(w, 5);
    expect(chairOf(w, after, ORG)).toBe(B);
    after.step = 40;
    expect(chairOf(w, after, ORG)).toBe(B);
  });

  it("a relation replaces the pair's structural evidence and hazard from its date, in this run only", () => {
    const w = world([
      { year: 2026, kind: 'relation', a: 'AAA', b: 'BBB', relation: 'conflict', intensity: 0.5 },
    ]);
    const { conflict } = w.parameters.trust.relationEffect;
    // A and B share group G and ORG: ½ + 0.02 × 2 = 0.54; the alliance goes, a conflict of ½ comes.
    const t0 = Math.min(
      w.parameters.trust.initialRange[1],
      Math.max(w.parameters.trust.initialRange[0], 0.54 + conflict * 0.5),
    );
    // The pair joins the clash hazards with no hazard until its date.
    const k = Array.from(w.clashPairA).findIndex((a, q) => a === A && w.clashPairB[q] === B);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(w.clashIntensity[k]).toBe(0);
    const before = at(w, 4);
    expect(before.trust.basePositive[A * 4 + B]).toBe(w.basePositive[A * 4 + B]);
    const after = at(w, 5);
    for (const [i, j] of [
      [A, B],
      [B, A],
    ]) {
      expect(after.trust.basePositive[i * 4 + j]).toBeCloseTo(10 * t0, 12);
      expect(after.trust.baseNegative[i * 4 + j]).toBeCloseTo(10 * (1 - t0), 12);
    }
    expect(after.clashIntensity[k]).toBe(0.5);
    // The World, shared by every run, is untouched.
    expect(w.basePositive[A * 4 + B]).toBeCloseTo(10 * 0.74, 12);
  });
});
