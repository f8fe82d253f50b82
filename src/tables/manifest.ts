import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/errors.js';
import type { Check } from '../model/check.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ChartSettings } from './chart-settings.js';
import { FILES, type RunFailure } from './files.js';

/** What an experiment directory holds and how it was made: written first, kept up to date. */
export interface Manifest {
  cicaSim: string;
  /** What wrote the directory: an experiment (absent in directories written before studies existed) or a sensitivity study. */
  kind?: 'experiment' | 'sensitivity';
  experiment: { name: string; file: string; hash: string; question?: string };
  seed: number;
  replications: number;
  years: number;
  variants: string[];
  points: { id: string; values: Record<string, unknown> }[];
  scenarios: { variant: string; point: string; hash: string; startYear: number; stepsPerYear: number }[];
  sweptPaths: string[];
  jobs: {
    total: number;
    done: number;
    shard: { index: number; count: number; start: number; end: number } | null;
  };
  threads: number;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'interrupted' | 'complete';
  failures: RunFailure[];
  mergedFrom?: string[];
  /** Facts checked run by run (experiment/checks.ts). */
  checks?: Check[];
  /** The analyses asked for beside the runs (power.csv); absent in directories written before. */
  analyses?: { power: { org: string; kind: string } | null };
  /** An experiment's parameters drawn per replication (uncertainty:), by path. */
  uncertainty?: { factors: string[] };
  /** A sensitivity study's design: its method, size, sample points, factors (paths) and outputs. */
  sensitivity?: { method: string; size: number; points: number; factors: string[]; outputs: string[] };
  /** What the charts show; absent in directories written before charts were configurable. */
  charts?: ChartSettings;
}

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, FILES.manifest);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    throw new InputError([
      {
        location: { file: path },
        path: '',
        message: 'expected an experiment manifest, found unreadable JSON',
      },
    ]);
  }
}

/** The manifest of an experiment directory; bad input (exit 2) when there is none. */
export function requireManifest(dir: string): Manifest {
  const manifest = readManifest(dir);
  if (!manifest) {
    throw new InputError([
      {
        location: { file: dir },
        path: '',
        message: 'expected an experiment directory (with manifest.json), found none',
      },
    ]);
  }
  return manifest;
}

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileAtomic(join(dir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
}
