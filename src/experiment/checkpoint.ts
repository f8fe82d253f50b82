import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/errors.js';
import {
  aggregateFromJson,
  aggregateToJson,
  createAggregate,
  type ExperimentAggregate,
} from '../metrics/aggregate.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import { FILES, failuresTable, type RunFailure } from '../tables/files.js';
import { type Manifest, writeManifest } from '../tables/manifest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { worldAt } from './jobs.js';
import type { ResolvedExperiment } from './load.js';
import { claimDirectory } from './output-dir.js';
import type { ExperimentPlan } from './plan.js';
import { runsColumnsOf, runsHeader } from './tables.js';

/**
 * The checkpoint stage: the one owner of an experiment directory's state — checkpoint.json (the
 * aggregate of the runs taken in so far), state.json (the final aggregate, for merging), the
 * truncation of runs.csv.partial on resuming, and manifest.json. Run, resume and merge share it.
 */

/** What has been taken in: the aggregate, runs done, failures, and the bytes of runs.csv.partial they account for. */
export interface Progress {
  aggregate: ExperimentAggregate;
  done: number;
  failures: RunFailure[];
  runsBytes: number;
}

export interface CheckpointStore {
  readonly runsPath: string;
  readonly progress: Progress;
  /** Writes a checkpoint when the last is old enough (every couple of seconds). */
  saveIfDue(): void;
  /** Keeps what is done and marks the directory interrupted (resume with --resume). */
  interrupt(): void;
  /**
   * Finishes the directory, resumably: a checkpoint of everything first, then state.json, the
   * tables (`writeTables`) and failures.csv, runs.csv renamed last, the manifest complete.
   */
  finish(writeTables: () => void): void;
}

export interface CheckpointOptions {
  out: string;
  threads: number;
  resume: boolean;
  force: boolean;
}

/**
 * How often the aggregate is written to disk, so an interruption loses little: every 2 s, or
 * less often when a checkpoint is slow (large worlds), so that checkpoints take at most about 5%
 * of the time. CICA_SIM_CHECKPOINT_MS sets the base interval (the interruption tests use 20 ms).
 */
const CHECKPOINT_INTERVAL_MS = Number(process.env.CICA_SIM_CHECKPOINT_MS ?? 2000);
const CHECKPOINT_SHARE = 0.05;

/**
 * Claims `out` for this experiment (new, or the same experiment with --resume) and picks up what
 * an earlier run left: the checkpoint's progress, runs.csv.partial cut back to it. Returns the
 * manifest alone when the directory already holds the complete experiment.
 */
export function openCheckpoint(
  experiment: ResolvedExperiment,
  plan: ExperimentPlan,
  options: CheckpointOptions,
): CheckpointStore | { complete: Manifest } {
  const { out } = options;
  const existing = claimDirectory(out, experiment.hash, plan.shard, options.resume, options.force);
  if (existing?.status === 'complete') return { complete: existing };
  const runsPath = join(out, FILES.runsPartial);
  const checkpointPath = join(out, FILES.checkpoint);
  const progress =
    existing && existsSync(checkpointPath)
      ? resumeProgress(out, checkpointPath, runsPath)
      : freshProgress(experiment, plan, runsPath);
  const manifest = initialManifest(experiment, plan, options.threads, progress, existing?.startedAt);
  writeManifest(out, manifest);

  let interval = CHECKPOINT_INTERVAL_MS;
  let lastSaved = Date.now();
  const save = () => {
    const started = Date.now();
    const { done, runsBytes, failures, aggregate } = progress;
    writeFileAtomic(
      checkpointPath,
      JSON.stringify({ done, runsBytes, failures, aggregate: aggregateToJson(aggregate) }),
    );
    manifest.jobs.done = done;
    manifest.failures = failures;
    writeManifest(out, manifest);
    interval = Math.max(CHECKPOINT_INTERVAL_MS, (Date.now() - started) / CHECKPOINT_SHARE);
    lastSaved = Date.now();
  };

  return {
    runsPath,
    progress,
    saveIfDue: () => {
      if (Date.now() - lastSaved > interval) save();
    },
    interrupt: () => {
      save();
      manifest.status = 'interrupted';
      writeManifest(out, manifest);
    },
    finish: (writeTables) => {
      save();
      writeState(out, progress.done, progress.aggregate);
      writeTables();
      writeFileAtomic(join(out, FILES.failures), failuresTable(progress.failures));
      renameSync(runsPath, join(out, FILES.runs));
      rmSync(checkpointPath, { force: true });
      manifest.jobs.done = progress.done;
      manifest.failures = progress.failures;
      manifest.status = 'complete';
      manifest.finishedAt = new Date().toISOString();
      writeManifest(out, manifest);
    },
  };
}

function resumeProgress(out: string, checkpointPath: string, runsPath: string): Progress {
  const checkpoint = JSON.parse(readFileSync(checkpointPath, 'utf8'));
  // Stopped in the last instant of finishing, after runs.csv got its final name: take it back.
  if (!existsSync(runsPath) && existsSync(join(out, FILES.runs))) renameSync(join(out, FILES.runs), runsPath);
  // Rows written after the checkpoint belong to runs it does not count: drop them.
  const runsFile = openSync(runsPath, 'r+');
  ftruncateSync(runsFile, checkpoint.runsBytes);
  closeSync(runsFile);
  return {
    aggregate: aggregateFromJson(checkpoint.aggregate),
    done: checkpoint.done,
    failures: checkpoint.failures ?? [],
    runsBytes: checkpoint.runsBytes,
  };
}

function freshProgress(experiment: ResolvedExperiment, plan: ExperimentPlan, runsPath: string): Progress {
  const header = runsHeader(WHOLE_RUN_NAMES, runsColumnsOf(experiment));
  writeFileAtomic(runsPath, header);
  const { variants, points } = plan.space;
  return {
    aggregate: createAggregate(
      METRIC_NAMES,
      variants,
      points,
      plan.shapes,
      WHOLE_RUN_NAMES,
      experiment.checks.length,
    ),
    done: 0,
    failures: [],
    runsBytes: Buffer.byteLength(header),
  };
}

function initialManifest(
  experiment: ResolvedExperiment,
  plan: ExperimentPlan,
  threads: number,
  progress: Progress,
  startedAt: string | undefined,
): Manifest {
  return {
    cicaSim: VERSION,
    experiment: {
      name: experiment.name,
      file: experiment.file,
      hash: experiment.hash,
      question: experiment.question,
    },
    seed: experiment.seed,
    replications: experiment.replications,
    years: experiment.years,
    variants: experiment.variants,
    points: experiment.points,
    scenarios: experiment.scenarioHashes.map((hash, w) => {
      const { variant, point } = worldAt(plan.space, w);
      return {
        variant: experiment.variants[variant],
        point: experiment.points[point].id,
        hash,
        startYear: experiment.scenarios[w].startYear,
        stepsPerYear: experiment.scenarios[w].stepsPerYear,
      };
    }),
    sweptPaths: experiment.sweptPaths,
    jobs: { total: plan.total, done: progress.done, shard: plan.shard },
    threads,
    startedAt: startedAt ?? new Date().toISOString(),
    finishedAt: null,
    status: 'running',
    failures: progress.failures,
    checks: experiment.checks,
    analyses: experiment.analyses,
    charts: experiment.charts,
    ...(experiment.uncertainty
      ? { uncertainty: { factors: experiment.uncertainty.factors.map((f) => f.path) } }
      : {}),
  };
}

/** state.json: the final aggregate of a finished experiment or shard, which merge reads. */
export function writeState(out: string, done: number, aggregate: ExperimentAggregate): void {
  writeFileAtomic(join(out, FILES.state), JSON.stringify({ done, aggregate: aggregateToJson(aggregate) }));
}

/** The state.json of a finished shard. */
export function readState(dir: string): { done: number; aggregate: ExperimentAggregate } {
  const path = join(dir, FILES.state);
  if (!existsSync(path))
    throw new InputError([{ location: { file: path }, path: '', message: 'the shard has no state.json' }]);
  const state = JSON.parse(readFileSync(path, 'utf8')) as { done: number; aggregate: unknown };
  return { done: state.done, aggregate: aggregateFromJson(state.aggregate) };
}
