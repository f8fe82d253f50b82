import fc from 'fast-check';
import { stringify } from 'yaml';

/**
 * Mutations of a well-formed input file, for the input fuzz tests: what a hand-written file gets
 * wrong (a key deleted or written twice, a wrong type, a huge, negative or non-finite number, an
 * unknown id, broken YAML) and what a hostile one tries (prototype keys, alias bombs, deep
 * nesting, binary garbage). A plan is one to three mutations applied in order; fast-check draws
 * plans and shrinks a failing one to the smallest that still fails.
 */

/** Values a field may be replaced by: wrong types, edge numbers, prototype keys, unknown ids. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  '',
  'ZZZ',
  'CHN',
  'x'.repeat(5000),
  0,
  -1,
  0.5,
  1.5,
  -1e308,
  1e308,
  5e-324,
  2 ** 53 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  [],
  {},
  [1, 2, 3],
  ['ZZZ'],
  { a: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  nested(60),
  Array.from({ length: 3000 }, (_, i) => i),
  '2020-01-01',
];

/** Key names a field may be renamed to. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'ZZZ', ''];

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export type DataMutation =
  | { op: 'delete'; at: number }
  | { op: 'replace'; at: number; value: number }
  | { op: 'random-value'; at: number; value: unknown }
  | { op: 'rename'; at: number; key: number }
  | { op: 'copy-sibling'; at: number };

export type TextMutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'indent-line'; at: number; by: number }
  | { op: 'binary'; bytes: Uint8Array }
  | { op: 'alias-bomb' }
  | { op: 'deep-nesting'; depth: number; flow: boolean };

/** Data mutations apply to the parsed file, which is then written out again; text ones follow. */
export interface MutationPlan {
  data: DataMutation[];
  text: TextMutation[];
}

const index = fc.nat({ max: 1_000_000 });

export const dataMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: index }),
  fc.record({
    op: fc.constant('replace' as const),
    at: index,
    value: fc.nat({ max: HOSTILE_VALUES.length - 1 }),
  }),
  fc.record({ op: fc.constant('random-value' as const), at: index, value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ op: fc.constant('rename' as const), at: index, key: fc.nat({ max: HOSTILE_KEYS.length - 1 }) }),
  fc.record({ op: fc.constant('copy-sibling' as const), at: index }),
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: index }),
  fc.record({
    op: fc.constant('insert' as const),
    at: index,
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        ':',
        '- ',
        '{',
        ']',
        '&a ',
        '*a',
        '!!binary ',
        '!!js/function ',
        '\t',
        '"',
        '%YAML 1.1\n',
        '---\n',
        '\n  x: 1',
      ),
    ),
  }),
  fc.record({ op: fc.constant('delete-line' as const), at: index }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: index }),
  fc.record({ op: fc.constant('indent-line' as const), at: index, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('binary' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }) }),
  fc.record({ op: fc.constant('alias-bomb' as const) }),
  fc.record({
    op: fc.constant('deep-nesting' as const),
    depth: fc.integer({ min: 50, max: 20_000 }),
    flow: fc.boolean(),
  }),
);

export const mutationPlan: fc.Arbitrary<MutationPlan> = fc
  .record({
    data: fc.array(dataMutation, { maxLength: 3 }),
    text: fc.array(textMutation, { maxLength: 2 }),
  })
  .filter((plan) => plan.data.length + plan.text.length > 0);

/** Every path in `data`, containers included, in a stable order. */
function pathsIn(data: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (Array.isArray(data)) {
    for (const [i, v] of data.entries()) paths.push(...pathsIn(v, [...prefix, String(i)]));
  } else if (data && typeof data === 'object')
    for (const [k, v] of Object.entries(data)) paths.push(...pathsIn(v, [...prefix, k]));
  return paths;
}

function parentOf(data: unknown, path: string[]): Record<string, unknown> | unknown[] | undefined {
  let node = data as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  return node && typeof node === 'object' ? node : undefined;
}

/** Applies one mutation to parsed data (changed in place; the root may be replaced). */
function mutateData(data: unknown, mutation: DataMutation): unknown {
  const paths = pathsIn(data);
  const path = paths[mutation.at % paths.length];
  if (path.length === 0) {
    return mutation.op === 'replace'
      ? HOSTILE_VALUES[mutation.value]
      : mutation.op === 'random-value'
        ? mutation.value
        : data;
  }
  const parent = parentOf(data, path) as Record<string, unknown>;
  const key = path[path.length - 1];
  switch (mutation.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'replace':
      parent[key] = structuredClone(HOSTILE_VALUES[mutation.value]);
      break;
    case 'random-value':
      parent[key] = mutation.value;
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const value = parent[key];
        delete parent[key];
        Object.defineProperty(parent, HOSTILE_KEYS[mutation.key], {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      break;
    case 'copy-sibling': {
      const siblings = Object.keys(parent);
      const other = siblings[(siblings.indexOf(key) + 1) % siblings.length];
      parent[key] = structuredClone(parent[other]);
      break;
    }
  }
  return data;
}

function mutateText(text: string, mutation: TextMutation): string {
  const lines = text.split('\n');
  const line = 'at' in mutation ? mutation.at % Math.max(1, lines.length) : 0;
  switch (mutation.op) {
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'delete-line':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 'indent-line':
      lines[line] =
        mutation.by >= 0 ? ' '.repeat(mutation.by) + lines[line] : lines[line].slice(-mutation.by);
      return lines.join('\n');
    case 'binary':
      return Buffer.from(mutation.bytes).toString('latin1') + text;
    case 'alias-bomb':
      return `${aliasBomb()}\n${text}`;
    case 'deep-nesting':
      return mutation.flow
        ? `${text}\ndeep: ${'['.repeat(mutation.depth)}${']'.repeat(mutation.depth)}\n`
        : `${text}\ndeep:\n${Array.from({ length: Math.min(mutation.depth, 2000) }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1\n`;
  }
}

/** The "billion laughs": each line nine aliases of the one before. */
export function aliasBomb(levels = 9): string {
  const lines = ['bomb0: &b0 [lol]'];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `bomb${i}: &b${i} [${Array(9)
        .fill(`*b${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

/** Applies a plan to a file's text (`data` is that text parsed). */
export function applyPlan(text: string, data: unknown, plan: MutationPlan): string {
  let mutated = text;
  if (plan.data.length > 0) {
    let changed: unknown = structuredClone(data);
    for (const mutation of plan.data) changed = mutateData(changed, mutation);
    mutated = stringify(changed, { aliasDuplicateObjects: false });
  }
  for (const mutation of plan.text) mutated = mutateText(mutated, mutation);
  return mutated;
}
