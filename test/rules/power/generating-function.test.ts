import { describe, expect, it } from 'vitest';
import { simpleGame } from '../../../src/rules/game.js';
import { analysePower } from '../../../src/rules/power/analyse.js';
import { exactPower } from '../../../src/rules/power/exact.js';
import { generatingFunctionPower, integerCriterion } from '../../../src/rules/power/generating-function.js';
import type { Rule } from '../../../src/rules/schema.js';
import { loadVotingBody } from '../../../src/scenario/voting-body.js';
import { createRng, randomIndex } from '../../../src/util/rng.js';
import { repoFile } from '../../helpers.js';
import { expectSamePower, forwardWeightedPower } from './independent-power.js';

describe('voting power by generating functions', () => {
  it('agrees with meet-in-the-middle on random integer games: counts, weights, populations, vetoes, blocking minorities', () => {
    const rng = createRng('generating-function');
    for (let trial = 0; trial < 120; trial++) {
      const n = 2 + randomIndex(rng, 13);
      const members = Array.from({ length: n }, (_, i) => ({
        id: `M${i}`,
        weight: randomIndex(rng, 7),
        population: randomIndex(rng, 4) === 0 ? 0 : 0.5 * randomIndex(rng, 40),
      }));
      const totalWeight = members.reduce((s, m) => s + m.weight, 0);
      const vetoes = members.filter(() => randomIndex(rng, 8) === 0).map((m) => m.id);
      const yes =
        randomIndex(rng, 2) === 0
          ? { count: randomIndex(rng, n + 1), weight: randomIndex(rng, totalWeight + 1) }
          : { count: randomIndex(rng, n + 1), population: { share: 0.3 + 0.6 * rng.next() } };
      const rule = {
        kind: 'quota',
        yes,
        ...(vetoes.length ? { veto: vetoes } : {}),
        ...(randomIndex(rng, 3) === 0 ? { blockingMinority: 1 + randomIndex(rng, 3) } : {}),
      } as Rule;
      const game = simpleGame(members, rule);
      const criterion = integerCriterion(game);
      expect(criterion, JSON.stringify(rule)).not.toBeNull();
      expectSamePower(
        generatingFunctionPower(game, criterion as NonNullable<typeof criterion>),
        exactPower(game),
        1e-12,
      );
    }
  });

  it('the count-only rules (unanimity, consensus minus k, opt-in) too', () => {
    const members = Array.from({ length: 9 }, (_, i) => ({ id: `M${i}`, weight: 1, population: 0 }));
    for (const rule of [
      { kind: 'unanimity' },
      { kind: 'consensus-minus', k: 2 },
      { kind: 'opt-in', minParticipants: 4 },
    ] as Rule[]) {
      const game = simpleGame(members, rule);
      expectSamePower(
        generatingFunctionPower(
          game,
          integerCriterion(game) as NonNullable<ReturnType<typeof integerCriterion>>,
        ),
        exactPower(game),
        1e-14,
      );
    }
  });

  it('the US Electoral College (51 members, 538 votes, 270 to win): exact, as a second method counts it', () => {
    const body = loadVotingBody(repoFile('experiments/bodies/us-electoral-college.yaml'));
    expect(body.members).toHaveLength(51);
    expect(body.members.reduce((s, m) => s + m.weight, 0)).toBe(538);
    const result = analysePower(body.members, body.rule);
    expect(result.method).toBe('exact');
    expect(result.algorithm).toBe('generating-function');
    // The second method: for each member, the coalitions of the others counted afresh by size and
    // weight (no removal), every count an exact integer in a double.
    const independent = forwardWeightedPower(
      body.members.map((m) => m.weight),
      270,
    );
    result.members.forEach((m, i) => {
      expect(Math.abs(m.banzhafRaw - independent.banzhafRaw[i])).toBeLessThan(1e-12);
      expect(Math.abs(m.shapleyShubik - independent.shapleyShubik[i])).toBeLessThan(1e-12);
    });
    expect(Math.abs(result.passageProbability - independent.passage)).toBeLessThan(1e-15);
    // An even total: a 269–269 tie loses, so a little under half of all coalitions win.
    expect(result.passageProbability).toBeLessThan(0.5);
    expect(result.members.reduce((s, m) => s + m.shapleyShubik, 0)).toBeCloseTo(1, 12);
  });

  it('EU-27 under the Nice weights (255 of 345): what meet-in-the-middle gives', () => {
    // Treaty of Nice, Council weights for the 27 members of 2007.
    const weights: Record<string, number> = {
      DEU: 29,
      FRA: 29,
      ITA: 29,
      GBR: 29,
      ESP: 27,
      POL: 27,
      ROU: 14,
      NLD: 13,
      BEL: 12,
      CZE: 12,
      GRC: 12,
      HUN: 12,
      PRT: 12,
      AUT: 10,
      BGR: 10,
      SWE: 10,
      DNK: 7,
      IRL: 7,
      LTU: 7,
      SVK: 7,
      FIN: 7,
      CYP: 4,
      EST: 4,
      LVA: 4,
      LUX: 4,
      SVN: 4,
      MLT: 3,
    };
    const members = Object.entries(weights).map(([id, weight]) => ({ id, weight, population: 0 }));
    expect(members.reduce((s, m) => s + m.weight, 0)).toBe(345);
    const rule = { kind: 'quota', yes: { weight: 255 } } as Rule;
    const result = analysePower(members, rule);
    expect(result.algorithm).toBe('generating-function');
    expectSamePower(result, exactPower(simpleGame(members, rule)), 1e-12);
  });

  it('falls back where it does not apply: two value criteria, or values no power of ten makes whole', () => {
    const members = [
      { id: 'A', weight: 2, population: 10 },
      { id: 'B', weight: 1, population: 5 },
      { id: 'C', weight: 1, population: 1 },
    ];
    const both = simpleGame(members, { kind: 'quota', yes: { weight: 2, population: 6 } } as Rule);
    expect(integerCriterion(both)).toBeNull();
    expect(
      analysePower(members, { kind: 'quota', yes: { weight: 2, population: 6 } } as Rule).algorithm,
    ).toBe('meet-in-the-middle');
    const irrational = simpleGame(
      members.map((m) => ({ ...m, weight: m.weight * Math.PI })),
      { kind: 'quota', yes: { weight: 4 } } as Rule,
    );
    expect(integerCriterion(irrational)).toBeNull();
    // Decimals scale: 0.5 and 1.25 become 50 and 125 at two digits.
    const decimals = simpleGame(
      [
        { id: 'A', weight: 0.5, population: 0 },
        { id: 'B', weight: 1.25, population: 0 },
      ],
      { kind: 'quota', yes: { weight: 1.5 } } as Rule,
    );
    expect(integerCriterion(decimals)).toEqual({ values: Int32Array.from([50, 125]), quota: 150 });
  });
});
