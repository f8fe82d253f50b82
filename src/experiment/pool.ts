import { Piscina } from 'piscina';
import type { BlockResult, BlockSetup, BlockTask } from './block.js';
import type { SampleSetup } from './sensitivity/block.js';

/**
 * The worker pool. Built code runs worker.js; under the test runner the sources are TypeScript,
 * so the worker is worker.ts loaded through tsx. This is the one place that knows.
 */
export function createPool(threads: number, setup: BlockSetup | SampleSetup) {
  // Each thread holds a couple of blocks of its own, so it goes on working while the main
  // thread takes in results or writes a checkpoint.
  const pool = threadPool(setup, threads, 2);
  // Retries run on a thread of their own, one at a time: when a run kills its thread again, the
  // blocks that happened to share the thread are not counted as dying twice.
  let alone: Piscina | null = null;
  return {
    run: (task: BlockTask) => pool.run(task) as Promise<BlockResult>,
    runAlone: (task: BlockTask) => {
      alone ??= threadPool(setup, 1, 1);
      return alone.run(task) as Promise<BlockResult>;
    },
    close: async () => {
      await pool.destroy();
      await alone?.destroy();
    },
  };
}

function threadPool(setup: BlockSetup | SampleSetup, threads: number, tasksPerThread: number): Piscina {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Piscina({
    filename: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href,
    workerData: setup,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: tasksPerThread,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
}
