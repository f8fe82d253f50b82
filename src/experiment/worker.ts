import { existsSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { simulate } from '../engine/simulate.js';
import { compileWorld, type World } from '../engine/world.js';
import type { Scenario } from '../scenario/schema.js';
import { packRun } from './run-record.js';

/**
 * A pool thread: receives every resolved scenario once (workerData), compiles a World the first
 * time a job needs it and reuses it, and returns each run packed into one transferred
 * Float64Array (run-record.ts). A run that throws comes back as `{ failure: message }`, so the
 * main thread can tell a failed run (recorded, the rest go on) from a thread that died (retried).
 */
interface WorkerSetup {
  scenarios: Scenario[];
  years: number;
}

export interface JobTask {
  world: number;
  seed: number;
}

export type JobResult = Float64Array | { failure: string };

const setup = workerData as WorkerSetup;
const worlds = new Map<number, World>();

export default function runJob(task: JobTask): JobResult {
  try {
    injectFault(task);
    let world = worlds.get(task.world);
    if (!world) {
      world = compileWorld(setup.scenarios[task.world], { years: setup.years });
      worlds.set(task.world, world);
    }
    return move(packRun(simulate(world, task.seed))) as unknown as Float64Array;
  } catch (error) {
    return { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * Fault injection for the reliability tests (docs/RELIABILITY.md), off unless the environment
 * names a failpoint: CICA_SIM_FAILPOINT='{"kind":"exit"|"throw"|"oom","world":0,"seed":123}', and
 * with "onceFile" the fault happens only while that file does not exist (it is created first).
 */
function injectFault(task: JobTask): void {
  const spec = process.env.CICA_SIM_FAILPOINT;
  if (!spec) return;
  const fault = JSON.parse(spec) as { kind: string; world: number; seed: number; onceFile?: string };
  if (fault.world !== task.world || fault.seed !== task.seed) return;
  if (fault.onceFile) {
    if (existsSync(fault.onceFile)) return;
    writeFileSync(fault.onceFile, '');
  }
  if (fault.kind === 'exit') process.exit(7);
  if (fault.kind === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1e6).fill(task.seed));
  }
  if (fault.kind === 'throw') throw new Error('injected fault');
}
