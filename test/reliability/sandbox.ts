import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadExperiment } from '../../src/experiment/load.js';
import { InputError } from '../../src/input/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadVotingBody } from '../../src/scenario/voting-body.js';
import { repoFile } from '../helpers.js';

/**
 * A copy of the shipped inputs in a temporary directory, so a fuzz case can overwrite one file
 * and its relative references (extends:, scenario:, tables) still resolve.
 */
export function createSandbox(): string {
  const root = mkdtempSync(join(tmpdir(), 'cica-fuzz-'));
  for (const dir of ['scenarios', 'experiments', 'test/fixtures'])
    cpSync(repoFile(dir), join(root, dir), { recursive: true });
  return root;
}

export type InputKind = 'scenario' | 'experiment' | 'voting-body';

export const LOADERS: Record<InputKind, (file: string) => unknown> = {
  scenario: (file) => loadScenario(file),
  experiment: (file) => loadExperiment(file),
  'voting-body': (file) => loadVotingBody(file),
};

export interface Target {
  kind: InputKind;
  /** Relative to the sandbox root. */
  file: string;
  text: string;
  data: unknown;
}

export function target(root: string, kind: InputKind, file: string): Target {
  const text = readFileSync(join(root, file), 'utf8');
  return { kind, file, text, data: parse(text) };
}

export type Outcome = { accepted: true; value: unknown } | { accepted: false; error: InputError };

/**
 * Loads `text` as the target file. Returns what was loaded or the InputError; anything else
 * thrown (a crash) propagates. The original text is restored afterwards.
 */
export function loadAs(root: string, t: Target, text: string): Outcome {
  const path = join(root, t.file);
  writeFileSync(path, text);
  try {
    return { accepted: true, value: LOADERS[t.kind](path) };
  } catch (error) {
    if (error instanceof InputError) return { accepted: false, error };
    throw error;
  } finally {
    writeFileSync(path, t.text);
  }
}
