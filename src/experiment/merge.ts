import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/errors.js';
import { mergeAggregates } from '../metrics/aggregate.js';
import { FILES, failuresTable } from '../tables/files.js';
import { type DirectoryLock, lockDirectory } from '../tables/lock.js';
import { type Manifest, requireManifest, writeManifest } from '../tables/manifest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { checkRunsTable } from './check-runs.js';
import { readState, writeState } from './checkpoint.js';
import { claimDirectory } from './output-dir.js';
import { mergeStudyShards } from './sensitivity/merge.js';
import { layoutOf } from './tables.js';
import { writeTables } from './write-tables.js';

/**
 * Combines the directories of shards 1..n of one experiment into what a single machine would have
 * written: runs.csv is the shards' rows in shard order (shards are consecutive ranges of jobs);
 * the aggregates merge exactly (exact sums, counts), so timeseries.csv and compare.csv are the same
 * bytes as a one-machine run's. A sensitivity study's shards are combined by sensitivity/merge.ts.
 */
export function mergeShards(dirs: string[], out: string): Manifest {
  const lock = lockDirectory(out, { command: `cica-sim merge ${dirs.join(' ')} --out ${out}` });
  try {
    return mergeLocked(dirs, out, lock);
  } finally {
    lock.release();
  }
}

function mergeLocked(dirs: string[], out: string, lock: DirectoryLock): Manifest {
  const manifests = dirs.map((dir) => {
    const manifest = requireManifest(dir);
    return { dir, manifest };
  });
  const first = manifests[0].manifest;
  const problems: string[] = [];
  for (const { dir, manifest } of manifests) {
    if (manifest.experiment.hash !== first.experiment.hash)
      problems.push(`${dir} holds another experiment (${manifest.experiment.name})`);
    if (!manifest.jobs.shard) problems.push(`${dir} is not a shard (it was run without --shard)`);
    else if (manifest.jobs.shard.count !== first.jobs.shard?.count)
      problems.push(
        `${dir} is shard ${manifest.jobs.shard.index}/${manifest.jobs.shard.count}, of another split`,
      );
    if (manifest.status !== 'complete')
      problems.push(`${dir} is ${manifest.status}: finish it first (--resume)`);
  }
  const count = first.jobs.shard?.count ?? 0;
  const byIndex = new Map(manifests.map((m) => [m.manifest.jobs.shard?.index, m]));
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) problems.push(`shard ${i}/${count} is missing`);
  if (manifests.length !== byIndex.size) problems.push('a shard is given twice');
  if (problems.length) {
    throw new InputError(problems.map((message) => ({ location: { file: 'merge' }, path: '', message })));
  }

  const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i + 1) as (typeof manifests)[number]);
  if (first.kind === 'sensitivity') return mergeStudyShards(ordered, out, lock);
  claimDirectory(out, first.experiment.hash, null, false);
  const { aggregate, done: firstDone } = readState(ordered[0].dir);
  let done = firstDone;
  for (const { dir } of ordered.slice(1)) {
    const state = readState(dir);
    mergeAggregates(aggregate, state.aggregate);
    done += state.done;
  }

  // runs.csv: the header once, then every shard's rows in order, streamed through a temporary file.
  const temporary = join(out, `${FILES.runs}.${process.pid}.tmp`);
  const file = openSync(temporary, 'w');
  ordered.forEach(({ dir }, i) => {
    const text = readFileSync(join(dir, FILES.runs), 'utf8');
    writeSync(file, i === 0 ? text : text.slice(text.indexOf('\n') + 1));
  });
  closeSync(file);
  try {
    lock.check();
    checkRunsTable(temporary, join(out, FILES.runs), {
      variants: first.variants,
      pointIds: first.points.map((point) => point.id),
      first: 0,
      end: first.replications,
      failures: ordered.flatMap((m) => m.manifest.failures),
    });
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, join(out, FILES.runs));

  writeState(out, done, aggregate);
  // Voting power needs no runs: every shard wrote the same table.
  const power = join(ordered[0].dir, FILES.power);
  if (existsSync(power)) writeFileAtomic(join(out, FILES.power), readFileSync(power, 'utf8'));
  writeTables(out, aggregate, layoutOf(first), first.checks ?? [], join(out, FILES.runs));
  const manifest: Manifest = {
    ...first,
    jobs: { total: done, done, shard: null },
    threads: 0,
    startedAt: ordered.map((m) => m.manifest.startedAt).sort()[0],
    finishedAt: new Date().toISOString(),
    status: 'complete',
    failures: ordered.flatMap((m) => m.manifest.failures),
    mergedFrom: ordered.map((m) => m.dir),
  };
  writeFileAtomic(join(out, FILES.failures), failuresTable(manifest.failures));
  writeManifest(out, manifest);
  return manifest;
}
