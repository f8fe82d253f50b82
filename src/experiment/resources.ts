import { statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { InputError } from '../input/errors.js';
import { formatBytes } from '../input/read-input.js';
import { TRUST_BINS } from '../metrics/outcomes.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import { WHOLE_RUN_NAMES } from '../metrics/summarize.js';
import type { ResolvedExperiment } from './load.js';
import type { ExperimentPlan } from './plan.js';
import type { RunShape } from './run-shape.js';
import { runsColumnsOf, runsHeader } from './tables.js';

/**
 * Will it fit? Estimates what a run or an experiment needs — memory for its statistics and its
 * threads, disk for runs.csv — and refuses, before starting, what this machine cannot hold. An
 * experiment's memory does not grow with replications (metrics/aggregate.ts); its disk does.
 *
 * The constants are measured, with room to spare: a time-series cell (one metric of one
 * organisation at one step of one world) held 1.2–1.3 KB of heap in the shipped studies; a
 * runs.csv row is about 12 bytes a column.
 */
const CELL_BYTES = 2048;
const CSV_BYTES_PER_COLUMN = 12;
/** Node, the loaded modules and the charts at the end. */
const BASE_BYTES = 256 * 1024 ** 2;
/** Share of the available memory (or heap) an estimate may take. */
const HEADROOM = 0.8;

export interface ResourcePart {
  what: string;
  bytes: number;
  /** Whether it lives on the JavaScript heap (bounded by --max-old-space-size) or beside it. */
  heap: boolean;
}

/** Memory of one run in one thread: its world, its state, and what it sends back. */
export function runBytes(shape: RunShape): number {
  const n = shape.stateIds.length;
  const orgs = shape.orgIds.length;
  const trustStore = n * n * (8 + 8 + 4);
  const worldCopies = n * n * 8 * 3;
  const series = shape.steps * orgs * METRIC_NAMES.length * 8;
  const perState = orgs * n * 8 * 8;
  return trustStore + worldCopies + series * 2 + n * n * 8 + perState;
}

export function experimentMemory(shapes: RunShape[], threads: number): ResourcePart[] {
  const cells = shapes.reduce((total, s) => total + s.steps * s.orgIds.length * METRIC_NAMES.length, 0);
  const outcomes = shapes.reduce((total, s) => {
    const n = s.stateIds.length;
    const orgs = s.orgIds.length;
    return total + n * n * TRUST_BINS * 4 + orgs * n * (s.steps + 1) * 8 + orgs * n * 16;
  }, 0);
  const largestRun = Math.max(...shapes.map(runBytes));
  const largestBlock = Math.max(
    ...shapes.map(
      (s) =>
        s.steps * s.orgIds.length * METRIC_NAMES.length * CELL_BYTES +
        Math.min(16 * 1024 ** 2, s.stateIds.length ** 2 * TRUST_BINS * 4),
    ),
  );
  return [
    // Checkpoints serialise the statistics, briefly holding them twice.
    {
      what: `time-series statistics (${cells.toLocaleString('en')} cells)`,
      bytes: cells * CELL_BYTES * 2,
      heap: true,
    },
    { what: 'per-state outcomes (vetoes, trust, admissions)', bytes: outcomes * 2, heap: false },
    // Each thread holds two blocks (block.ts): their statistics, and outcomes up to 16 MiB dense.
    {
      what: `${threads} worker threads`,
      bytes: threads * (64 * 1024 ** 2 + largestRun * 2 + 2 * largestBlock),
      heap: false,
    },
    { what: 'Node and the charts', bytes: BASE_BYTES, heap: false },
  ];
}

function availableMemory(): number {
  const process_ = process as NodeJS.Process & { availableMemory?: () => number };
  return process_.availableMemory?.() ?? Number.POSITIVE_INFINITY;
}

/** Throws an InputError (exit 2) with the estimate when the parts cannot fit in this machine's memory. */
export function requireMemory(
  parts: ResourcePart[],
  source: string,
  advice: string,
  limits = { available: availableMemory(), heap: getHeapStatistics().heap_size_limit },
): void {
  const total = parts.reduce((sum, p) => sum + p.bytes, 0);
  const heap = parts.filter((p) => p.heap).reduce((sum, p) => sum + p.bytes, 0);
  const detail = parts.map((p) => `${p.what} ${formatBytes(p.bytes)}`).join(', ');
  const refuse = (message: string) => {
    throw new InputError([
      { location: { file: source }, path: '', message: `${message} (${detail}); ${advice}` },
    ]);
  };
  if (total > limits.available * HEADROOM)
    refuse(
      `this needs about ${formatBytes(total)} of memory, more than this machine has free (${formatBytes(limits.available)})`,
    );
  if (heap > limits.heap * HEADROOM)
    refuse(
      `this needs about ${formatBytes(heap)} of JavaScript heap, more than Node allows (${formatBytes(limits.heap)}; raise it with NODE_OPTIONS=--max-old-space-size=MiB)`,
    );
}

/** Bytes of runs.csv for `jobs` runs. */
export function runsCsvBytes(shapes: RunShape[], jobs: number, columns: number): number {
  const orgs = Math.max(...shapes.map((s) => s.orgIds.length));
  return jobs * orgs * columns * CSV_BYTES_PER_COLUMN;
}

/** Throws an InputError when the disk holding `out` has less free space than `bytes`. */
export function requireDisk(out: string, bytes: number, source: string): void {
  let free: number;
  try {
    let dir = resolve(out);
    // The directory may not exist yet: ask about the nearest one that does.
    for (;;) {
      try {
        const stats = statfsSync(dir);
        free = stats.bavail * stats.bsize;
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw error;
        dir = dirname(dir);
      }
    }
  } catch {
    return; // No answer from the filesystem: writing will say what is wrong.
  }
  if (bytes > free) {
    throw new InputError([
      {
        location: { file: source },
        path: '',
        message: `runs.csv will need about ${formatBytes(bytes)}, more than the disk holding ${out} has free (${formatBytes(free)}); use fewer replications, or --shard to split the experiment across disks`,
      },
    ]);
  }
}

/** Refuses, before starting, an experiment whose statistics or runs.csv this machine cannot hold. */
export function requireResources(
  experiment: ResolvedExperiment,
  plan: ExperimentPlan,
  threads: number,
  out: string,
): void {
  requireMemory(
    experimentMemory(plan.shapes, threads),
    experiment.file,
    'use fewer years, steps per year, variants or sweep points, or fewer --threads',
  );
  const columns = runsHeader(WHOLE_RUN_NAMES, runsColumnsOf(experiment)).split(',').length;
  requireDisk(out, runsCsvBytes(plan.shapes, plan.total, columns), experiment.file);
}
