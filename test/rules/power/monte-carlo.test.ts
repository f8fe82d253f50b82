import { describe, expect, it } from 'vitest';
import { simpleGame } from '../../../src/rules/game.js';
import { exactPower } from '../../../src/rules/power/exact.js';
import { monteCarloPower } from '../../../src/rules/power/monte-carlo.js';

// A weighted game with exact answers to compare with: weights 4, 3, 2, 1, quota 6 of 10.
const members = [4, 3, 2, 1].map((weight, i) => ({ id: `M${i}`, weight, population: 1 }));
const game = simpleGame(members, { kind: 'quota', yes: { weight: 6 } });

describe('Monte Carlo voting power', () => {
  it('is within four standard errors of the exact indices, seeded and repeatable', () => {
    const exact = exactPower(game);
    const estimate = monteCarloPower(game, 40_000, 11);
    expect(estimate.method).toBe('montecarlo');
    estimate.members.forEach((member, i) => {
      const se = member.standardErrors?.banzhaf ?? 0;
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(member.banzhaf - exact.members[i].banzhaf)).toBeLessThan(4 * se);
      const ssSe = member.standardErrors?.shapleyShubik ?? 0;
      expect(Math.abs(member.shapleyShubik - exact.members[i].shapleyShubik)).toBeLessThan(4 * ssSe);
    });
    expect(monteCarloPower(game, 2_000, 11)).toEqual(monteCarloPower(game, 2_000, 11));
  });
});
