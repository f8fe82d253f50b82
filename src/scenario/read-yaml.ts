import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { InputError, type InputProblem } from './errors.js';
import type { SourceMap } from './source-map.js';

export interface YamlSource {
  data: unknown;
  locations: SourceMap;
}

/** YAML aliases expand; this bounds how far, so a small file cannot become a huge object. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Reads a YAML (or JSON, which YAML 1.2 contains) file into plain data, with the line and column
 * of every field. Syntax errors become InputErrors that point at the offending line.
 */
export function readYamlFile(file: string, displayName = file): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError([{ location: { file: displayName }, path: '', message: readFailure(error) }]);
  }
  return parseYamlText(text, displayName);
}

export function parseYamlText(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
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
  const locations: SourceMap = new Map();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  locations.set('', at(0));
  collectLocations(doc.contents, [], locations, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new InputError([{ location: { file }, path: '', message: `YAML: ${firstLine(String(error))}` }]);
  }
  return { data: data ?? {}, locations };
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

export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'expected a file, found a directory';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read the file (${code ?? String(error)})`;
}
