import { createRequire } from 'node:module';
import { DIMENSION_COLUMNS, DIMENSIONS } from './dimensions.js';
import {
  type FormulaFunctions,
  type FormulaNode,
  formulaClosure,
  LAZY_OPERATORS,
  NotPlain,
  type ScopeReaders,
} from './formula-closure.js';

/**
 * Scenario formulas: `parameters.voting.formula` replaces the built-in score of a proposal by an
 * expression over named variables (docs/MODEL.md §Voting). Safety, following mathjs's own security
 * advice: a separate mathjs instance whose import, createUnit, evaluate, parse, compile, simplify,
 * derivative and resolve throw; the parsed tree may hold only numbers, the variables below, the
 * arithmetic, comparison and conditional operators, and a list of plain functions — no
 * assignment, no property or index access, no function definitions, no matrices or strings.
 * Formulas are compiled once per World; mathjs is loaded only when a scenario has one.
 */
export const FORMULA_VARIABLES: Record<string, string> = {
  builtin: 'the built-in score (docs/MODEL.md §Voting)',
  benefit: 'salience-weighted benefit: Σ_d salience_d × benefit_d',
  cost: 'the cost of the proposal as amended',
  bindingness: 'the bindingness of the proposal as amended',
  sovereignty: "the voter's sovereignty sensitivity",
  trust_proposer: "the voter's trust in the proposer",
  trust_members: "the voter's mean trust in the other members",
  ...Object.fromEntries(
    DIMENSIONS.map((d) => [`salience_${DIMENSION_COLUMNS[d]}`, `the voter's salience of ${d}`]),
  ),
  ...Object.fromEntries(
    DIMENSIONS.map((d) => [`benefit_${DIMENSION_COLUMNS[d]}`, `the measure's benefit in ${d}`]),
  ),
};

/** The main variables' readers (formula-closure.ts ScopeReaders); the per-dimension ones are read by name. */
export const SCOPE_READERS: ScopeReaders = {
  builtin: (scope) => scope.builtin,
  benefit: (scope) => scope.benefit,
  cost: (scope) => scope.cost,
  bindingness: (scope) => scope.bindingness,
  sovereignty: (scope) => scope.sovereignty,
  trust_proposer: (scope) => scope.trust_proposer,
  trust_members: (scope) => scope.trust_members,
};

const FUNCTIONS = new Set([
  'abs',
  'min',
  'max',
  'exp',
  'log',
  'sqrt',
  'pow',
  'sign',
  'floor',
  'ceil',
  'round',
  'tanh',
]);
const NODE_TYPES = new Set([
  'ConstantNode',
  'SymbolNode',
  'OperatorNode',
  'ParenthesisNode',
  'FunctionNode',
  'ConditionalNode',
]);
export const MAX_FORMULA_LENGTH = 500;

type MathNode = {
  type: string;
  name?: string;
  value?: unknown;
  fn?: MathNode;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: Record<string, number>): unknown };
};

let restrictedParse: ((text: string) => MathNode) | null = null;
/** The restricted instance's functions as its expressions see them (with mathjs's transforms). */
let restrictedFunctions: FormulaFunctions | null = null;

/** The parser of a restricted mathjs instance, created on first use. */
function parser(): (text: string) => MathNode {
  if (restrictedParse) return restrictedParse;
  const mathjs = createRequire(import.meta.url)('mathjs') as {
    create: (factories: unknown) => {
      parse: (text: string) => MathNode;
      import: (o: object, options: object) => void;
      config: () => { relTol: number; absTol: number };
      expression: { mathWithTransform: Record<string, (...args: unknown[]) => unknown> };
    };
    all: unknown;
  };
  const math = mathjs.create(mathjs.all);
  const parse = math.parse;
  const refuse = (name: string) => () => {
    throw new Error(`${name} is not available in formulas`);
  };
  math.import(
    Object.fromEntries(
      ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve'].map(
        (name) => [name, refuse(name)],
      ),
    ),
    { override: true },
  );
  restrictedParse = parse;
  restrictedFunctions = Object.assign(Object.create(math.expression.mathWithTransform), {
    config: () => math.config(),
  }) as FormulaFunctions;
  return parse;
}

/** What is wrong with a formula, or undefined when it may be used. */
export function checkFormula(text: string): string | undefined {
  if (text.length > MAX_FORMULA_LENGTH)
    return `expected a formula of at most ${MAX_FORMULA_LENGTH} characters, found ${text.length}`;
  let node: MathNode;
  try {
    node = parser()(text);
  } catch (error) {
    return `expected a formula, found a syntax error: ${(error as Error).message}`;
  }
  const problems: string[] = [];
  node.traverse((child, _path, parent) => {
    if (!NODE_TYPES.has(child.type)) {
      problems.push(`${describeNode(child.type)} is not allowed in formulas`);
    } else if (child.type === 'SymbolNode') {
      const isFunctionName = parent?.type === 'FunctionNode' && parent.fn === child;
      if (isFunctionName) {
        if (!FUNCTIONS.has(child.name ?? ''))
          problems.push(`unknown function "${child.name}"; allowed: ${[...FUNCTIONS].join(', ')}`);
      } else if (!Object.hasOwn(FORMULA_VARIABLES, child.name ?? '')) {
        problems.push(
          `unknown variable "${child.name}"; expected one of ${Object.keys(FORMULA_VARIABLES).join(', ')}`,
        );
      }
    } else if (child.type === 'ConstantNode' && typeof child.value !== 'number') {
      problems.push(`only numbers may appear as constants, found ${JSON.stringify(child.value)}`);
    }
  });
  return problems.length ? [...new Set(problems)].join('; ') : undefined;
}

function describeNode(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: 'assignment',
    FunctionAssignmentNode: 'defining a function',
    AccessorNode: 'property or index access',
    IndexNode: 'property or index access',
    ObjectNode: 'an object',
    ArrayNode: 'a list or matrix',
    RangeNode: 'a range',
    BlockNode: 'several statements',
    RelationalNode: 'a chained comparison',
  };
  return names[type] ?? type;
}

/**
 * A scenario's formula gave something other than a finite number (an overflow to Infinity, 0/0):
 * bad input, not a bug. `where` says whose score it was, when; the CLI exits 2 with the message.
 */
export class FormulaValueError extends Error {
  constructor(
    readonly formula: string,
    readonly value: unknown,
    readonly values: Record<string, number>,
    readonly where = '',
  ) {
    const scope = Object.entries(values)
      .map(([name, v]) => `${name} = ${Number.isInteger(v) ? v : v.toPrecision(4)}`)
      .join(', ');
    super(
      `parameters.voting.formula: "${formula}" gave ${String(value)} instead of a finite number${where ? ` ${where}` : ''}, with ${scope}. Keep it finite for every value its variables can take (e.g. divide by max(x, 0.01), cap exp with min)`,
    );
    this.name = 'FormulaValueError';
  }
}

/** A compiled formula over a scope the caller fills in place (no allocation per evaluation). */
export interface CompiledFormula {
  scope: Record<string, number>;
  /** Whether the formula reads any salience_ or benefit_ variable (else the caller need not fill them). */
  usesDimensions: boolean;
  evaluate(): number;
}

/**
 * Compiles a checked formula once: to plain closures over `scope` (formula-closure.ts), or — for
 * the few operators mathjs evaluates lazily — to mathjs's own compiled evaluation. `viaMathjs`
 * forces the latter (the differential test compares the two).
 */
export function compileFormula(text: string, options: { viaMathjs?: boolean } = {}): CompiledFormula {
  const problem = checkFormula(text);
  if (problem) throw new Error(problem);
  const tree = parser()(text);
  const scope: Record<string, number> = Object.fromEntries(
    Object.keys(FORMULA_VARIABLES).map((name) => [name, 0]),
  );
  let lazy = false;
  let usesDimensions = false;
  tree.traverse((node) => {
    if (node.type === 'OperatorNode' && LAZY_OPERATORS.has((node as unknown as FormulaNode).fn as string))
      lazy = true;
    if (node.type === 'SymbolNode' && /^(salience|benefit)_/.test(node.name ?? '')) usesDimensions = true;
  });
  const code = tree.compile();
  const viaMathjs = () => code.evaluate(scope);
  const closure =
    options.viaMathjs || lazy
      ? viaMathjs
      : formulaClosure(
          tree as unknown as FormulaNode,
          scope,
          restrictedFunctions as FormulaFunctions,
          SCOPE_READERS,
        );
  const run = () => {
    try {
      return closure();
    } catch (error) {
      // A condition mathjs must judge (not a number or a switch): evaluate the whole formula its way.
      if (error instanceof NotPlain) return viaMathjs();
      throw error;
    }
  };
  return {
    scope,
    usesDimensions,
    evaluate() {
      const value = run();
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new FormulaValueError(text, value, { ...scope });
      return value;
    },
  };
}
