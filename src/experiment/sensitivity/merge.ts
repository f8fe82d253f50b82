import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../input/errors.js';
import { FILES, failuresTable } from '../../tables/files.js';
import type { DirectoryLock } from '../../tables/lock.js';
import { type Manifest, writeManifest } from '../../tables/manifest.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { claimDirectory } from '../output-dir.js';
import { loadSensitivity } from './load.js';
import { writeStudyTables } from './run.js';

/**
 * Combines the shards of a sensitivity study, given in shard order (merge.ts checks that they
 * are shards 1..n of one study, complete): runs.csv is their rows in order — shards are
 * consecutive ranges of whole points — and the analysis runs on the whole, from the study file,
 * which must not have changed since (its hash is the shards').
 */
export function mergeStudyShards(
  ordered: { dir: string; manifest: Manifest }[],
  out: string,
  lock: DirectoryLock,
): Manifest {
  const first = ordered[0].manifest;
  const design = first.sensitivity as NonNullable<Manifest['sensitivity']>;
  const study = loadSensitivity(first.experiment.file, {
    replications: first.replications,
    size: design.size,
  });
  if (study.hash !== first.experiment.hash)
    throw new InputError([
      {
        location: { file: first.experiment.file },
        path: '',
        message: `the study file (or its scenario) changed since the shards ran, so their runs cannot be analysed against it; restore it, or run the study again`,
      },
    ]);
  claimDirectory(out, first.experiment.hash, null, false);
  const runsPath = join(out, FILES.runsPartial);
  const file = openSync(runsPath, 'w');
  ordered.forEach(({ dir }, i) => {
    const text = readFileSync(join(dir, FILES.runs), 'utf8');
    writeSync(file, i === 0 ? text : text.slice(text.indexOf('\n') + 1));
  });
  closeSync(file);
  lock.check();
  writeStudyTables(out, study, runsPath);
  const failures = ordered.flatMap((m) => m.manifest.failures);
  writeFileAtomic(join(out, FILES.failures), failuresTable(failures));
  renameSync(runsPath, join(out, FILES.runs));
  const done = ordered.reduce((sum, m) => sum + m.manifest.jobs.done, 0);
  const manifest: Manifest = {
    ...first,
    jobs: { total: done, done, shard: null },
    threads: 0,
    startedAt: ordered.map((m) => m.manifest.startedAt).sort()[0],
    finishedAt: new Date().toISOString(),
    status: 'complete',
    failures,
    mergedFrom: ordered.map((m) => m.dir),
  };
  writeManifest(out, manifest);
  return manifest;
}
