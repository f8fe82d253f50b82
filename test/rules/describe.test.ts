import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/rules/compile.js';
import { describeRule } from '../../src/rules/describe.js';

describe('describeRule', () => {
  it('says a rule as written, shares in per cent', () => {
    expect(describeRule({ kind: 'unanimity' })).toBe('unanimity');
    expect(describeRule({ kind: 'consensus-minus', k: 2 })).toBe('consensus-minus 2');
    expect(describeRule({ kind: 'opt-in', minParticipants: 10 })).toBe('opt-in ≥ 10');
    expect(
      describeRule({
        kind: 'quota',
        yes: { count: { share: 2 / 3 }, population: { share: 0.65 } },
        veto: ['CHN', 'RUS'],
        blockingMinority: 4,
      }),
    ).toBe('quota count ≥ 66.67%, population ≥ 65%, veto CHN RUS, blocking minority 4');
  });

  it('says a rule compiled for one body in its absolute thresholds (traces)', () => {
    // 27 members of weight 1: two thirds is 18 (less the slack against rounding), 2 vetoes.
    const ids = Array.from({ length: 27 }, (_, i) => `S${i}`);
    const compiled = compileRule(
      { kind: 'quota', yes: { count: { share: 2 / 3 } }, veto: ['S0', 'S1'] },
      { count: 27, weight: 27, population: 100 },
      (id) => ids.indexOf(id),
    );
    expect(describeRule(compiled)).toBe('quota count ≥ 18, 2 vetoes');
    expect(
      describeRule(compileRule({ kind: 'consensus' }, { count: 3, weight: 3, population: 1 }, () => 0)),
    ).toBe('consensus');
  });
});
