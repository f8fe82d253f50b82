/**
 * Errors in what a user wrote. Every problem carries an address — file, line, column and the
 * field path — so the CLI can print `file:line:column field.path: message` and exit 2.
 * Anything that is not an InputError is a bug in cica-sim.
 */

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface InputProblem {
  /** Where the offending value was written; file alone when no better place is known. */
  location: SourceLocation | { file: string };
  /** The field path, e.g. `organisations.CICA.rules.cbm.k`; empty for the whole file. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

export class InputError extends Error {
  readonly problems: InputProblem[];

  constructor(problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function formatProblem(problem: InputProblem): string {
  const where =
    'line' in problem.location
      ? `${problem.location.file}:${problem.location.line}:${problem.location.column}`
      : problem.location.file;
  return problem.path ? `${where} ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** A short, readable rendering of a value a user wrote, for "found ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
