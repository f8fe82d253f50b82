import { compileWorld, type World } from '../../engine/world.js';
import { analysePower } from '../../rules/power/analyse.js';
import type { FromWorker, ToWorker } from '../protocol.js';
import { runReplication } from '../runs.js';

/** What a worker's global scope offers (the DOM's types describe a window, not a worker). */
interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
}

/**
 * A Web Worker of the page: the engine the CLI runs, on the sets' worlds. Each replication's
 * series travels back as a transferred buffer, so nothing is copied.
 */
export function startWorker(scope: WorkerScope): void {
  let worlds: [World, World] | null = null;
  let seed = 0;
  scope.onmessage = ({ data }) => {
    try {
      if (data.type === 'init') {
        worlds = [
          compileWorld(data.scenarios[0], { years: data.years }),
          compileWorld(data.scenarios[1], { years: data.years }),
        ];
        seed = data.seed;
      } else if (data.type === 'block') {
        if (!worlds) throw new Error('a block arrived before the worlds');
        for (const r of data.replications) {
          const result = runReplication(worlds, seed, r);
          scope.postMessage(
            { type: 'replication', result },
            result.runs.map((run) => run.values.buffer as ArrayBuffer),
          );
        }
        scope.postMessage({ type: 'block-done' });
      } else {
        scope.postMessage({
          type: 'power',
          results: data.bodies.map((b) => analysePower(b.members, b.rule)),
        });
      }
    } catch (error) {
      scope.postMessage({ type: 'error', message: (error as Error).message });
    }
  };
}
