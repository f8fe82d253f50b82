import { closeSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { RunFailure } from '../../tables/files.js';
import { lockDirectory } from '../../tables/lock.js';
import { formatTable } from '../../tables/registry.js';
import { MORRIS_INDICES, OUTPUTS, SAMPLES, SOBOL_INDICES } from '../../tables/sensitivity-tables.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { OutputError } from '../../util/output-error.js';
import { createPool } from '../pool.js';
import { type Superblock, schedule } from '../scheduler.js';
import { jobSeed } from '../seeds.js';
import { analyseStudy } from './analysis.js';
import { pointId, type SampleSetup } from './block.js';
import { openStudyCheckpoint, type StudyProgress } from './checkpoint.js';
import type { ResolvedSensitivity } from './load.js';

export interface SensitivityRunOptions {
  out: string;
  threads?: number;
  resume?: boolean;
  force?: boolean;
  /** Run only shard `index` of `count` (1-based): a contiguous range of whole sample points. */
  shard?: { index: number; count: number };
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
  /** Stop (as if interrupted) once this many runs are done, at the next whole unit: for tests. */
  stopAfter?: number;
  command?: string;
}

export interface SensitivityOutcome {
  status: 'complete' | 'interrupted';
  done: number;
  total: number;
  out: string;
  failures: RunFailure[];
  /** Outputs that could not be analysed (none when every run gave a value). */
  warnings: string[];
}

/** What a study (or one shard of it) will run: units [first, end), each under every variant. */
export interface SensitivityPlan {
  first: number;
  end: number;
  /** Runs per unit: one per variant. */
  perUnit: number;
  total: number;
  shard: { index: number; count: number; start: number; end: number } | null;
}

/**
 * The plan of a study: units u = point × replications + replication (the scheduler's
 * "replications"), each run under every variant; a shard is a contiguous range of whole points.
 */
export function planSensitivity(
  study: ResolvedSensitivity,
  shard?: { index: number; count: number },
): SensitivityPlan {
  const points = study.design.points;
  const R = study.replications;
  const firstPoint = shard ? Math.floor(((shard.index - 1) * points) / shard.count) : 0;
  const endPoint = shard ? Math.floor((shard.index * points) / shard.count) : points;
  const V = study.variants.length;
  return {
    first: firstPoint * R,
    end: endPoint * R,
    perUnit: V,
    total: (endPoint - firstPoint) * R * V,
    shard: shard ? { ...shard, start: firstPoint * R * V, end: endPoint * R * V } : null,
  };
}

/** The collect stage of a study: each superblock's rows to runs.csv.partial in unit and variant order, failures listed. */
function collectStudy(study: ResolvedSensitivity, progress: StudyProgress, runsPath: string) {
  const runsFile = openSync(runsPath, 'a');
  const V = study.variants.length;
  return {
    takeIn: (superblock: Superblock) => {
      const runsOf = superblock.pieces.map((pieces) => pieces.flatMap((piece) => piece.runs));
      let rows = '';
      for (let k = 0; k < superblock.count; k++) {
        const unit = superblock.first + k;
        const point = Math.floor(unit / study.replications);
        const replication = unit % study.replications;
        for (let v = 0; v < V; v++) {
          const run = runsOf[v][k];
          if ('rows' in run) rows += run.rows;
          else
            progress.failures.push({
              variant: study.variants[v],
              point: pointId(point),
              replication,
              seed: jobSeed(study.seed, replication),
              message: run.failure,
            });
        }
      }
      try {
        progress.runsBytes += writeSync(runsFile, rows);
      } catch (error) {
        throw new OutputError(runsPath, error);
      }
      progress.done += superblock.count * V;
    },
    close: () => closeSync(runsFile),
  };
}

/**
 * Runs a sensitivity study on the experiments' stages (docs/ARCHITECTURE.md): plan, the
 * directory's lock, checkpoint (checkpoint.ts), dispatch on the same pool and scheduler, with the
 * same seeds — replication r of every point has seed jobSeed(seed, r), common random numbers
 * across points — collect, then the analysis: samples.csv, indices.csv, outputs.csv.
 */
export async function runSensitivity(
  study: ResolvedSensitivity,
  options: SensitivityRunOptions,
): Promise<SensitivityOutcome> {
  const { out } = options;
  const threads = options.threads ?? availableParallelism();
  const plan = planSensitivity(study, options.shard);
  const lock = lockDirectory(out, { command: options.command ?? `cica-sim sensitivity ${study.file}` });
  try {
    const store = openStudyCheckpoint(study, plan, {
      out,
      threads,
      resume: options.resume ?? false,
      force: options.force ?? false,
    });
    const outcome = (
      status: SensitivityOutcome['status'],
      done: number,
      failures: RunFailure[],
      warnings: string[] = [],
    ) => ({ status, done, total: plan.total, out, failures, warnings }) as SensitivityOutcome;
    if ('complete' in store) return outcome('complete', plan.total, store.complete.failures);
    const { progress } = store;
    const firstUnit = plan.first + progress.done / plan.perUnit;
    const stopAt =
      options.stopAfter !== undefined
        ? Math.min(plan.end, firstUnit + Math.ceil(options.stopAfter / plan.perUnit))
        : plan.end;
    const collector = collectStudy(study, progress, store.runsPath);
    const pool = createPool(
      Math.max(1, Math.min(threads, (stopAt - firstUnit) * plan.perUnit)),
      sampleSetupOf(study),
    );
    let failure: unknown = null;
    try {
      ({ failure } = await schedule({
        worlds: plan.perUnit,
        threads,
        first: firstUnit,
        end: stopAt,
        seedOf: (unit) => jobSeed(study.seed, unit % study.replications),
        run: pool.run,
        runAlone: pool.runAlone,
        shouldStop: () => options.shouldStop?.() ?? false,
        takeIn: (superblock) => {
          lock.check();
          collector.takeIn(superblock);
          options.onProgress?.(progress.done, plan.total);
          store.saveIfDue();
        },
      }));
    } finally {
      collector.close();
      await pool.close();
    }
    if (failure !== null) throw failure;
    if (progress.done < plan.total) {
      store.interrupt();
      return outcome('interrupted', progress.done, progress.failures);
    }
    lock.check();
    // A shard keeps its runs for merging; the whole study is analysed here.
    let warnings: string[] = [];
    store.finish(() => {
      if (!plan.shard) warnings = writeStudyTables(out, study, store.runsPath);
    });
    return outcome('complete', progress.done, progress.failures, warnings);
  } finally {
    lock.release();
  }
}

/** What every thread needs of a study (block.ts). */
export function sampleSetupOf(study: ResolvedSensitivity): SampleSetup {
  return {
    kind: 'sample',
    scenarios: study.scenarios,
    years: study.years,
    variants: study.variants,
    paths: study.factors.map((f) => f.path),
    values: study.values,
    replications: study.replications,
  };
}

/** samples.csv, indices.csv and outputs.csv from the study's runs; returns what could not be analysed. */
export function writeStudyTables(out: string, study: ResolvedSensitivity, runsPath: string): string[] {
  const tables = analyseStudy(study, runsPath);
  writeFileAtomic(join(out, SAMPLES.file), formatTable(SAMPLES, tables.samples.rows, tables.samples.columns));
  if (tables.indices && 'morris' in tables.indices)
    writeFileAtomic(join(out, MORRIS_INDICES.file), formatTable(MORRIS_INDICES, tables.indices.morris));
  if (tables.indices && 'sobol' in tables.indices)
    writeFileAtomic(join(out, SOBOL_INDICES.file), formatTable(SOBOL_INDICES, tables.indices.sobol));
  writeFileAtomic(join(out, OUTPUTS.file), formatTable(OUTPUTS, tables.outputs));
  return tables.warnings;
}
