import { describe, expect, it } from 'vitest';
import { analysePower } from '../../../src/rules/power/analyse.js';
import type { Rule } from '../../../src/rules/schema.js';
import { createRng, randomIndex } from '../../../src/util/rng.js';
import { bigIntWeightedPower } from './independent-power.js';

describe('generating functions on large integer games, against exact big-integer counts', () => {
  it.each([80, 150, 200])(
    'a random weighted game of %i members: method exact, every index within 1e-9',
    (n) => {
      const rng = createRng(`large-game-${n}`);
      const weights = Array.from({ length: n }, () => 1 + randomIndex(rng, 5));
      const total = weights.reduce((s, w) => s + w, 0);
      const quota = Math.floor(total / 2) + 1 + randomIndex(rng, Math.floor(total / 6));
      const members = weights.map((weight, i) => ({ id: `M${i}`, weight, population: 0 }));
      const result = analysePower(members, { kind: 'quota', yes: { weight: quota } } as Rule);
      expect(result.method).toBe('exact');
      expect(result.algorithm).toBe('generating-function');
      const exact = bigIntWeightedPower(weights, quota);
      result.members.forEach((m, i) => {
        expect(Math.abs(m.banzhafRaw - exact.banzhafRaw[i])).toBeLessThan(1e-9);
        expect(Math.abs(m.shapleyShubik - exact.shapleyShubik[i])).toBeLessThan(1e-9);
      });
      expect(result.members.reduce((s, m) => s + m.shapleyShubik, 0)).toBeCloseTo(1, 9);
    },
  );
});
