import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { InputError, type InputProblem } from './errors.js';
import { FORBIDDEN_KEYS } from './paths.js';
import { INPUT_LIMITS, readInputText } from './read-input.js';
import type { SourceMap } from './source-map.js';

export interface YamlSource {
  data: unknown;
  locations: SourceMap;
}

/**
 * Reads a YAML (or JSON, which YAML 1.2 contains) file into plain data, with the line and column
 * of every field. Syntax errors become InputErrors that point at the offending line.
 */
export function readYamlFile(file: string, displayName = file): YamlSource {
  return parseYamlText(readInputText(file, displayName), displayName);
}

export function parseYamlText(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    // The YAML parser recurses once per level: thousands of levels exhaust the stack before
    // checkShape below can count them.
    if (!(error instanceof RangeError)) throw error;
    throw new InputError([{ location: { file }, path: '', message: tooDeep(INPUT_LIMITS.depth) }]);
  }
  if (doc.errors.length > 0) {
    const problems: InputProblem[] = doc.errors.map((error) => {
      const position = error.linePos?.[0];
      return {
        location: position ? { file, line: position.line, column: position.col } : { file },
        path: '',
        message:
          error.code === 'DUPLICATE_KEY'
            ? `"${keyAt(text, error.pos[0])}" appears twice in one mapping; each id and field may be written once`
            : `YAML syntax: ${firstLine(error.message)}`,
      };
    });
    throw new InputError(problems);
  }
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const shape = checkShape(doc.contents, INPUT_LIMITS.depth);
  if (shape) {
    throw new InputError([
      { location: shape.node.range ? at(shape.node.range[0]) : { file }, path: '', message: shape.message },
    ]);
  }
  const locations: SourceMap = new Map();
  locations.set('', at(0));
  collectLocations(doc.contents, [], locations, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: INPUT_LIMITS.aliasExpansions });
  } catch (error) {
    throw new InputError([{ location: { file }, path: '', message: `YAML: ${firstLine(String(error))}` }]);
  }
  return { data: data ?? {}, locations };
}

/**
 * The first node that breaks the shape every input shares: nesting deeper than `limit`, a key that
 * is itself a mapping or list, or a key such as __proto__ that would reach into JavaScript's
 * objects. Walks without recursion, so deep input cannot overflow the stack.
 */
function checkShape(
  root: Node | null | undefined,
  limit: number,
): { node: Node; message: string } | undefined {
  // Depth first in reading order (children pushed last-first), so the first problem is the earliest.
  const stack: { node: Node; depth: number }[] = root ? [{ node: root, depth: 0 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    if (depth > limit) return { node, message: tooDeep(limit) };
    const children: Node[] = [];
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        if (item.key && !isScalar(item.key))
          return {
            node: item.key as Node,
            message: 'expected a name as a key, found a mapping or list used as a key',
          };
        if (isScalar(item.key) && FORBIDDEN_KEYS.has(String(item.key.value)))
          return {
            node: item.key as Node,
            message: `"${item.key.value}" cannot be a key: it names part of JavaScript's object machinery`,
          };
        if (item.value) children.push(item.value as Node);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item) children.push(item as Node);
    }
    for (let c = children.length - 1; c >= 0; c--) stack.push({ node: children[c], depth: depth + 1 });
  }
  return undefined;
}

function tooDeep(limit: number): string {
  return `expected mappings and lists nested at most ${limit} levels deep, found deeper nesting`;
}

function collectLocations(
  node: Node | null | undefined,
  path: string[],
  locations: SourceMap,
  at: (offset: number) => { file: string; line: number; column: number },
): void {
  if (!node) return;
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const childPath = [...path, key];
      const valueNode = item.value as Node | null;
      // Point at the value when there is one (that is what was "found"), else at the key.
      const range = valueNode?.range ?? keyNode?.range;
      if (range) locations.set(childPath.join('.'), at(range[0]));
      collectLocations(valueNode, childPath, locations, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const childPath = [...path, String(index)];
      const range = (item as Node | null)?.range;
      if (range) locations.set(childPath.join('.'), at(range[0]));
      collectLocations(item as Node, childPath, locations, at);
    });
  }
}

/** The plain or quoted key that starts at `offset` (yaml marks only its first character). */
function keyAt(text: string, offset: number): string {
  const match = /^("[^"]*"|'[^']*'|[^:\s,{}[\]]+)/.exec(text.slice(offset));
  return match ? match[1].replace(/^["']|["']$/g, '') : '?';
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
