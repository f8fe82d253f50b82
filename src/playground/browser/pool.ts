/// <reference lib="dom" />
import type { PowerResult } from '../../rules/power/indices.js';
import type { FromWorker, ToWorker } from '../protocol.js';
import type { ReplicationResult } from '../runs.js';

/**
 * Web Workers running the page's replications, one per core (at most 16): each is told the two
 * worlds once, then takes blocks of replications until none are left. The results are gathered in
 * replication order afterwards (runs.ts), so they do not depend on how many workers there were.
 * Cancelling terminates every worker at once.
 */
export interface RunJob {
  promise: Promise<ReplicationResult[]>;
  cancel(): void;
}

export type WorkerFactory = () => Worker;

export function runInWorkers(
  createWorker: WorkerFactory,
  init: Extract<ToWorker, { type: 'init' }>,
  replications: number,
  onProgress: (done: number) => void,
): RunJob {
  const threads = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2, replications));
  // Blocks small enough that the workers finish together, large enough to keep messages few.
  const blockSize = Math.max(1, Math.ceil(replications / (threads * 4)));
  const blocks: number[][] = [];
  for (let first = 0; first < replications; first += blockSize)
    blocks.push(Array.from({ length: Math.min(blockSize, replications - first) }, (_, k) => first + k));
  const workers: Worker[] = [];
  const results: ReplicationResult[] = [];
  let cancelled = false;
  let settle: { resolve(r: ReplicationResult[]): void; reject(e: Error): void } | null = null;
  const promise = new Promise<ReplicationResult[]>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (error?: Error) => {
    for (const worker of workers) worker.terminate();
    if (!settle) return;
    const { resolve, reject } = settle;
    settle = null;
    if (error) reject(error);
    else resolve(results);
  };
  let busy = 0;
  const next = (worker: Worker) => {
    const block = blocks.shift();
    if (!block) {
      if (--busy === 0) finish();
      return;
    }
    worker.postMessage({ type: 'block', replications: block } satisfies ToWorker);
  };
  for (let t = 0; t < threads; t++) {
    const worker = createWorker();
    workers.push(worker);
    busy++;
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (cancelled) return;
      if (data.type === 'replication') {
        results.push(data.result);
        onProgress(results.length);
      } else if (data.type === 'block-done') next(worker);
      else if (data.type === 'error') finish(new Error(data.message));
    };
    worker.onerror = (event) => finish(new Error(event.message || 'a worker failed'));
    worker.postMessage(init);
    next(worker);
  }
  return {
    promise,
    cancel() {
      cancelled = true;
      finish(new Error('cancelled'));
    },
  };
}

/** Voting power of several bodies, computed in a worker of its own (exact where the rules allow). */
export function powerInWorker(
  createWorker: WorkerFactory,
  bodies: Extract<ToWorker, { type: 'power' }>['bodies'],
): Promise<PowerResult[]> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      worker.terminate();
      if (data.type === 'power') resolve(data.results);
      else reject(new Error(data.type === 'error' ? data.message : 'unexpected answer'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the power worker failed'));
    };
    worker.postMessage({ type: 'power', bodies } satisfies ToWorker);
  });
}
