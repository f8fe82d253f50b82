import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError, type SourceLocation } from './errors.js';

/**
 * The limits on what an input file may hold, so that a mistake or a hostile file ends in a clear
 * message instead of a crash, a hang or memory running out. Generous for real use: the built-in
 * world's files are a few kilobytes and nest six levels deep.
 */
export const INPUT_LIMITS = {
  /** Bytes in one scenario, experiment, voting-body or table file. */
  fileBytes: 32 * 1024 * 1024,
  /** Levels of mappings and lists inside one another. */
  depth: 64,
  /** How far YAML aliases may expand (the "billion laughs" defence). */
  aliasExpansions: 1000,
} as const;

/**
 * Reads a user's text file: it must exist, be a file, hold at most `maxBytes`, and be UTF-8 text
 * without NUL bytes. Every failure is an InputError naming the file.
 */
export function readInputText(
  file: string,
  displayName = file,
  maxBytes: number = INPUT_LIMITS.fileBytes,
): string {
  const refuse = (message: string) =>
    new InputError([{ location: { file: displayName }, path: '', message }]);
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxBytes)
      throw refuse(`expected a file of at most ${formatBytes(maxBytes)}, found ${formatBytes(size)}`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw refuse(readFailure(error));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw refuse(`expected a text file, found binary data (a NUL byte at byte ${nul})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('expected UTF-8 text, found bytes that are not UTF-8');
  }
}

export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'expected a file, found a directory';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read the file (${code ?? String(error)})`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * A file that another names (`extends:`, a table, an experiment's `scenario:`) must exist: when it
 * does not, the problem is at the line that names it, with the path it resolved to (paths are
 * relative to the file that names them).
 */
export function requireReferencedFile(
  target: string,
  named: string,
  field: string,
  location: SourceLocation | undefined,
  referencingFile: string,
): void {
  if (existsSync(target)) return;
  throw new InputError([
    {
      location: location ?? { file: referencingFile },
      path: field,
      message: `file not found: "${named}" (resolved to ${target}; a path is relative to the file that names it)`,
    },
  ]);
}
