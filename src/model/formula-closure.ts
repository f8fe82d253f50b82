/**
 * A checked formula's mathjs tree turned into plain nested closures over the scope object, so a
 * vote's score costs a few property reads and arithmetic instead of mathjs's evaluation (which
 * wraps the scope in a map on every call and dispatches every operator by type). Semantics are
 * mathjs's: the arithmetic of numbers (and of switches as 0 and 1) is JavaScript's, as mathjs's
 * number functions are; comparisons use mathjs's tolerance (nearlyEqual with the instance's
 * relTol and absTol); every other operator and every function calls the restricted instance's
 * own function, so powers of negative numbers, roots, rounding and the rest behave exactly as
 * mathjs says. A differential test compares hundreds of random formulas on random scopes.
 */
export interface FormulaNode {
  type: string;
  name?: string;
  value?: unknown;
  fn?: FormulaNode | string;
  op?: string;
  args?: FormulaNode[];
  content?: FormulaNode;
  condition?: FormulaNode;
  trueExpr?: FormulaNode;
  falseExpr?: FormulaNode;
}

export type FormulaFunctions = Record<string, (...args: unknown[]) => unknown> & {
  config(): { relTol: number; absTol: number };
};

type Closure = () => unknown;

/** mathjs's nearlyEqual for numbers (utils/number.js). */
function nearlyEqual(a: number, b: number, relTol: number, absTol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(relTol * Math.max(Math.abs(a), Math.abs(b)), absTol);
}

/** A number or a switch, as mathjs's typed functions convert it; anything else is left to mathjs. */
const isPlain = (v: unknown): v is number | boolean => typeof v === 'number' || typeof v === 'boolean';

/**
 * Readers of the scope's variables, each its own function: a read through one shared `scope[name]`
 * sees every name and goes megamorphic (it was a seventh of a formula run); a variable without a
 * reader is read by name.
 */
export type ScopeReaders = Record<string, (scope: Record<string, number>) => number>;

export function formulaClosure(
  root: FormulaNode,
  scope: Record<string, number>,
  math: FormulaFunctions,
  readers: ScopeReaders = {},
): Closure {
  const { relTol, absTol } = math.config();
  const binary: Record<string, (a: number, b: number) => unknown> = {
    add: (a, b) => a + b,
    subtract: (a, b) => a - b,
    multiply: (a, b) => a * b,
    divide: (a, b) => a / b,
    equal: (a, b) => nearlyEqual(a, b, relTol, absTol),
    unequal: (a, b) => !nearlyEqual(a, b, relTol, absTol),
    smaller: (a, b) => a < b && !nearlyEqual(a, b, relTol, absTol),
    larger: (a, b) => a > b && !nearlyEqual(a, b, relTol, absTol),
    smallerEq: (a, b) => a <= b || nearlyEqual(a, b, relTol, absTol),
    largerEq: (a, b) => a >= b || nearlyEqual(a, b, relTol, absTol),
  };
  const build = (node: FormulaNode): Closure => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = node.value;
        return () => value;
      }
      case 'SymbolNode': {
        const name = node.name as string;
        const read = Object.hasOwn(readers, name) ? readers[name] : null;
        return read ? () => read(scope) : () => scope[name];
      }
      case 'ParenthesisNode':
        return build(node.content as FormulaNode);
      case 'ConditionalNode': {
        const condition = build(node.condition as FormulaNode);
        const yes = build(node.trueExpr as FormulaNode);
        const no = build(node.falseExpr as FormulaNode);
        // mathjs tests a number or a switch by its truth; anything else mathjs must judge.
        return () => {
          const c = condition();
          if (!isPlain(c)) throw new NotPlain();
          return c ? yes() : no();
        };
      }
      case 'OperatorNode':
        return operatorClosure(node, build, math, binary);
      case 'FunctionNode': {
        const fn = math[(node.fn as FormulaNode).name as string];
        return called(fn, (node.args ?? []).map(build));
      }
      default:
        throw new Error(`${node.type} is not allowed in formulas`);
    }
  };
  return build(root);
}

/** An operator: the common ones of numbers and switches directly, the rest by mathjs's own function. */
function operatorClosure(
  node: FormulaNode,
  build: (node: FormulaNode) => Closure,
  math: FormulaFunctions,
  binary: Record<string, (a: number, b: number) => unknown>,
): Closure {
  const name = node.fn as string;
  const args = (node.args ?? []).map(build);
  const direct = binary[name];
  if (direct && args.length === 2) {
    const [a, b] = args;
    const fallback = math[name];
    const arithmetic = arithmeticClosure(name, a, b, fallback);
    if (arithmetic) return arithmetic;
    return () => {
      const x = a();
      const y = b();
      return isPlain(x) && isPlain(y) ? direct(+x, +y) : fallback(x, y);
    };
  }
  if (args.length === 1 && (name === 'unaryMinus' || name === 'unaryPlus' || name === 'not')) {
    const [a] = args;
    const fallback = math[name];
    if (name === 'not')
      return () => {
        const x = a();
        return isPlain(x) ? !x : fallback(x);
      };
    if (name === 'unaryMinus')
      return () => {
        const x = a();
        return isPlain(x) ? -x : fallback(x);
      };
    return () => {
      const x = a();
      return isPlain(x) ? +x : fallback(x);
    };
  }
  if (args.length === 2 && (name === 'and' || name === 'or')) {
    const [a, b] = args;
    // mathjs's and/or are lazy (their transforms): the right side is evaluated only when needed.
    // A side that is neither a number nor a switch (a complex root) is left to mathjs whole.
    const plain = (v: unknown) => {
      if (!isPlain(v)) throw new NotPlain();
      return v;
    };
    if (name === 'and')
      return () => {
        if (!plain(a())) return false;
        return !!plain(b());
      };
    return () => {
      if (plain(a())) return true;
      return !!plain(b());
    };
  }
  // Any other operator (mod, ^, xor, !): mathjs's own function. (Those mathjs evaluates lazily,
  // bitAnd, bitOr and nullish, never reach here: formulas holding them keep mathjs's evaluation.)
  return called(math[name], args);
}

/**
 * The four arithmetic operators on two numbers, each its own function (one closure shared by every
 * operator called its operation through one megamorphic site); switches and the rest go to mathjs
 * as in the general case.
 */
function arithmeticClosure(
  name: string,
  a: Closure,
  b: Closure,
  fallback: (...args: unknown[]) => unknown,
): Closure | null {
  const slow = (x: unknown, y: unknown) => (isPlain(x) && isPlain(y) ? null : fallback(x, y));
  switch (name) {
    case 'add':
      return () => {
        const x = a();
        const y = b();
        return typeof x === 'number' && typeof y === 'number'
          ? x + y
          : (slow(x, y) ?? +(x as number) + +(y as number));
      };
    case 'subtract':
      return () => {
        const x = a();
        const y = b();
        return typeof x === 'number' && typeof y === 'number'
          ? x - y
          : (slow(x, y) ?? +(x as number) - +(y as number));
      };
    case 'multiply':
      return () => {
        const x = a();
        const y = b();
        return typeof x === 'number' && typeof y === 'number'
          ? x * y
          : (slow(x, y) ?? +(x as number) * +(y as number));
      };
    case 'divide':
      return () => {
        const x = a();
        const y = b();
        return typeof x === 'number' && typeof y === 'number'
          ? x / y
          : (slow(x, y) ?? +(x as number) / +(y as number));
      };
    default:
      return null;
  }
}

/**
 * A call of `fn` on the arguments' values. Up to three arguments without building an array, since
 * a formula is evaluated for every member's vote (mod, ^, min and max are common); more, generically.
 */
function called(fn: (...args: unknown[]) => unknown, args: Closure[]): Closure {
  if (args.length === 1) {
    const [a] = args;
    return () => fn(a());
  }
  if (args.length === 2) {
    const [a, b] = args;
    return () => fn(a(), b());
  }
  if (args.length === 3) {
    const [a, b, c] = args;
    return () => fn(a(), b(), c());
  }
  return () => fn(...args.map((arg) => arg()));
}

/** A condition that is neither a number nor a switch (a complex root, say): mathjs decides. */
export class NotPlain extends Error {}

/** Operators with a lazy transform in mathjs, which a closure would evaluate eagerly: such formulas stay with mathjs. */
export const LAZY_OPERATORS = new Set(['bitAnd', 'bitOr', 'nullish']);
