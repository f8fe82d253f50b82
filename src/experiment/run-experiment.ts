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
  addRun,
  aggregateFromJson,
  aggregateToJson,
  createAggregate,
  type ExperimentAggregate,
} from '../metrics/aggregate.js';
import { addOutcomes } from '../metrics/outcomes.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { summarizeRun, WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { type Check, compileCheck } from './checks.js';
import { type JobSpace, jobAt, jobCount, shardRange } from './jobs.js';
import type { ResolvedExperiment } from './load.js';
import { admissionsTable, checksTable, milestonesTable, trustTable, vetoesTable } from './outcome-tables.js';
import { claimDirectory, FILES, type Manifest, writeManifest } from './output-dir.js';
import { createPool } from './pool.js';
import { powerTable } from './power-table.js';
import { runShape, unpackRun } from './run-record.js';
import {
  compareTable,
  type ExperimentLayout,
  layoutOf,
  pointsTable,
  runsHeader,
  runsRows,
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
  /** Stop (as if interrupted) once this many runs are done in this process: for tests. */
  stopAfter?: number;
}

export interface ExperimentOutcome {
  status: 'complete' | 'interrupted';
  done: number;
  total: number;
  out: string;
}

/** How often the aggregate is written to disk, so an interruption loses little. */
const CHECKPOINT_INTERVAL_MS = 2000;

/**
 * Runs an experiment's jobs (or one shard's) on a worker pool and writes its tables:
 *   1. claim the output directory (new, or the same experiment with --resume: load the checkpoint);
 *   2. dispatch jobs in order, at most a few per thread ahead, and take results in job order
 *      through a small reorder buffer — so every table is the same whatever the thread count;
 *   3. each run: its rows to runs.csv, its time series and paired differences to the aggregate;
 *   4. checkpoint every couple of seconds, at a job boundary;
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

  // 1. The directory, and what an earlier run of this experiment left there.
  const existing = claimDirectory(
    out,
    experiment.hash,
    shard,
    options.resume ?? false,
    options.force ?? false,
  );
  if (existing?.status === 'complete') return { status: 'complete', done: total, total, out };
  const shapes = experiment.scenarios.map((scenario) => runShape(scenario, experiment.years));
  const checks = experiment.scenarios.map((scenario) =>
    experiment.checks.map((check) => compileCheck(check, scenario, METRIC_NAMES)),
  );
  let aggregate: ExperimentAggregate;
  let done: number;
  const runsPath = join(out, FILES.runsPartial);
  const checkpointPath = join(out, FILES.checkpoint);
  if (existing && existsSync(checkpointPath)) {
    const checkpoint = JSON.parse(readFileSync(checkpointPath, 'utf8'));
    aggregate = aggregateFromJson(checkpoint.aggregate);
    done = checkpoint.done;
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
    failures: [],
    checks: experiment.checks,
    charts: experiment.charts,
  };
  writeManifest(out, manifest);
  if (experiment.charts.power && !existsSync(join(out, FILES.power)))
    writeFileAtomic(join(out, FILES.power), powerTable(experiment, experiment.charts.power));

  const runsFile = openSync(runsPath, 'a');
  let runsBytes = statSync(runsPath).size;
  const checkpoint = () => {
    writeFileAtomic(
      checkpointPath,
      JSON.stringify({ done, runsBytes, aggregate: aggregateToJson(aggregate) }),
    );
    manifest.jobs.done = done;
    writeManifest(out, manifest);
  };

  // 3. Taking in one run, strictly in job order.
  const takeIn = (index: number, packed: Float64Array) => {
    const job = jobAt(space, index);
    const w = job.variant * space.points + job.point;
    const result = unpackRun(shapes[w], job.seed, packed);
    const summary = summarizeRun(result);
    const rows = runsRows(
      experiment.variants[job.variant],
      experiment.points[job.point].id,
      job.replication,
      job.seed,
      summary,
      WHOLE_RUN_NAMES,
    );
    runsBytes += writeSync(runsFile, rows);
    addRun(aggregate, job.variant, job.point, result.values, summary);
    addOutcomes(aggregate.outcomes[w], result);
    checks[w].forEach((reproduces, c) => {
      if (reproduces(result)) aggregate.checkPasses[w][c]++;
    });
  };

  // 2. Dispatch in order with a bounded window; take results in order.
  const pool = createPool(
    Math.min(threads, Math.max(1, total - done)),
    experiment.scenarios,
    experiment.years,
  );
  const window = threads * 4;
  const stopAt =
    options.stopAfter !== undefined ? Math.min(range.end, range.start + options.stopAfter) : range.end;
  let nextDispatch = range.start + done;
  let nextTake = nextDispatch;
  let inFlight = 0;
  let failure: unknown = null;
  let lastCheckpoint = Date.now();
  const results = new Map<number, Float64Array>();
  let stopping = false;
  try {
    await new Promise<void>((finish) => {
      const pump = () => {
        while (failure === null && results.has(nextTake)) {
          takeIn(nextTake, results.get(nextTake) as Float64Array);
          results.delete(nextTake);
          nextTake++;
          done++;
          options.onProgress?.(done, total);
          if (Date.now() - lastCheckpoint > CHECKPOINT_INTERVAL_MS) {
            checkpoint();
            lastCheckpoint = Date.now();
          }
        }
        stopping ||= failure !== null || (options.shouldStop?.() ?? false);
        while (!stopping && nextDispatch < stopAt && nextDispatch - nextTake < window) {
          const index = nextDispatch++;
          const job = jobAt(space, index);
          inFlight++;
          pool.run({ world: job.variant * space.points + job.point, seed: job.seed }).then(
            (values) => {
              inFlight--;
              results.set(index, values);
              pump();
            },
            (error: unknown) => {
              inFlight--;
              failure ??= error;
              pump();
            },
          );
        }
        if (inFlight === 0 && (stopping || nextTake >= stopAt)) finish();
      };
      pump();
    });
  } finally {
    closeSync(runsFile);
    await pool.close();
  }
  if (failure !== null) {
    checkpoint();
    throw failure;
  }

  // 4 and 5. Keep what is done; finish the tables when everything is.
  if (nextTake < range.end) {
    checkpoint();
    manifest.status = 'interrupted';
    writeManifest(out, manifest);
    return { status: 'interrupted', done, total, out };
  }
  renameSync(runsPath, join(out, FILES.runs));
  writeFileAtomic(join(out, FILES.state), JSON.stringify({ done, aggregate: aggregateToJson(aggregate) }));
  writeTables(out, aggregate, layoutOf(experiment), experiment.checks);
  rmSync(checkpointPath, { force: true });
  manifest.jobs.done = done;
  manifest.status = 'complete';
  manifest.finishedAt = new Date().toISOString();
  writeManifest(out, manifest);
  return { status: 'complete', done, total, out };
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
