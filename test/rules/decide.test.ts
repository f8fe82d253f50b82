import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/rules/compile.js';
import { decide, markPivotal, markVetoHolders, passesByCount } from '../../src/rules/decide.js';
import type { Rule } from '../../src/rules/schema.js';
import { ABSTAIN, NO, YES } from '../../src/rules/votes.js';
import { votingBodyOf } from '../../src/rules/voting-body.js';

type V = typeof YES | typeof ABSTAIN | typeof NO;

/** Decides with members 0..n−1 voting `votes`; returns [passed, participants]. */
function run(rule: Rule, votes: V[], weights?: number[], population?: number[]): [boolean, number[]] {
  const n = votes.length;
  const weight = Float64Array.from(weights ?? votes.map(() => 1));
  const pop = Float64Array.from(population ?? votes.map(() => 0));
  const totals = {
    count: n,
    weight: weight.reduce((a, b) => a + b, 0),
    population: pop.reduce((a, b) => a + b, 0),
  };
  const compiled = compileRule(rule, totals, (id) => Number(id.slice(1)));
  const participants = new Uint8Array(n);
  const passed = decide(compiled, votingBodyOf(weight, pop), Int8Array.from(votes), 0, participants, 0);
  return [passed, [...participants]];
}

describe('decision rules', () => {
  it('unanimity: every member yes; an abstention or a no blocks', () => {
    expect(run({ kind: 'unanimity' }, [YES, YES, YES])).toEqual([true, [1, 1, 1]]);
    expect(run({ kind: 'unanimity' }, [YES, ABSTAIN, YES])[0]).toBe(false);
    expect(run({ kind: 'unanimity' }, [YES, NO, YES])).toEqual([false, [0, 0, 0]]);
  });

  it('consensus: no objection; abstention does not block', () => {
    expect(run({ kind: 'consensus' }, [YES, ABSTAIN, ABSTAIN])).toEqual([true, [1, 1, 1]]);
    expect(run({ kind: 'consensus' }, [YES, YES, NO])[0]).toBe(false);
  });

  it('consensus-minus-k: survives k objections, and the objectors are not bound', () => {
    expect(run({ kind: 'consensus-minus', k: 1 }, [YES, NO, YES, ABSTAIN])).toEqual([true, [1, 0, 1, 1]]);
    expect(run({ kind: 'consensus-minus', k: 1 }, [YES, NO, NO, YES])[0]).toBe(false);
    expect(run({ kind: 'consensus-minus', k: 2 }, [YES, NO, NO, YES])).toEqual([true, [1, 0, 0, 1]]);
  });

  it('opt-in: adopted for those who opt in once enough do', () => {
    expect(run({ kind: 'opt-in', minParticipants: 2 }, [YES, NO, YES, ABSTAIN])).toEqual([
      true,
      [1, 0, 1, 0],
    ]);
    expect(run({ kind: 'opt-in', minParticipants: 3 }, [YES, NO, YES, ABSTAIN])).toEqual([
      false,
      [0, 0, 0, 0],
    ]);
  });

  it('quota: a two-thirds majority of 6 needs 4 yes (share × total, no rounding error at the edge)', () => {
    const twoThirds: Rule = { kind: 'quota', yes: { count: { share: 2 / 3 } } };
    expect(run(twoThirds, [YES, YES, YES, YES, NO, NO])[0]).toBe(true);
    expect(run(twoThirds, [YES, YES, YES, ABSTAIN, NO, NO])[0]).toBe(false);
    // 0.55 × 20 = 11.000000000000002 in floating point: 11 yes must still pass.
    const eleven = Array.from({ length: 20 }, (_, i) => (i < 11 ? YES : NO)) as V[];
    expect(run({ kind: 'quota', yes: { count: { share: 0.55 } } }, eleven)[0]).toBe(true);
  });

  it('quota: double majority of members and population', () => {
    const rule: Rule = { kind: 'quota', yes: { count: { share: 0.5 }, population: { share: 0.65 } } };
    // Populations 50, 20, 20, 10 (total 100). Members 0, 1 say yes: 2 of 4 members, 70 of 100 people.
    expect(run(rule, [YES, YES, NO, NO], undefined, [50, 20, 20, 10])[0]).toBe(true);
    // Members 1, 2, 3: 3 of 4 but only 50 people.
    expect(run(rule, [NO, YES, YES, YES], undefined, [50, 20, 20, 10])[0]).toBe(false);
  });

  it('quota: weighted votes, veto, and a blocking minority', () => {
    const weighted: Rule = { kind: 'quota', yes: { weight: 6 } };
    expect(run(weighted, [YES, YES, NO], [4, 2, 3])[0]).toBe(true);
    expect(run(weighted, [YES, NO, YES], [4, 2, 3])[0]).toBe(true);
    expect(run(weighted, [NO, YES, YES], [4, 2, 3])[0]).toBe(false);

    // Security-Council shape: member 0 holds a veto; an abstention by it does not block.
    const veto: Rule = { kind: 'quota', yes: { count: 2 }, veto: ['m0'] };
    expect(run(veto, [ABSTAIN, YES, YES])[0]).toBe(true);
    expect(run(veto, [NO, YES, YES])[0]).toBe(false);

    // Quota of 4 out of 5, but fewer than 2 "no" votes cannot block.
    const minority: Rule = { kind: 'quota', yes: { count: 4 }, blockingMinority: 2 };
    expect(run(minority, [YES, YES, YES, NO, ABSTAIN])[0]).toBe(true);
    expect(run(minority, [YES, YES, YES, NO, NO])[0]).toBe(false);
  });
});

describe('pivotal members', () => {
  function pivotalOf(rule: Rule, votes: V[]): number[] {
    const n = votes.length;
    const compiled = compileRule(rule, { count: n, weight: n, population: 0 }, (id) => Number(id.slice(1)));
    const ballot = Int8Array.from(votes);
    const pivotal = new Uint8Array(n);
    const ones = new Float64Array(n).fill(1);
    markPivotal(compiled, votingBodyOf(ones, new Float64Array(n)), ballot, 0, pivotal, 0);
    expect([...ballot]).toEqual(votes); // votes restored
    return [...pivotal];
  }

  it('under consensus a lone objector is pivotal; two objectors are not (neither alone flips it)', () => {
    expect(pivotalOf({ kind: 'consensus' }, [YES, NO, ABSTAIN])).toEqual([0, 1, 0]);
    expect(pivotalOf({ kind: 'consensus' }, [YES, NO, NO])).toEqual([0, 0, 0]);
  });

  it('when a proposal passes, the members whose "no" would sink it are pivotal', () => {
    // Unanimity passed: everyone could have blocked it.
    expect(pivotalOf({ kind: 'unanimity' }, [YES, YES, YES])).toEqual([1, 1, 1]);
    // Two-thirds of 3 (needs 2 yes) passed with exactly 2 yes: the two yes voters are pivotal.
    expect(pivotalOf({ kind: 'quota', yes: { count: { share: 2 / 3 } } }, [YES, YES, NO])).toEqual([1, 1, 0]);
    // Under unanimity with an abstention the abstainer alone could have carried it.
    expect(pivotalOf({ kind: 'unanimity' }, [YES, ABSTAIN, YES])).toEqual([0, 1, 0]);
  });

  it('a veto holder voting no is pivotal whatever the count', () => {
    expect(pivotalOf({ kind: 'quota', yes: { count: 2 }, veto: ['m0'] }, [NO, YES, YES, YES])).toEqual([
      1, 0, 0, 0,
    ]);
  });
});

describe('veto holders', () => {
  function holders(rule: Rule, n: number): number[] {
    const compiled = compileRule(rule, { count: n, weight: n, population: 0 }, (id) => Number(id.slice(1)));
    const holds = new Uint8Array(n);
    const ones = new Float64Array(n).fill(1);
    markVetoHolders(compiled, votingBodyOf(ones, new Float64Array(n)), new Int8Array(n), 0, holds, 0);
    return [...holds];
  }

  it('everyone under unanimity and consensus; nobody under consensus minus one', () => {
    expect(holders({ kind: 'unanimity' }, 4)).toEqual([1, 1, 1, 1]);
    expect(holders({ kind: 'consensus' }, 4)).toEqual([1, 1, 1, 1]);
    expect(holders({ kind: 'consensus-minus', k: 1 }, 4)).toEqual([0, 0, 0, 0]);
  });

  it('under a quota, the veto list and whoever the quota cannot do without', () => {
    expect(holders({ kind: 'quota', yes: { count: 2 }, veto: ['m1'] }, 4)).toEqual([0, 1, 0, 0]);
    // 4 of 4 needed: everyone's "no" blocks. 3 of 4: nobody's alone does.
    expect(holders({ kind: 'quota', yes: { count: 4 } }, 4)).toEqual([1, 1, 1, 1]);
    expect(holders({ kind: 'quota', yes: { count: 3 } }, 4)).toEqual([0, 0, 0, 0]);
    // Opt-in: a lone refusal never stops the others.
    expect(holders({ kind: 'opt-in', minParticipants: 2 }, 4)).toEqual([0, 0, 0, 0]);
  });
});

describe('passesByCount', () => {
  it("answers 'one more yes, one fewer no' as flipping that no and deciding again does, under every rule of counts", () => {
    const rules: Rule[] = [
      { kind: 'unanimity' },
      { kind: 'consensus' },
      { kind: 'consensus-minus', k: 1 },
      { kind: 'consensus-minus', k: 2 },
      { kind: 'opt-in', minParticipants: 3 },
    ];
    const cast: V[] = [YES, ABSTAIN, NO];
    let compared = 0;
    for (const rule of rules)
      for (let code = 0; code < 3 ** 6; code++) {
        const votes = Array.from({ length: 6 }, (_, m) => cast[Math.floor(code / 3 ** m) % 3]);
        const compiled = compileRule(rule, { count: 6, weight: 6, population: 0 }, (id) =>
          Number(id.slice(1)),
        );
        if (compiled.kind === 'quota') throw new Error('a rule of counts compiled to a quota');
        const yes = votes.filter((v) => v === YES).length;
        const no = votes.filter((v) => v === NO).length;
        expect(passesByCount(compiled, yes, no, 6)).toBe(run(rule, votes)[0]);
        votes.forEach((vote, m) => {
          if (vote !== NO) return;
          const flipped = votes.map((v, k) => (k === m ? YES : v));
          expect(passesByCount(compiled, yes + 1, no - 1, 6)).toBe(run(rule, flipped)[0]);
          compared++;
        });
      }
    expect(compared).toBe(5 * 6 * 3 ** 5);
  });
});
