import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../scenario/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { describeWriteFailure } from '../util/output-error.js';
import type { ChartSettings } from './chart-settings.js';
import type { Check } from './checks.js';

/** The files an experiment writes into its directory. */
export const FILES = {
  manifest: 'manifest.json',
  checkpoint: 'checkpoint.json',
  state: 'state.json',
  runsPartial: 'runs.csv.partial',
  runs: 'runs.csv',
  timeseries: 'timeseries.csv',
  compare: 'compare.csv',
  points: 'points.csv',
  vetoes: 'vetoes.csv',
  trust: 'trust.csv',
  milestones: 'milestones.csv',
  admissions: 'admissions.csv',
  power: 'power.csv',
  checks: 'checks.csv',
  failures: 'failures.csv',
} as const;

/** A run that threw (in the model, or its thread died twice); it is left out of every table. */
export interface RunFailure {
  variant: string;
  point: string;
  replication: number;
  seed: number;
  message: string;
}

/** failures.csv: one row per failed run (a header only when none failed). */
export function failuresTable(failures: RunFailure[]): string {
  return stringify(failures, {
    header: true,
    columns: ['variant', 'point', 'replication', 'seed', 'message'],
  });
}

export interface Manifest {
  cicaSim: string;
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

/**
 * Makes sure `dir` may receive this experiment: a new or empty directory, or — with resume — one
 * holding the same experiment (same hash, same shard). Never mixes two experiments' results.
 */
export function claimDirectory(
  dir: string,
  hash: string,
  shard: Manifest['jobs']['shard'],
  resume: boolean,
  force = false,
): Manifest | null {
  // --force replaces an earlier experiment's results, and only those: never a directory of other files.
  if (force && readManifest(dir)) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new InputError([
        {
          location: { file: dir },
          path: '',
          message: `cannot create the output directory: ${describeWriteFailure(error)}`,
        },
      ]);
    }
    return null;
  }
  const existing = readManifest(dir);
  if (!existing) {
    const entries = readdirSync(dir);
    if (entries.length > 0) {
      throw new InputError([
        {
          location: { file: dir },
          path: '',
          message: `expected an empty or new output directory, found ${entries.length} other files`,
        },
      ]);
    }
    return null;
  }
  const sameShard =
    JSON.stringify(
      existing.jobs.shard && { index: existing.jobs.shard.index, count: existing.jobs.shard.count },
    ) === JSON.stringify(shard && { index: shard.index, count: shard.count });
  if (!resume) {
    throw new InputError([
      {
        location: { file: dir },
        path: '',
        message: `this directory already holds results of experiment "${existing.experiment.name}"; add --resume to continue it, --force to replace it, or choose another --out`,
      },
    ]);
  }
  if (existing.experiment.hash !== hash || !sameShard) {
    throw new InputError([
      {
        location: { file: dir },
        path: '',
        message: `--resume needs the same experiment${shard ? ' and shard' : ''}: this directory holds "${existing.experiment.name}" (${existing.experiment.hash.slice(0, 19)}…${existing.jobs.shard ? `, shard ${existing.jobs.shard.index}/${existing.jobs.shard.count}` : ''}), which differs from what was asked`,
      },
    ]);
  }
  return existing;
}
