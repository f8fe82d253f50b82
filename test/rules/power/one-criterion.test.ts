import { describe, expect, it } from 'vitest';
import { simpleGame } from '../../../src/rules/game.js';
import { analysePower } from '../../../src/rules/power/analyse.js';
import { exactPower } from '../../../src/rules/power/exact.js';
import { oneCriterionPower } from '../../../src/rules/power/one-criterion.js';
import type { Rule } from '../../../src/rules/schema.js';
import { loadVotingBody } from '../../../src/scenario/voting-body.js';
import { createRng, randomIndex } from '../../../src/util/rng.js';
import { repoFile } from '../../helpers.js';
import { expectSamePower } from './independent-power.js';

describe('voting power with one real-valued criterion, by sorted halves', () => {
  it('agrees with the general meet-in-the-middle on random games: real weights or populations, counts, vetoes, blocking minorities', () => {
    const rng = createRng('one-criterion');
    for (let trial = 0; trial < 150; trial++) {
      const n = 1 + randomIndex(rng, 16);
      const members = Array.from({ length: n }, (_, i) => ({
        id: `M${i}`,
        weight: randomIndex(rng, 5) === 0 ? 0 : Math.sqrt(1 + randomIndex(rng, 50)),
        population: 100 * rng.next(),
      }));
      const byPopulation = randomIndex(rng, 2) === 0;
      const rule = {
        kind: 'quota',
        yes: byPopulation
          ? { count: randomIndex(rng, n + 1), population: { share: rng.next() } }
          : { count: { share: rng.next() }, weight: { share: rng.next() } },
        ...(randomIndex(rng, 5) === 0 ? { veto: [`M${randomIndex(rng, n)}`] } : {}),
        ...(randomIndex(rng, 3) === 0 ? { blockingMinority: 1 + randomIndex(rng, 4) } : {}),
      } as Rule;
      const game = simpleGame(members, rule);
      expectSamePower(
        oneCriterionPower(game) as NonNullable<ReturnType<typeof oneCriterionPower>>,
        exactPower(game),
        1e-12,
      );
    }
  });

  it('two binding criteria are left to the general method', () => {
    const game = simpleGame(
      [
        { id: 'A', weight: 1.5, population: 2.5 },
        { id: 'B', weight: 1, population: 1 },
      ],
      { kind: 'quota', yes: { weight: 2, population: 3 } } as Rule,
    );
    expect(oneCriterionPower(game)).toBeNull();
  });

  it('the EU-27 Lisbon double majority: what the general method gives', () => {
    const body = loadVotingBody(repoFile('experiments/bodies/eu27-lisbon.yaml'));
    const result = analysePower(body.members, body.rule);
    expect(result).toMatchObject({ method: 'exact', algorithm: 'meet-in-the-middle' });
    expectSamePower(result, exactPower(simpleGame(body.members, body.rule)), 1e-12);
  });
});
