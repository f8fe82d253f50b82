import { Piscina } from 'piscina';
import type { Scenario } from '../scenario/schema.js';
import type { JobResult, JobTask } from './worker.js';

/**
 * The worker pool. Built code runs worker.js; under the test runner the sources are TypeScript,
 * so the worker is worker.ts loaded through tsx. This is the one place that knows.
 */
export function createPool(threads: number, scenarios: Scenario[], years: number) {
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href,
    workerData: { scenarios, years },
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // Each thread holds a few jobs of its own, so it goes on working while the main thread is
    // busy taking in results or writing a checkpoint (with one, it waited: 341 runs/s of 500).
    concurrentTasksPerWorker: 4,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
  return {
    run: (task: JobTask) => pool.run(task) as Promise<JobResult>,
    close: () => pool.destroy(),
  };
}
