import type { RunState } from './state.js';
import type { World } from './world.js';

/**
 * What the step loop records for each organisation after each step: the engine defines this
 * interface and calls the recorders it is given (metrics/recorders.ts holds the shipped ones,
 * one per column of timeseries.csv). A recorder returns NaN when the quantity is undefined this step (an adoption
 * rate with no proposals); outputs write NaN as an empty cell (CSV) or null (JSON).
 */
export interface Recorder {
  name: string;
  description: string;
  /**
   * How a whole run sums this metric up: the total over steps (counts), the value after the
   * last step (states), or the mean over steps weighted by another metric (rates: adoption rate
   * weighted by proposals is all adopted / all proposals).
   */
  whole: 'total' | 'final' | { weightedBy: string };
  record(world: World, state: RunState, o: number): number;
  /**
   * When the metric has no value this step (and `record` returns NaN). A NaN at any other time,
   * or an infinity ever, is a fault: the run stops with a NonFiniteError (engine/finite-guard.ts).
   */
  emptyWhen?(world: World, state: RunState, o: number): boolean;
}
