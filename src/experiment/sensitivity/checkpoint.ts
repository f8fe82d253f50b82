import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WHOLE_RUN_NAMES } from '../../metrics/summarize.js';
import { FILES, failuresTable, type RunFailure } from '../../tables/files.js';
import { type Manifest, writeManifest } from '../../tables/manifest.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { VERSION } from '../../version.js';
import { claimDirectory } from '../output-dir.js';
import { runsHeader } from '../tables.js';
import type { ResolvedSensitivity } from './load.js';
import type { SensitivityPlan } from './run.js';

/** What has been taken in: runs done, the bytes of runs.csv.partial they account for, failures. */
export interface StudyProgress {
  done: number;
  runsBytes: number;
  failures: RunFailure[];
}

export interface StudyCheckpoint {
  runsPath: string;
  progress: StudyProgress;
  /** Writes a checkpoint when the last is a couple of seconds old. */
  saveIfDue(): void;
  interrupt(): void;
  /** A checkpoint of everything, the tables (`writeTables`), failures.csv, runs.csv renamed last, the manifest complete. */
  finish(writeTables: () => void): void;
}

const CHECKPOINT_INTERVAL_MS = Number(process.env.CICA_SIM_CHECKPOINT_MS ?? 2000);

/**
 * The checkpoint stage of a study: claims `out` (new, or the same study with --resume, as
 * experiments do: output-dir.ts) and owns checkpoint.json, the truncation of runs.csv.partial
 * on resuming, and manifest.json. A study keeps no aggregate: its tables come from runs.csv.
 */
export function openStudyCheckpoint(
  study: ResolvedSensitivity,
  plan: SensitivityPlan,
  options: { out: string; threads: number; resume: boolean; force: boolean },
): StudyCheckpoint | { complete: Manifest } {
  const { out } = options;
  const existing = claimDirectory(out, study.hash, plan.shard, options.resume, options.force);
  if (existing?.status === 'complete') return { complete: existing };
  const runsPath = join(out, FILES.runsPartial);
  const checkpointPath = join(out, FILES.checkpoint);
  const progress =
    existing && existsSync(checkpointPath) ? resume(checkpointPath, runsPath) : fresh(runsPath);
  const manifest = manifestOf(study, plan, options.threads, progress.done, existing?.startedAt);
  writeManifest(out, manifest);
  let lastSaved = Date.now();
  const save = () => {
    writeFileAtomic(checkpointPath, JSON.stringify(progress));
    manifest.jobs.done = progress.done;
    manifest.failures = progress.failures;
    writeManifest(out, manifest);
    lastSaved = Date.now();
  };
  return {
    runsPath,
    progress,
    saveIfDue: () => {
      if (Date.now() - lastSaved > CHECKPOINT_INTERVAL_MS) save();
    },
    interrupt: () => {
      save();
      manifest.status = 'interrupted';
      writeManifest(out, manifest);
    },
    finish: (writeTables) => {
      save();
      writeTables();
      writeFileAtomic(join(out, FILES.failures), failuresTable(progress.failures));
      renameSync(runsPath, join(out, FILES.runs));
      rmSync(checkpointPath, { force: true });
      manifest.status = 'complete';
      manifest.finishedAt = new Date().toISOString();
      writeManifest(out, manifest);
    },
  };
}

function fresh(runsPath: string): StudyProgress {
  const header = runsHeader(WHOLE_RUN_NAMES);
  writeFileAtomic(runsPath, header);
  return { done: 0, runsBytes: Buffer.byteLength(header), failures: [] };
}

/** What the last checkpoint counted; rows written after it belong to runs it does not count, and go. */
function resume(checkpointPath: string, runsPath: string): StudyProgress {
  // Stopped in the last instant of finishing, after runs.csv got its final name: take it back.
  const finished = join(dirname(runsPath), FILES.runs);
  if (!existsSync(runsPath) && existsSync(finished)) renameSync(finished, runsPath);
  const progress = JSON.parse(readFileSync(checkpointPath, 'utf8')) as StudyProgress;
  const file = openSync(runsPath, 'r+');
  ftruncateSync(file, progress.runsBytes);
  closeSync(file);
  return progress;
}

function manifestOf(
  study: ResolvedSensitivity,
  plan: SensitivityPlan,
  threads: number,
  done: number,
  startedAt: string | undefined,
): Manifest {
  return {
    cicaSim: VERSION,
    kind: 'sensitivity',
    experiment: { name: study.name, file: study.file, hash: study.hash, question: study.question },
    seed: study.seed,
    replications: study.replications,
    years: study.years,
    variants: study.variants,
    points: [],
    scenarios: study.scenarioHashes.map((hash, v) => ({
      variant: study.variants[v],
      point: 'base',
      hash,
      startYear: study.scenarios[v].startYear,
      stepsPerYear: study.scenarios[v].stepsPerYear,
    })),
    sweptPaths: study.factors.map((f) => f.path),
    sensitivity: {
      method: study.method,
      size: study.size,
      points: study.design.points,
      factors: study.factors.map((f) => f.path),
      outputs: study.outputs.map((o) => o.name),
    },
    jobs: { total: plan.total, done, shard: plan.shard },
    threads,
    startedAt: startedAt ?? new Date().toISOString(),
    finishedAt: null,
    status: 'running',
    failures: [],
  };
}
