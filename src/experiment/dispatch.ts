import { blockSetupOf } from './block.js';
import type { ResolvedExperiment } from './load.js';
import type { ExperimentPlan } from './plan.js';
import { createPool } from './pool.js';
import { type Superblock, schedule } from './scheduler.js';
import { jobSeed } from './seeds.js';

export interface DispatchOptions {
  threads: number;
  /** Replications [first, end) to run. */
  first: number;
  end: number;
  /** Takes in each superblock, in order (the collect stage); what it throws stops dispatching. */
  takeIn: (superblock: Superblock) => void;
  /** Polled between superblocks: true stops dispatching; what is under way is finished. */
  shouldStop: () => boolean;
}

/**
 * The dispatch stage: hands blocks of replications to a pool of worker threads, which gather
 * their statistics (block.ts), and takes them back in order by superblocks (scheduler.ts), so
 * every table is the same whatever the thread count. Resolves with what stopped taking in, if
 * anything did (a full disk, say); the pool is closed either way.
 */
export async function dispatch(
  experiment: ResolvedExperiment,
  plan: ExperimentPlan,
  options: DispatchOptions,
): Promise<{ failure: unknown }> {
  const runs = (options.end - options.first) * plan.perReplication;
  const pool = createPool(Math.min(options.threads, Math.max(1, runs)), blockSetupOf(experiment));
  try {
    return await schedule({
      worlds: plan.perReplication,
      threads: options.threads,
      first: options.first,
      end: options.end,
      seedOf: (replication) => jobSeed(plan.space.seed, replication),
      run: pool.run,
      runAlone: pool.runAlone,
      takeIn: options.takeIn,
      shouldStop: options.shouldStop,
    });
  } finally {
    await pool.close();
  }
}
