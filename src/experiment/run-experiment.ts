import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  addFailedRun,
  addPairs,
  aggregateFromJson,
  aggregateToJson,
  createAggregate,
  type ExperimentAggregate,
} from '../metrics/aggregate.js';
import { mergePackedWorld } from '../metrics/packed-world.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import { InputError } from '../scenario/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { OutputError } from '../util/output-error.js';
import { VERSION } from '../version.js';
import type { Check } from './checks.js';
import { type JobSpace, jobCount, shardRange } from './jobs.js';
import type { ResolvedExperiment } from './load.js';
import { admissionsTable, checksTable, milestonesTable, trustTable, vetoesTable } from './outcome-tables.js';
import {
  claimDirectory,
  FILES,
  failuresTable,
  type Manifest,
  type RunFailure,
  writeManifest,
} from './output-dir.js';
import { createPool } from './pool.js';
import { powerTable } from './power-table.js';
import { experimentMemory, requireDisk, requireMemory, runsCsvBytes } from './resources.js';
import { runShape } from './run-shape.js';
import { type Superblock, schedule } from './scheduler.js';
import { jobSeed } from './seeds.js';
import {
  compareTable,
  type ExperimentLayout,
  layoutOf,
  pointsTable,
  runsHeader,
  timeseriesTable,
} from './tables.js';

export interface ExperimentRunOptions {
  out: string;
  threads?: number;
  resume?: boolean;
  /** Replace the results of an earlier experiment in `out` (never other files). */
  force?: boolean;
  /** Run only shard `index` of `count` (1-based). */
  shard?: { index: number; count: number };
  /** Called after each run is taken in, with runs done and runs in this process's share. */
  onProgress?: (done: number, total: number) => void;
  /** Polled between runs: true asks to stop dispatching, keep what is done and checkpoint. */
  shouldStop?: () => boolean;
  /** Stop (as if interrupted) once this many runs are done in this process, at the next whole replication: for tests. */
  stopAfter?: number;
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
 * How often the aggregate is written to disk, so an interruption loses little: every 2 s, or
 * less often when a checkpoint is slow (large worlds), so that checkpoints take at most about 5%
 * of the time. CICA_SIM_CHECKPOINT_MS sets the base interval (the interruption tests use 20 ms).
 */
const CHECKPOINT_INTERVAL_MS = Number(process.env.CICA_SIM_CHECKPOINT_MS ?? 2000);
const CHECKPOINT_SHARE = 0.05;

/**
 * Runs an experiment's jobs (or one shard's) on a worker pool and writes its tables:
 *   0. refuse what this machine's memory or disk cannot hold;
 *   1. claim the output directory (new, or the same experiment with --resume: load the checkpoint);
 *   2. hand blocks of replications to the threads, which gather their statistics (block.ts), and
 *      take them back in order by superblocks (scheduler.ts) — so every table is the same
 *      whatever the thread count;
 *   3. each superblock: merge its statistics; its rows to runs.csv, paired differences and
 *      failures in job order;
 *   4. checkpoint every couple of seconds, at a superblock boundary;
 *   5. when done, write timeseries.csv, compare.csv, points.csv, state.json and the manifest.
 */
export async function runExperiment(
  experiment: ResolvedExperiment,
  options: ExperimentRunOptions,
): Promise<ExperimentOutcome> {
  const threads = options.threads ?? availableParallelism();
  const space: JobSpace = {
    variants: experiment.variants.length,
    points: experiment.points.length,
    replications: experiment.replications,
    seed: experiment.seed,
  };
  const range = options.shard ? shardRange(space, options.shard) : { start: 0, end: jobCount(space) };
  const shard = options.shard ? { ...options.shard, ...range } : null;
  const total = range.end - range.start;
  const out = options.out;

  // 0. Refuse, before starting, what this machine cannot hold.
  const shapes = experiment.scenarios.map((scenario) => runShape(scenario, experiment.years));
  requireMemory(
    experimentMemory(shapes, threads),
    experiment.file,
    'use fewer years, steps per year, variants or sweep points, or fewer --threads',
  );
  requireDisk(
    out,
    runsCsvBytes(shapes, total, runsHeader(WHOLE_RUN_NAMES).split(',').length),
    experiment.file,
  );

  // 1. The directory, and what an earlier run of this experiment left there.
  const existing = claimDirectory(
    out,
    experiment.hash,
    shard,
    options.resume ?? false,
    options.force ?? false,
  );
  if (existing?.status === 'complete')
    return { status: 'complete', done: total, total, out, failures: existing.failures };
  let aggregate: ExperimentAggregate;
  let done: number;
  let failures: RunFailure[] = [];
  const runsPath = join(out, FILES.runsPartial);
  const checkpointPath = join(out, FILES.checkpoint);
  if (existing && existsSync(checkpointPath)) {
    const checkpoint = JSON.parse(readFileSync(checkpointPath, 'utf8'));
    aggregate = aggregateFromJson(checkpoint.aggregate);
    done = checkpoint.done;
    failures = checkpoint.failures ?? [];
    // Stopped in the last instant of finishing, after runs.csv got its final name: take it back.
    if (!existsSync(runsPath) && existsSync(join(out, FILES.runs)))
      renameSync(join(out, FILES.runs), runsPath);
    // Rows written after the checkpoint belong to runs it does not count: drop them.
    const runsFile = openSync(runsPath, 'r+');
    ftruncateSync(runsFile, checkpoint.runsBytes);
    closeSync(runsFile);
  } else {
    aggregate = createAggregate(
      METRIC_NAMES,
      space.variants,
      space.points,
      shapes,
      WHOLE_RUN_NAMES,
      experiment.checks.length,
    );
    done = 0;
    writeFileAtomic(runsPath, runsHeader(WHOLE_RUN_NAMES));
  }
  const manifest: Manifest = {
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
    scenarios: experiment.scenarioHashes.map((hash, w) => ({
      variant: experiment.variants[Math.floor(w / space.points)],
      point: experiment.points[w % space.points].id,
      hash,
      startYear: experiment.scenarios[w].startYear,
      stepsPerYear: experiment.scenarios[w].stepsPerYear,
    })),
    sweptPaths: experiment.sweptPaths,
    jobs: { total, done, shard },
    threads,
    startedAt: existing?.startedAt ?? new Date().toISOString(),
    finishedAt: null,
    status: 'running',
    failures,
    checks: experiment.checks,
    charts: experiment.charts,
  };
  writeManifest(out, manifest);
  if (experiment.charts.power && !existsSync(join(out, FILES.power)))
    writeFileAtomic(join(out, FILES.power), powerTable(experiment, experiment.charts.power));

  const runsFile = openSync(runsPath, 'a');
  let runsBytes = statSync(runsPath).size;
  let checkpointInterval = CHECKPOINT_INTERVAL_MS;
  const checkpoint = () => {
    const started = Date.now();
    writeFileAtomic(
      checkpointPath,
      JSON.stringify({ done, runsBytes, failures, aggregate: aggregateToJson(aggregate) }),
    );
    manifest.jobs.done = done;
    manifest.failures = failures;
    writeManifest(out, manifest);
    checkpointInterval = Math.max(CHECKPOINT_INTERVAL_MS, (Date.now() - started) / CHECKPOINT_SHARE);
  };

  // 3. Taking in a superblock (the same replications of every world), strictly in order: each
  // world's statistics merge in; rows, pairs and failures follow job order, run by run. A failed
  // run is listed and left out of every table.
  const perReplication = space.variants * space.points;
  const takeIn = (superblock: Superblock) => {
    superblock.pieces.forEach((pieces, w) => {
      for (const piece of pieces) if (piece.statistics) mergePackedWorld(aggregate, w, piece.statistics);
    });
    const runsOf = superblock.pieces.map((pieces) => pieces.flatMap((piece) => piece.runs));
    let rows = '';
    for (let k = 0; k < superblock.count; k++) {
      const replication = superblock.first + k;
      for (let point = 0; point < space.points; point++) {
        for (let variant = 0; variant < space.variants; variant++) {
          const run = runsOf[variant * space.points + point][k];
          if ('failure' in run) {
            failures.push({
              variant: experiment.variants[variant],
              point: experiment.points[point].id,
              replication,
              seed: jobSeed(space.seed, replication),
              message: run.failure,
            });
            addFailedRun(aggregate, variant, point);
          } else {
            rows += run.rows;
            addPairs(aggregate, variant, point, run.summary);
          }
        }
      }
    }
    try {
      runsBytes += writeSync(runsFile, rows);
    } catch (error) {
      throw new OutputError(runsPath, error);
    }
    done += superblock.count * perReplication;
    options.onProgress?.(done, total);
    if (Date.now() - lastCheckpoint > checkpointInterval) {
      checkpoint();
      lastCheckpoint = Date.now();
    }
  };

  // 2. Dispatch blocks of replications; take them back in order (scheduler.ts).
  if (done % perReplication !== 0) {
    throw new InputError([
      {
        location: { file: out },
        path: '',
        message: `the checkpoint stops inside a replication (${done} runs), as only an earlier cica-sim wrote them; start again with --force`,
      },
    ]);
  }
  const pool = createPool(Math.min(threads, Math.max(1, total - done)), {
    scenarios: experiment.scenarios,
    years: experiment.years,
    variants: experiment.variants,
    pointIds: experiment.points.map((point) => point.id),
    checks: experiment.checks,
  });
  // --stop-after stops at the first whole replication at or past that many runs.
  const stopAt =
    options.stopAfter !== undefined
      ? Math.min(range.end, range.start + Math.ceil(options.stopAfter / perReplication) * perReplication)
      : range.end;
  let lastCheckpoint = Date.now();
  let failure: unknown = null;
  try {
    ({ failure } = await schedule({
      worlds: perReplication,
      threads,
      first: (range.start + done) / perReplication,
      end: stopAt / perReplication,
      seedOf: (replication) => jobSeed(space.seed, replication),
      run: pool.run,
      runAlone: pool.runAlone,
      takeIn,
      shouldStop: () => options.shouldStop?.() ?? false,
    }));
  } finally {
    closeSync(runsFile);
    await pool.close();
  }
  // Taking in a run failed (the disk, most likely): the last checkpoint is consistent, this moment
  // may not be, so nothing more is written; a resume truncates runs.csv back to the checkpoint.
  if (failure !== null) throw failure;

  // 4 and 5. Keep what is done; finish the tables when everything is.
  if (done < total) {
    checkpoint();
    manifest.status = 'interrupted';
    writeManifest(out, manifest);
    return { status: 'interrupted', done, total, out, failures };
  }
  // Finishing is resumable too: a checkpoint of everything first, runs.csv renamed last, so a
  // failed write here (a full disk) leaves a directory that --resume finishes.
  checkpoint();
  writeFileAtomic(join(out, FILES.state), JSON.stringify({ done, aggregate: aggregateToJson(aggregate) }));
  writeTables(out, aggregate, layoutOf(experiment), experiment.checks);
  writeFileAtomic(join(out, FILES.failures), failuresTable(failures));
  renameSync(runsPath, join(out, FILES.runs));
  rmSync(checkpointPath, { force: true });
  manifest.jobs.done = done;
  manifest.failures = failures;
  manifest.status = 'complete';
  manifest.finishedAt = new Date().toISOString();
  writeManifest(out, manifest);
  return { status: 'complete', done, total, out, failures };
}

/** The tables computed from an aggregate (also used when merging shards). */
export function writeTables(
  out: string,
  aggregate: ExperimentAggregate,
  experiment: ExperimentLayout,
  checks: Check[] = [],
): void {
  writeFileAtomic(join(out, FILES.timeseries), timeseriesTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.compare), compareTable(aggregate, experiment));
  if (experiment.sweptPaths.length > 0) writeFileAtomic(join(out, FILES.points), pointsTable(experiment));
  writeFileAtomic(join(out, FILES.vetoes), vetoesTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.trust), trustTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.milestones), milestonesTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.admissions), admissionsTable(aggregate, experiment));
  if (checks.length > 0) writeFileAtomic(join(out, FILES.checks), checksTable(aggregate, experiment, checks));
}
