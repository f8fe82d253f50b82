import { type RunResult, type SimulateOptions, simulate } from '../engine/simulate.js';
import type { World } from '../engine/world.js';
import { RECORDERS } from './recorders.js';

/**
 * `simulate` recording the shipped metrics (the columns of timeseries.csv), unless other
 * recorders are given: what the CLI, the experiment workers and the library's users run.
 */
export function simulateRecorded(
  world: World,
  seed: number | string,
  options: Partial<SimulateOptions> = {},
): RunResult {
  return simulate(world, seed, { ...options, recorders: options.recorders ?? RECORDERS });
}
