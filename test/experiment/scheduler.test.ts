import { describe, expect, it } from 'vitest';
import type { BlockResult, BlockTask } from '../../src/experiment/block.js';
import { type Superblock, schedule } from '../../src/experiment/scheduler.js';

/**
 * The scheduler with fake workers: each "run" is its replication and world written as a row, and
 * blocks come back after delays drawn so that they finish out of order. What is taken in must
 * still be whole replications, in order, each run once.
 */
function fakeWorkers(
  options: { dies?: (task: BlockTask, attempt: number, alone: boolean) => boolean; elapsedMs?: number } = {},
) {
  const attempts = new Map<string, number>();
  const calls: { task: BlockTask; alone: boolean }[] = [];
  let tick = 7;
  const run = (task: BlockTask, alone: boolean): Promise<BlockResult> => {
    calls.push({ task, alone });
    const key = `${task.world}/${task.first}/${task.seeds.length}`;
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    // A fixed pseudo-random delay of 0–4 ms: later blocks often finish first.
    tick = (tick * 31 + 11) % 97;
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        if (options.dies?.(task, attempt, alone)) reject(new Error(`worker died on ${key}`));
        else
          resolve({
            world: task.world,
            first: task.first,
            statistics: null,
            runs: task.seeds.map((seed, k) => ({
              rows: `r${task.first + k}w${task.world}s${seed}\n`,
              summary: {},
            })),
            elapsedMs: options.elapsedMs ?? 1,
          });
      }, tick % 5),
    );
  };
  return {
    run: (task: BlockTask) => run(task, false),
    runAlone: (task: BlockTask) => run(task, true),
    calls,
  };
}

/** Schedules replications [first, end) of `worlds` worlds on fake workers; returns what was taken in. */
async function scheduled(
  workers: ReturnType<typeof fakeWorkers>,
  options: {
    worlds: number;
    threads: number;
    first: number;
    end: number;
    shouldStop?: (taken: Superblock[]) => boolean;
  },
) {
  const taken: Superblock[] = [];
  const { failure } = await schedule({
    ...options,
    seedOf: (replication) => 1000 + replication,
    run: workers.run,
    runAlone: workers.runAlone,
    takeIn: (superblock) => taken.push(superblock),
    shouldStop: () => options.shouldStop?.(taken) ?? false,
  });
  return { taken, failure };
}

/** The runs of superblocks in take-in order, as "replication/world:row-or-failure". */
function flatten(taken: Superblock[]): string[] {
  return taken.flatMap((superblock) =>
    Array.from({ length: superblock.count }, (_, k) =>
      superblock.pieces.map((pieces, w) => {
        const run = pieces.flatMap((piece) => piece.runs)[k];
        return `${superblock.first + k}/${w}:${'failure' in run ? 'failed' : run.rows.trim()}`;
      }),
    ).flat(),
  );
}

const expected = (first: number, end: number, worlds: number) =>
  Array.from({ length: end - first }, (_, r) =>
    Array.from({ length: worlds }, (_, w) => `${first + r}/${w}:r${first + r}w${w}s${1000 + first + r}`),
  ).flat();

describe('the scheduler', () => {
  it('takes in whole replications in order, every run once, however blocks finish', async () => {
    const workers = fakeWorkers();
    const { taken, failure } = await scheduled(workers, { worlds: 3, threads: 4, first: 5, end: 45 });
    expect(failure).toBeNull();
    expect(flatten(taken)).toEqual(expected(5, 45, 3));
    // Superblocks are contiguous and start where the last ended.
    taken.forEach((superblock, s) => {
      if (s > 0) expect(superblock.first).toBe(taken[s - 1].first + taken[s - 1].count);
    });
    // Blocks grew past one replication once runs were measured as fast.
    expect(Math.max(...workers.calls.map((c) => c.task.seeds.length))).toBeGreaterThan(1);
  });

  it('retries the block of a worker that died one replication at a time, on a thread of its own', async () => {
    // The block holding replication 7 of world 1 dies on the shared threads; alone, it succeeds.
    const workers = fakeWorkers({
      dies: (task, _attempt, alone) =>
        !alone && task.world === 1 && task.first <= 7 && 7 < task.first + task.seeds.length,
    });
    const { taken } = await scheduled(workers, { worlds: 2, threads: 2, first: 0, end: 12 });
    expect(flatten(taken)).toEqual(expected(0, 12, 2));
    const retries = workers.calls.filter((c) => c.alone);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((c) => c.task.seeds.length === 1 && c.task.world === 1)).toBe(true);
  });

  it('a replication whose thread dies twice is a failed run; the others complete', async () => {
    const workers = fakeWorkers({
      dies: (task) => task.world === 0 && task.first <= 3 && 3 < task.first + task.seeds.length,
    });
    const { taken } = await scheduled(workers, { worlds: 2, threads: 2, first: 0, end: 6 });
    const want = expected(0, 6, 2).map((run) => (run.startsWith('3/0:') ? '3/0:failed' : run));
    expect(flatten(taken)).toEqual(want);
  });

  it('stops dispatching when asked, finishes what is under way, and takes in only whole replications from the start', async () => {
    const workers = fakeWorkers();
    const { taken } = await scheduled(workers, {
      worlds: 2,
      threads: 2,
      first: 0,
      end: 1000,
      shouldStop: (taken) => taken.length >= 3,
    });
    const done = taken.reduce((sum, superblock) => sum + superblock.count, 0);
    expect(taken.length).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(1000);
    expect(flatten(taken)).toEqual(expected(0, done, 2));
    // Nothing was dispatched past what was in flight when the stop came.
    const dispatched = Math.max(...workers.calls.map((c) => c.task.first + c.task.seeds.length));
    expect(dispatched).toBe(done);
  });

  it('stops at the first failure to take in (a full disk) and reports it', async () => {
    const workers = fakeWorkers();
    const disk = new Error('ENOSPC');
    let calls = 0;
    const { failure } = await schedule({
      worlds: 1,
      threads: 1,
      first: 0,
      end: 50,
      seedOf: (replication) => replication,
      ...workers,
      takeIn: () => {
        calls++;
        if (calls === 2) throw disk;
      },
      shouldStop: () => false,
    });
    expect(failure).toBe(disk);
    expect(calls).toBe(2);
  });
});
