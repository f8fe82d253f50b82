import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadExperiment } from '../../dist/experiment/load.js';
import { runExperiment } from '../../dist/experiment/run-experiment.js';
import { mainThreadCpuMs } from './thread-cpu.js';

/** Figures of whole experiments: throughput on the worker pool, and peak memory. */

const builtIn = new URL('../../scenarios/asia-2025.yaml', import.meta.url).pathname;
const cli = new URL('../../dist/cli/main.js', import.meta.url).pathname;

/** An experiment of the built-in world over 10 years: two variants (today, consensus minus one). */
function experimentFile(replications: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cica-bench-'));
  const file = join(dir, 'bench.yaml');
  writeFileSync(
    file,
    `name: bench
scenario: ${builtIn}
years: 10
replications: ${replications}
seed: 1
variants:
  today: {}
  consensus-minus-one:
    set:
      organisations.CICA.rules.cbm: { kind: consensus-minus, k: 1 }
`,
  );
  return file;
}

/**
 * Runs per second of an experiment on `threads` threads, from the first run taken in to the last,
 * so the pool's start (loading modules in each thread) is not counted.
 */
export async function experimentRunsPerSecond(threads: number, replications: number): Promise<number> {
  return (await experimentThroughput(threads, replications)).runsPerSecond;
}

/**
 * Runs per second on `threads` threads, and the main thread's CPU time per run taken in, from the
 * first run taken in to the last (merging, writing runs.csv, checkpoints) — what decides whether
 * the main thread keeps up with many more workers (its event loop's active time where the system
 * cannot tell a thread's CPU time: thread-cpu.ts).
 */
export async function experimentThroughput(
  threads: number,
  replications: number,
): Promise<{ runsPerSecond: number; mainMsPerRun: number }> {
  const file = experimentFile(replications);
  const out = join(mkdtempSync(join(tmpdir(), 'cica-bench-out-')), 'out');
  let first = 0;
  let last = 0;
  let firstDone = 0;
  let total = 0;
  let startCpu = mainThreadCpuMs();
  let endCpu = startCpu;
  let startLoop = performance.eventLoopUtilization();
  let endLoop = startLoop;
  await runExperiment(loadExperiment(file), {
    out,
    threads,
    onProgress: (done, all) => {
      if (firstDone === 0) {
        first = performance.now();
        firstDone = done;
        startCpu = mainThreadCpuMs();
        startLoop = performance.eventLoopUtilization();
      }
      last = performance.now();
      endCpu = mainThreadCpuMs();
      endLoop = performance.eventLoopUtilization();
      total = all;
    },
  });
  const runs = total - firstDone;
  const runsPerSecond = runs / ((last - first) / 1000);
  if (startCpu !== null && endCpu !== null)
    return { runsPerSecond, mainMsPerRun: (endCpu - startCpu) / runs };
  return { runsPerSecond, mainMsPerRun: performance.eventLoopUtilization(endLoop, startLoop).active / runs };
}

/** Peak resident memory (MiB) of the CLI running `runs` runs of the built-in world on every core. */
export function peakRssMiB(runs: number, threads: number): number {
  const file = experimentFile(Math.ceil(runs / 2));
  const out = join(mkdtempSync(join(tmpdir(), 'cica-bench-out-')), 'out');
  // The child reports its own peak (main thread and workers: one process) as it exits.
  const report =
    "process.on('exit', () => process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + '\\n'))";
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(report)}`,
      cli,
      'experiment',
      file,
      '--out',
      out,
      '--threads',
      String(threads),
      '--quiet',
      '--no-report',
    ],
    { encoding: 'utf8' },
  );
  const maxRss = /maxrss=(\d+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 || !maxRss) throw new Error(`the 100,000-run experiment failed: ${result.stderr}`);
  return Number(maxRss) / 1024;
}
