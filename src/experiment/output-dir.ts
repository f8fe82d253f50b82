import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/errors.js';
import { LOCK_ENTRIES } from '../tables/lock.js';
import { type Manifest, readManifest } from '../tables/manifest.js';
import { describeWriteFailure } from '../util/output-error.js';

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
  // The lock this process holds on `dir` (tables/lock.ts) stays.
  if (force && readManifest(dir))
    for (const entry of readdirSync(dir))
      if (!LOCK_ENTRIES.includes(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
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
    const entries = readdirSync(dir).filter((entry) => !LOCK_ENTRIES.includes(entry));
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
