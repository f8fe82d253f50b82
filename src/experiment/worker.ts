import { existsSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { type BlockSetup, createBlockRunner } from './block.js';
import { createSampleRunner, type SampleSetup } from './sensitivity/block.js';

/**
 * A pool thread: receives every resolved scenario once (workerData) and runs blocks of
 * replications (block.ts), compiling each World the first time a block needs it — or, for a
 * sensitivity study, blocks of sample points (sensitivity/block.ts).
 */
const setup = workerData as BlockSetup | SampleSetup;
export default 'kind' in setup ? createSampleRunner(setup) : createBlockRunner(setup, injectFault);

const RUN_DELAY_MS = Number(process.env.CICA_SIM_RUN_DELAY_MS ?? 0);
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/**
 * Fault injection for the reliability tests (docs/RELIABILITY.md), off unless the environment
 * names a failpoint: CICA_SIM_FAILPOINT='{"kind":"exit"|"throw"|"oom","world":0,"seed":123}', and
 * with "onceFile" the fault happens only while that file does not exist (it is created first).
 */
function injectFault(world: number, seed: number): void {
  // CICA_SIM_RUN_DELAY_MS slows every run, so that the concurrency tests can start a second
  // writer while the first is surely still running.
  if (RUN_DELAY_MS > 0) Atomics.wait(SLEEPER, 0, 0, RUN_DELAY_MS);
  const spec = process.env.CICA_SIM_FAILPOINT;
  if (!spec) return;
  const fault = JSON.parse(spec) as { kind: string; world: number; seed: number; onceFile?: string };
  if (fault.world !== world || fault.seed !== seed) return;
  if (fault.onceFile) {
    if (existsSync(fault.onceFile)) return;
    writeFileSync(fault.onceFile, '');
  }
  if (fault.kind === 'exit') process.exit(7);
  if (fault.kind === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1e6).fill(seed));
  }
  if (fault.kind === 'throw') throw new Error('injected fault');
}
