import type { RunRandom } from './random.js';
import { type RunState, resetStepCounters } from './state.js';
import type { World } from './world.js';

/** What a phase does: reads the World, changes the RunState, draws only from the run's random streams. */
export type PhaseRun = (world: World, state: RunState, random: RunRandom) => void;

/**
 * A phase of a step: its name, the mechanism it models in a user's words (with the parameters
 * that steer it, for messages such as the finite guard's), and what it does. `simulate` runs a
 * list of phases in a fixed order each step (phases/index.ts has the shipped ones).
 */
export interface Phase {
  name: string;
  mechanism: string;
  run: PhaseRun;
  /**
   * The phase never writes state.salience, so what the step computed from it stays valid after it
   * (state.salienceBenefit). Only shipped phases say so; a phase of one's own is assumed to.
   */
  keepsSalience?: boolean;
}

/** A phase of one's own (a model extension, a probe in a test), named after its function. */
export function customPhase(run: PhaseRun, name = run.name || '(unnamed)'): Phase {
  return { name, mechanism: `the phase ${name}`, run };
}

/**
 * One step: clear the step's counters, then run each phase in order. `afterPhase`, when given, is
 * called after each (the finite guard checks the state there). The one step loop of simulate and
 * of the guard's replay.
 */
export function runStep(
  world: World,
  state: RunState,
  random: RunRandom,
  phases: readonly Phase[],
  afterPhase?: (phase: Phase) => boolean,
): void {
  resetStepCounters(state);
  for (const phase of phases) {
    phase.run(world, state, random);
    // What was computed from salience is not kept past a phase that may change it (state.salienceBenefit).
    if (!phase.keepsSalience) state.salienceEpoch++;
    if (afterPhase?.(phase)) return;
  }
}
