import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { simulate } from '../engine/simulate.js';
import { compileWorld, type World } from '../engine/world.js';
import type { Scenario } from '../scenario/schema.js';
import { packRun } from './run-record.js';

/**
 * A pool thread: receives every resolved scenario once (workerData), compiles a World the first
 * time a job needs it and reuses it, and returns each run packed into one transferred Float64Array (run-record.ts).
 */
interface WorkerSetup {
  scenarios: Scenario[];
  years: number;
}

export interface JobTask {
  world: number;
  seed: number;
}

const setup = workerData as WorkerSetup;
const worlds = new Map<number, World>();

export default function runJob(task: JobTask): Float64Array {
  let world = worlds.get(task.world);
  if (!world) {
    world = compileWorld(setup.scenarios[task.world], { years: setup.years });
    worlds.set(task.world, world);
  }
  return move(packRun(simulate(world, task.seed))) as unknown as Float64Array;
}
