import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No function in src/ is longer than 100 lines, counted from its first line to its closing brace,
 * comments and blank lines included (what a reader scrolls through). Biome's
 * noExcessiveLinesPerFunction checks the same in the editor but counts fewer lines.
 */
const MAX_LINES = 100;
const SRC = resolve(import.meta.dirname, '../../src');

/** A top-level function (declared, or an arrow or function expression bound to a const) begins here. */
const START =
  /^(export )?(async )?function\*? \w+|^(export )?const \w+(: [^=]+)? = (async )?(function\b|\(|<|\w+ =>)/;

/** Each top-level function of a file's text longer than `max` lines, as "name (lines)". */
function longFunctions(text: string, max = MAX_LINES): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!START.test(lines[i])) continue;
    // A one-line definition ends on its own line.
    if (/;\s*$/.test(lines[i])) continue;
    let end = i + 1;
    while (end < lines.length && !/^(\}|\);?$)/.test(lines[end])) end++;
    const length = end - i + 1;
    const name = /(?:function\*?|const) (\w+)/.exec(lines[i])?.[1];
    if (length > max) found.push(`${name} (${length})`);
    i = end;
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('function length', () => {
  it(`no function in src/ is over ${MAX_LINES} lines`, () => {
    const long = sourceFiles(SRC).flatMap((file) =>
      longFunctions(readFileSync(file, 'utf8')).map((found) => `${relative(SRC, file)}: ${found}`),
    );
    expect(long).toEqual([]);
  });

  it('the count itself: declarations and arrow functions, from the first line to the closing brace', () => {
    const body = (n: number) => Array.from({ length: n }, (_, k) => `  const x${k} = ${k};`).join('\n');
    const text = [
      `export function long(a: number): number {\n${body(99)}\n}`, // 101 lines
      `function fits() {\n${body(98)}\n}`, // 100 lines
      `export const arrow = (a: number) => {\n${body(100)}\n};`, // 102 lines
      `const short = (a: number) => a + 1;`,
      `export async function later(\n  a: number,\n): Promise<void> {\n${body(98)}\n}`, // 102 lines
    ].join('\n\n');
    expect(longFunctions(text)).toEqual(['long (101)', 'arrow (102)', 'later (102)']);
  });
});
