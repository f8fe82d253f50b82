import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../input/errors.js';
import { FILES, type RunFailure } from '../tables/files.js';
import { type DirectoryLock, lockDirectory } from '../tables/lock.js';
import { writeAnalyses } from './analyses.js';
import { checkRunsTable } from './check-runs.js';
import { openCheckpoint } from './checkpoint.js';
import { createCollector } from './collect.js';
import { dispatch } from './dispatch.js';
import type { ResolvedExperiment } from './load.js';
import { type ExperimentPlan, planExperiment, replicationsLeft } from './plan.js';
import { requireResources } from './resources.js';
import { layoutOf } from './tables.js';
import { writeTables } from './write-tables.js';

export interface ExperimentRunOptions {
  out: string;
  threads?: number;
  resume?: boolean;
  /** Replace the results of an earlier experiment in `out` (never other files). */
  force?: boolean;
  /** Run only shard `index` of `count` (1-based). */
  shard?: { index: number; count: number };
  /** Called after each superblock is taken in, with runs done and runs in this process's share. */
  onProgress?: (done: number, total: number) => void;
  /** Polled between superblocks: true asks to stop dispatching, keep what is done and checkpoint. */
  shouldStop?: () => boolean;
  /** Stop (as if interrupted) once this many runs are done in this process, at the next whole replication: for tests. */
  stopAfter?: number;
  /** What this process is doing, shown to a second writer of `out` (default: cica-sim experiment FILE). */
  command?: string;
}

export interface ExperimentOutcome {
  status: 'complete' | 'interrupted';
  done: number;
  total: number;
  out: string;
  /** Runs that failed (they are in failures.csv and the report; the others went on). */
  failures: RunFailure[];
}

/**
 * Runs an experiment's jobs (or one shard's) and writes its tables, stage by stage
 * (docs/ARCHITECTURE.md: plan → dispatch → collect → checkpoint → tables → analyses → report;
 * the CLI draws the report):
 *   1. plan: the worlds, jobs and this process's share, before anything runs;
 *   2. refuse what this machine's memory or disk cannot hold;
 *   3. lock the output directory (one writer, tables/lock.ts); checkpoint: claim it, or pick
 *      up what an earlier run of this experiment left there (--resume);
 *   4. dispatch blocks of replications to the threads and collect each superblock in order,
 *      checkpointing every couple of seconds;
 *   5. interrupted: keep what is done; else check runs.csv against the plan, write the tables,
 *      then the analyses, and finish.
 */
export async function runExperiment(
  experiment: ResolvedExperiment,
  options: ExperimentRunOptions,
): Promise<ExperimentOutcome> {
  const { out } = options;
  const threads = options.threads ?? availableParallelism();
  // 1. Plan.
  const plan = planExperiment(experiment, options.shard);
  // 2. Resources.
  requireResources(experiment, plan, threads, out);
  // 3. One writer: the directory's lock, held until the last table is written.
  const lock = lockDirectory(out, { command: options.command ?? `cica-sim experiment ${experiment.file}` });
  try {
    return await runLocked(experiment, options, plan, threads, lock);
  } finally {
    lock.release();
  }
}

/** Stages 3 to 5, while this process holds the output directory's lock. */
async function runLocked(
  experiment: ResolvedExperiment,
  options: ExperimentRunOptions,
  plan: ExperimentPlan,
  threads: number,
  lock: DirectoryLock,
): Promise<ExperimentOutcome> {
  const { out } = options;
  const { total } = plan;
  // 3. Checkpoint.
  const store = openCheckpoint(experiment, plan, {
    out,
    threads,
    resume: options.resume ?? false,
    force: options.force ?? false,
  });
  if ('complete' in store)
    return { status: 'complete', done: total, total, out, failures: store.complete.failures };
  const { progress } = store;
  if (progress.done % plan.perReplication !== 0) {
    throw new InputError([
      {
        location: { file: out },
        path: '',
        message: `the checkpoint stops inside a replication (${progress.done} runs), as only an earlier cica-sim wrote them; start again with --force`,
      },
    ]);
  }

  // 4. Dispatch and collect.
  const collector = createCollector(experiment, plan, progress, store.runsPath);
  let failure: unknown;
  try {
    ({ failure } = await dispatch(experiment, plan, {
      threads,
      ...replicationsLeft(plan, progress.done, options.stopAfter),
      takeIn: (superblock) => {
        lock.check();
        collector.takeIn(superblock);
        options.onProgress?.(progress.done, total);
        store.saveIfDue();
      },
      shouldStop: () => options.shouldStop?.() ?? false,
    }));
  } finally {
    collector.close();
  }
  // Taking in a run failed (the disk, most likely): the last checkpoint is consistent, this moment
  // may not be, so nothing more is written; a resume truncates runs.csv back to the checkpoint.
  if (failure !== null) throw failure;

  // 5. Keep what is done, or finish: tables, then analyses.
  if (progress.done < total) {
    store.interrupt();
    return { status: 'interrupted', done: progress.done, total, out, failures: progress.failures };
  }
  lock.check();
  checkRunsTable(store.runsPath, join(out, FILES.runs), {
    variants: experiment.variants,
    pointIds: experiment.points.map((point) => point.id),
    first: plan.range.start / plan.perReplication,
    end: plan.range.end / plan.perReplication,
    failures: progress.failures,
  });
  store.finish(() => {
    writeTables(out, progress.aggregate, layoutOf(experiment), experiment.checks, store.runsPath);
    writeAnalyses(out, experiment);
  });
  return { status: 'complete', done: progress.done, total, out, failures: progress.failures };
}
