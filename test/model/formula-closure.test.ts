import { describe, expect, it } from 'vitest';
import { compileFormula, FORMULA_VARIABLES } from '../../src/model/formula.js';
import { createRng, type Rng, randomIndex } from '../../src/util/rng.js';

/**
 * The proof of equal semantics: random formulas over every operator and function a formula may
 * use, on random scopes (zeros, negatives, huge and tiny values, near-integers), evaluated by the
 * closures and by mathjs's own compiled evaluation. Every outcome must be the same: the same
 * number (bit for bit), the same switch, or the same error.
 */
const VARIABLES = Object.keys(FORMULA_VARIABLES);
const CONSTANTS = [
  '0',
  '1',
  '2',
  '3',
  '0.5',
  '0.1',
  '7',
  '1e-13',
  '1e300',
  '2.9999999999999996',
  '0.30000000000000004',
];
const BINARY = [
  '+',
  '-',
  '*',
  '/',
  '^',
  '%',
  ' mod ',
  ' == ',
  ' != ',
  ' < ',
  ' > ',
  ' <= ',
  ' >= ',
  ' and ',
  ' or ',
  ' xor ',
];
const UNARY = ['-', '+', 'not '];
const FUNCTIONS: [string, number][] = [
  ['abs', 1],
  ['min', 2],
  ['min', 3],
  ['max', 2],
  ['max', 3],
  ['exp', 1],
  ['log', 1],
  ['log', 2],
  ['sqrt', 1],
  ['pow', 2],
  ['sign', 1],
  ['floor', 1],
  ['ceil', 1],
  ['round', 1],
  ['round', 2],
  ['tanh', 1],
];

function formula(rng: Rng, depth: number): string {
  const pick = <T>(list: readonly T[]) => list[randomIndex(rng, list.length)];
  if (depth === 0 || rng.next() < 0.25) return rng.next() < 0.6 ? pick(VARIABLES) : pick(CONSTANTS);
  const shape = randomIndex(rng, 10);
  if (shape < 4) return `(${formula(rng, depth - 1)}${pick(BINARY)}${formula(rng, depth - 1)})`;
  if (shape < 5) return `${pick(UNARY)}(${formula(rng, depth - 1)})`;
  if (shape < 6)
    return `(${formula(rng, depth - 1)} ? ${formula(rng, depth - 1)} : ${formula(rng, depth - 1)})`;
  const [fn, arity] = pick(FUNCTIONS);
  const args = Array.from({ length: arity }, (_, k) =>
    fn === 'round' && k === 1 ? String(randomIndex(rng, 4)) : formula(rng, depth - 1),
  );
  return `${fn}(${args.join(', ')})`;
}

function scopeValue(rng: Rng): number {
  const special = [0, -0, 1, -1, 0.5, -2.5, 1e-14, 1e308, -1e308, 2.9999999999999996, 3, 0.1 + 0.2];
  return rng.next() < 0.4
    ? special[randomIndex(rng, special.length)]
    : (rng.next() - 0.5) * 10 ** randomIndex(rng, 4);
}

type Outcome = { value: number } | { error: string };
function outcome(evaluate: () => number): Outcome {
  try {
    return { value: evaluate() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('formulas compiled to closures', () => {
  it('give exactly what mathjs gives, on 400 random formulas × 5 random scopes', () => {
    const rng = createRng('formula-closure');
    let compared = 0;
    let numbers = 0;
    for (let f = 0; f < 400; f++) {
      const text = formula(rng, 4);
      if (text.length > 500) continue;
      const closure = compileFormula(text);
      const mathjs = compileFormula(text, { viaMathjs: true });
      for (let s = 0; s < 5; s++) {
        for (const name of VARIABLES) {
          const value = scopeValue(rng);
          closure.scope[name] = value;
          mathjs.scope[name] = value;
        }
        const a = outcome(() => closure.evaluate());
        const b = outcome(() => mathjs.evaluate());
        if ('value' in a && 'value' in b)
          expect(
            Object.is(a.value, b.value),
            `${text} at ${JSON.stringify(closure.scope)}: ${a.value} vs ${b.value}`,
          ).toBe(true);
        else expect(a, text).toEqual(b);
        compared++;
        if ('value' in a) numbers++;
      }
    }
    expect(compared).toBeGreaterThan(1700);
    // Most outcomes are numbers, not errors: the comparison is not a comparison of failures.
    expect(numbers / compared).toBeGreaterThan(0.5);
  });

  it('keeps mathjs where mathjs differs from JavaScript: tolerant comparisons, rounding, mod, a lazy and', () => {
    const value = (text: string, scope: Record<string, number> = {}) => {
      const compiled = compileFormula(text);
      Object.assign(compiled.scope, scope);
      return compiled.evaluate();
    };
    // 0.1 + 0.2 == 0.3 within mathjs's relative tolerance of 1e-12 (JavaScript says false).
    expect(value('0.1 + 0.2 == 0.3')).toBe(1);
    expect(value('0.1 + 0.2 > 0.3')).toBe(0);
    // round(-2.5) is −3 in mathjs (half away from zero); Math.round gives −2.
    expect(value('round(-2.5)')).toBe(-3);
    // floor of a value a hair under 3 is 3 (mathjs treats it as 3); mod takes the divisor's sign.
    expect(value('floor(2.9999999999999996)')).toBe(3);
    expect(value('-7 mod 3')).toBe(2);
    // and is lazy: with a false left side, the right (a complex root here) is never evaluated.
    expect(value('cost > 1 and sqrt(-1) > 0', { cost: 0 })).toBe(0);
  });
});
