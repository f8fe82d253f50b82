import type { Rng } from './rng.js';
import type { RunState } from './state.js';
import type { World } from './world.js';

/**
 * A phase of a step: reads the World, changes the RunState, draws only from the run's stream.
 * `simulate` runs a list of phases in a fixed order each step.
 */
export type Phase = (world: World, state: RunState, rng: Rng) => void;
