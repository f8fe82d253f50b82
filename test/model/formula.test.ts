import { describe, expect, it } from 'vitest';
import { valueAt } from '../../src/engine/simulate.js';
import { compileWorld } from '../../src/engine/world.js';
import { formatProblem, InputError } from '../../src/input/errors.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { checkFormula, compileFormula, FORMULA_VARIABLES, SCOPE_READERS } from '../../src/model/formula.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

const builtin = (overrides: Record<string, unknown> = {}) =>
  compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml'), { overrides }).scenario, { years: 4 });

describe('voting formulas', () => {
  it('"builtin" reproduces the built-in score bit for bit', () => {
    const plain = builtin();
    const formula = builtin({ 'parameters.voting.formula': 'builtin' });
    expect(formula.formula).toBeDefined();
    for (const seed of [1, 2, 3]) {
      expect(
        Buffer.from(simulateRecorded(formula, seed).values.buffer).equals(
          Buffer.from(simulateRecorded(plain, seed).values.buffer),
        ),
      ).toBe(true);
    }
  });

  it('the built-in score written out in the variables gives the same runs (to rounding)', () => {
    const plain = builtin();
    const written = builtin({
      'parameters.voting.formula':
        'benefit - cost * (1 + 1 * sovereignty * bindingness) + 0.3 * (trust_proposer - 0.5) + 0.5 * (trust_members - 0.5)',
    });
    const a = simulateRecorded(plain, 4).values;
    const b = simulateRecorded(written, 4).values;
    for (let k = 0; k < a.length; k++) {
      if (Number.isNaN(a[k])) expect(b[k]).toBeNaN();
      else expect(b[k]).toBeCloseTo(a[k], 9);
    }
  });

  it('changes behaviour when it says something else: nobody wants anything at builtin − 10', () => {
    const result = simulateRecorded(
      builtin({ 'parameters.voting.formula': 'builtin - 10', 'parameters.events.hazards': false }),
      1,
    );
    for (let s = 1; s <= result.steps; s++)
      for (const org of result.orgIds) expect(valueAt(result, s, org, 'adopted')).toBe(0);
  });

  it('evaluates numbers, comparisons and conditionals', () => {
    const f = compileFormula('cost > 0.5 ? -1 : max(benefit, 0.1) * 2');
    f.scope.cost = 0.2;
    f.scope.benefit = 0.05;
    expect(f.evaluate()).toBeCloseTo(0.2, 15);
    f.scope.cost = 0.7;
    expect(f.evaluate()).toBe(-1);
  });
});

describe('formulas cannot reach outside their variables', () => {
  it.each([
    ['import({}, {})', /unknown function "import"/],
    ['createUnit("x")', /unknown function "createUnit"|only numbers/],
    ['evaluate("1")', /unknown function "evaluate"|only numbers/],
    ['parse("1")', /unknown function "parse"|only numbers/],
    ['x = 1', /assignment is not allowed/],
    ['f(x) = x', /defining a function is not allowed/],
    ['[1, 2]', /a list or matrix is not allowed/],
    ['cos.constructor', /property or index access is not allowed/],
    ['benefit["constructor"]', /property or index access is not allowed/],
    ['{a: 1}', /an object is not allowed/],
    ['1:3', /a range is not allowed/],
    ['a = 1; a', /several statements is not allowed|assignment is not allowed/],
    ['benefit + population', /unknown variable "population"/],
    ['"text"', /only numbers may appear/],
    ['benefit +', /syntax error/],
    [`benefit${' + 1'.repeat(200)}`, /at most 500 characters/],
    // Escapes reported against mathjs (its security page and advisories), and spellings of them.
    ['cos.constructor("return process")()', /syntax error|property or index access is not allowed/],
    ['[].map.constructor("return this")()', /syntax error|not allowed/],
    ['cos["constr" + "uctor"]("return process")()', /syntax error|property or index access is not allowed/],
    ['cos .constructor', /property or index access is not allowed/],
    ['simplify("x + x")', /unknown function "simplify"|only numbers/],
    ['derivative("x^2", "x")', /unknown function "derivative"|only numbers/],
    ['resolve(benefit)', /unknown function "resolve"/],
    ['compile("1")', /unknown function "compile"|only numbers/],
    ['typed("f", {})', /unknown function "typed"|not allowed/],
    ['config({ number: "BigNumber" })', /unknown function "config"|not allowed/],
    ['chain(benefit)', /unknown function "chain"/],
    ['unit("5 cm")', /unknown function "unit"|only numbers/],
    ['help(cos)', /unknown function "help"|unknown variable "cos"/],
    ['evaluate ("1")', /unknown function "evaluate"|only numbers/],
    ['Function("return 1")()', /syntax error|unknown function "Function"|only numbers/],
    ['f = cos; f(1)', /not allowed/],
  ])('%s is refused', (formula, message) => {
    expect(checkFormula(formula)).toMatch(message);
  });

  it('a scenario with a bad formula fails validation at its field path', () => {
    try {
      loadScenario(repoFile('scenarios/asia-2025.yaml'), {
        overrides: { 'parameters.voting.formula': 'cost.constructor("1")' },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map(formatProblem)[0]).toMatch(
        /parameters\.voting\.formula: property or index access is not allowed/,
      );
    }
  });
});

describe('the scope readers', () => {
  it('each reads the variable it is named after, and every main variable has one', () => {
    const scope = Object.fromEntries(Object.keys(FORMULA_VARIABLES).map((name, k) => [name, k + 0.5]));
    for (const [name, read] of Object.entries(SCOPE_READERS))
      expect([name, read(scope)]).toEqual([name, scope[name]]);
    const main = Object.keys(FORMULA_VARIABLES).filter((name) => !/^(salience|benefit)_/.test(name));
    expect(Object.keys(SCOPE_READERS).sort()).toEqual(main.sort());
  });
});
