import type { BlockResult, BlockTask } from './block.js';

/**
 * Hands blocks of replications to the pool and takes them back in order. A superblock is the
 * same replications of every world; it is taken in (merged, its rows written) only when all its
 * blocks are back and every superblock before it was taken in, so what has been taken in is
 * always whole replications from the start — the unit of checkpoints, shards and resumes.
 *
 * Blocks grow from one replication to what a thread runs in about TARGET_BLOCK_MS, bounded so
 * that every thread keeps work to the end and a superblock takes about a second at most (a stop
 * request waits for the superblocks under way). A thread that dies (exit, out of memory) is replaced
 * by the pool; its block is tried again one replication at a time, on a thread of its own, and a
 * replication whose thread dies again is a failed run.
 *
 * Why blocks of about a second: the main thread merges each block's statistics whole, whatever
 * its size, so its cost per run falls as blocks grow. Measured on the built-in world
 * (main_thread_ms_per_run in `npm run bench`, then its event loop's time): 0.75 ms a run at 150 ms
 * blocks, 0.52 at 500, 0.37 at 1000 — the last the first to keep up with 16 workers at one core's
 * rate (0.09–0.17 ms of CPU time now: docs/PERFORMANCE.md).
 */
const TARGET_BLOCK_MS = 1000;
const MAX_BLOCK = 512;
/** A superblock takes about this long on all threads, so a stop or a checkpoint comes soon. */
const TARGET_SUPERBLOCK_MS = 1000;

export interface Superblock {
  first: number;
  count: number;
  /** pieces[world]: the blocks that cover it, in replication order (one, or singles after a retry). */
  pieces: BlockResult[][];
}

export interface ScheduleOptions {
  worlds: number;
  threads: number;
  /** Replications [first, end) to run. */
  first: number;
  end: number;
  seedOf: (replication: number) => number;
  run: (task: BlockTask) => Promise<BlockResult>;
  /** Runs a retry on a thread where nothing else runs. */
  runAlone: (task: BlockTask) => Promise<BlockResult>;
  /** Takes in one superblock, in order; what it throws stops the schedule. */
  takeIn: (superblock: Superblock) => void;
  /** Polled between superblocks: true stops dispatching; what is under way is finished and taken in. */
  shouldStop: () => boolean;
}

interface Pending extends Superblock {
  missing: number;
}

export function schedule(options: ScheduleOptions): Promise<{ failure: unknown }> {
  const { worlds, threads } = options;
  const maxInFlight = Math.max(2, Math.ceil((threads * 3) / worlds));
  const pending: Pending[] = [];
  let nextReplication = options.first;
  let tasksInFlight = 0;
  let stopping = false;
  let failure: unknown = null;
  let measuredMs = 0;
  let measuredRuns = 0;

  const blockSize = () => {
    const remaining = options.end - nextReplication;
    const keepBusy = Math.max(1, Math.floor((remaining * worlds) / (threads * 3)));
    if (measuredRuns === 0) return 1;
    const runMs = measuredMs / measuredRuns;
    const bySpeed = Math.round(TARGET_BLOCK_MS / runMs);
    const byResponse = Math.floor((TARGET_SUPERBLOCK_MS * threads) / (worlds * runMs));
    return Math.max(1, Math.min(MAX_BLOCK, keepBusy, bySpeed, byResponse, remaining));
  };

  return new Promise((finish) => {
    const settle = (block: Pending, piece: BlockResult) => {
      block.pieces[piece.world].push(piece);
      block.missing -= piece.runs.length;
      measuredMs += piece.elapsedMs;
      measuredRuns += piece.runs.length;
    };

    const dispatch = (block: Pending, task: BlockTask, attempt: number) => {
      tasksInFlight++;
      (attempt === 0 ? options.run(task) : options.runAlone(task)).then(
        (piece) => {
          tasksInFlight--;
          settle(block, piece);
          pump();
        },
        (error: unknown) => {
          tasksInFlight--;
          if (!stopping && attempt === 0) {
            // Try again one replication at a time, so one run that kills its thread fails alone.
            task.seeds.forEach((seed, k) => {
              dispatch(block, { world: task.world, first: task.first + k, seeds: [seed] }, 1);
            });
          } else if (!stopping) {
            const message = error instanceof Error ? error.message : String(error);
            settle(block, {
              world: task.world,
              first: task.first,
              statistics: null,
              runs: [{ failure: `the worker thread died twice on this run: ${message}` }],
              elapsedMs: 0,
            });
          }
          pump();
        },
      );
    };

    const pump = () => {
      while (failure === null && pending.length > 0 && pending[0].missing === 0) {
        const block = pending.shift() as Pending;
        for (const pieces of block.pieces) pieces.sort((a, b) => a.first - b.first);
        try {
          options.takeIn(block);
        } catch (error) {
          failure = error;
        }
      }
      stopping ||= failure !== null || options.shouldStop();
      while (!stopping && nextReplication < options.end && pending.length < maxInFlight) {
        const count = blockSize();
        const block: Pending = {
          first: nextReplication,
          count,
          pieces: Array.from({ length: worlds }, () => []),
          missing: count * worlds,
        };
        nextReplication += count;
        pending.push(block);
        const seeds = Array.from({ length: count }, (_, k) => options.seedOf(block.first + k));
        for (let world = 0; world < worlds; world++) dispatch(block, { world, first: block.first, seeds }, 0);
      }
      if (tasksInFlight === 0 && (stopping || pending.length === 0)) finish({ failure });
    };
    pump();
  });
}
