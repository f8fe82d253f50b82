import type { RunRandom } from './random.js';
import type { RunState } from './state.js';
import type { World } from './world.js';

/**
 * A phase of a step: reads the World, changes the RunState, draws only from the run's random
 * streams. `simulate` runs a list of phases in a fixed order each step.
 */
export type Phase = (world: World, state: RunState, random: RunRandom) => void;
