import { describe, expect, it } from 'vitest';
import type { GameMember } from '../../../src/rules/game.js';
import { analysePower } from '../../../src/rules/power/analyse.js';
import type { Rule } from '../../../src/rules/schema.js';
import { createRng } from '../../../src/util/rng.js';
import { bruteForcePower } from './brute-force.js';

const plain = (n: number): GameMember[] =>
  Array.from({ length: n }, (_, i) => ({ id: `m${i}`, weight: 1, population: 0 }));
const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n, k - 1) * (n - k + 1)) / k);

describe('closed forms', () => {
  it.each([1, 2, 3, 5, 8, 12])('unanimity of %i: one swing each, in the grand coalition', (n) => {
    for (const rule of [{ kind: 'unanimity' }, { kind: 'consensus' }] as Rule[]) {
      const result = analysePower(plain(n), rule);
      expect(result.passageProbability).toBeCloseTo(1 / 2 ** n, 15);
      for (const m of result.members) {
        expect(m.banzhafRaw).toBeCloseTo(1 / 2 ** (n - 1), 15);
        expect(m.banzhaf).toBeCloseTo(1 / n, 15);
        expect(m.shapleyShubik).toBeCloseTo(1 / n, 15);
        expect(m.colemanPrevent).toBeCloseTo(1, 15);
        expect(m.colemanInitiate).toBeCloseTo(1 / (2 ** n - 1), 15);
      }
    }
  });

  it.each([1, 3, 7, 11, 21])(
    'simple majority of odd n = %i: raw Banzhaf C(n−1,(n−1)/2)/2^(n−1), passage ½',
    (n) => {
      const result = analysePower(plain(n), { kind: 'quota', yes: { count: (n + 1) / 2 } });
      expect(result.passageProbability).toBeCloseTo(0.5, 15);
      const k = (n - 1) / 2;
      for (const m of result.members) {
        expect(m.banzhafRaw).toBeCloseTo(binomial(n - 1, k) / 2 ** (n - 1), 14);
        expect(m.shapleyShubik).toBeCloseTo(1 / n, 14);
        // W = 2^(n−1) winning and as many losing: both Coleman measures equal the raw Banzhaf.
        expect(m.colemanPrevent).toBeCloseTo(m.banzhafRaw, 14);
        expect(m.colemanInitiate).toBeCloseTo(m.banzhafRaw, 14);
      }
    },
  );

  it('consensus-minus k is the quota n − k, and opt-in m the quota m', () => {
    const a = analysePower(plain(9), { kind: 'consensus-minus', k: 2 });
    const b = analysePower(plain(9), { kind: 'quota', yes: { count: 7 } });
    expect(a).toEqual(b);
    expect(analysePower(plain(9), { kind: 'opt-in', minParticipants: 4 })).toEqual(
      analysePower(plain(9), { kind: 'quota', yes: { count: 4 } }),
    );
  });
});

describe('a game worked by hand: weights 2, 1, 1 and quota 3', () => {
  // Winning: {A,B}, {A,C}, {A,B,C}. A swings with {B}, {C}, {B,C}; B only with {A}; C only with {A}.
  // Orders: A is pivotal in 4 of the 6 (BAC, BCA, CAB, CBA), B in ABC, C in ACB.
  const result = analysePower(
    [
      { id: 'A', weight: 2, population: 0 },
      { id: 'B', weight: 1, population: 0 },
      { id: 'C', weight: 1, population: 0 },
    ],
    { kind: 'quota', yes: { weight: 3 } },
  );
  it('has the hand-computed indices', () => {
    expect(result.passageProbability).toBe(3 / 8);
    const [a, b, c] = result.members;
    expect([a.banzhaf, b.banzhaf, c.banzhaf]).toEqual([3 / 5, 1 / 5, 1 / 5]);
    expect([a.banzhafRaw, b.banzhafRaw]).toEqual([3 / 4, 1 / 4]);
    expect(a.shapleyShubik).toBeCloseTo(4 / 6, 15);
    expect(b.shapleyShubik).toBeCloseTo(1 / 6, 15);
    expect([a.colemanPrevent, b.colemanPrevent]).toEqual([1, 1 / 3]);
    expect([a.colemanInitiate, b.colemanInitiate]).toEqual([3 / 5, 1 / 5]);
  });
});

describe('the meet-in-the-middle count agrees with brute force on random games', () => {
  const rng = createRng('random-games');
  const pick = <T>(items: T[]): T => items[Math.floor(rng.next() * items.length)];
  const cases = Array.from({ length: 60 }, (_, c) => {
    const n = 1 + Math.floor(rng.next() * 11);
    const members = Array.from({ length: n }, (_, i) => ({
      id: `m${i}`,
      // Some repeated weights (so members share types), some real-valued populations.
      weight: pick([1, 1, 2, 3, 5, 0.5 + Math.floor(rng.next() * 40) / 4]),
      population: Math.round(rng.next() * 1000) / 10,
    }));
    const share = () => pick([0.5, 0.55, 2 / 3, 0.65, 0.75, 0.62, 1]);
    const yes: Record<string, unknown> = {};
    if (rng.next() < 0.7) yes.count = rng.next() < 0.5 ? { share: share() } : 1 + Math.floor(rng.next() * n);
    if (rng.next() < 0.6) yes.weight = { share: share() };
    if (rng.next() < 0.6 || Object.keys(yes).length === 0) yes.population = { share: share() };
    const rule = {
      kind: 'quota',
      yes,
      ...(rng.next() < 0.3 ? { veto: [members[Math.floor(rng.next() * n)].id] } : {}),
      ...(rng.next() < 0.3 ? { blockingMinority: 1 + Math.floor(rng.next() * n) } : {}),
    } as Rule;
    return [c, members, rule] as const;
  });

  it.each(cases)('random game %i', (_c, members, rule) => {
    const exact = analysePower(members, rule, { method: 'exact' });
    const brute = bruteForcePower(members, rule);
    expect(exact.passageProbability).toBe(brute.passageProbability);
    const totalSwings = brute.swings.reduce((a, b) => a + b, 0);
    exact.members.forEach((m, i) => {
      expect(m.banzhafRaw).toBe(brute.swings[i] / 2 ** (members.length - 1));
      expect(m.banzhaf).toBeCloseTo(totalSwings ? brute.swings[i] / totalSwings : 0, 14);
      expect(m.shapleyShubik).toBeCloseTo(brute.shapley[i], 14);
    });
  });
});

describe('Monte Carlo agrees with the exact count within its standard errors', () => {
  it('on a weighted double majority with a veto', () => {
    const members = Array.from({ length: 14 }, (_, i) => ({
      id: `m${i}`,
      weight: 1 + (i % 4),
      population: 1 + i * i,
    }));
    const rule: Rule = { kind: 'quota', yes: { count: 7, population: { share: 0.6 } }, veto: ['m13'] };
    const exact = analysePower(members, rule, { method: 'exact' });
    const mc = analysePower(members, rule, { method: 'montecarlo', samples: 100_000, seed: 3 });
    expect(mc.method).toBe('montecarlo');
    expect(mc.samples).toBe(100_000);
    const se = mc.passageProbabilityStandardError as number;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs(mc.passageProbability - exact.passageProbability)).toBeLessThan(4.5 * se);
    mc.members.forEach((m, i) => {
      const errors = m.standardErrors;
      for (const index of ['banzhafRaw', 'shapleyShubik'] as const) {
        expect(Math.abs(m[index] - exact.members[i][index])).toBeLessThan(
          4.5 * (errors?.[index] ?? 0) + 1e-12,
        );
      }
    });
  });

  it('is reproducible from its seed', () => {
    const rule: Rule = { kind: 'quota', yes: { count: 5 } };
    expect(analysePower(plain(9), rule, { method: 'montecarlo', samples: 2000, seed: 9 })).toEqual(
      analysePower(plain(9), rule, { method: 'montecarlo', samples: 2000, seed: 9 }),
    );
  });
});
