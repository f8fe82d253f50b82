import { yearOfStep } from '../model/calendar.js';
import { type Phase, runStep } from './phase.js';
import { createRunRandom } from './random.js';
import { createRunState, type RunState } from './state.js';
import type { World } from './world.js';

/**
 * The guard that keeps NaN and infinities out of outputs. The step loop checks only what it
 * records (a few numbers a step); when one is wrong, the run is replayed from its seed with every
 * phase checked, to name the mechanism that first made a number non-finite. A run is
 * deterministic, so the replay meets the same fault.
 */
export class NonFiniteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonFiniteError';
  }
}

/** Fields where NaN or −∞ is a sentinel ("not yet", "never"), not a fault. */
const SENTINEL_FIELDS = new Set([
  'admittedStep',
  'rungReachedStep',
  'lastFailedReformStep',
  'lastApplicationStep',
  // Empty (NaN) below two members, as their metrics are.
  'memberMeanTrust',
  'memberCohesion',
]);

/** The first state field holding a non-finite number, as "field[index]", or undefined. */
export function firstNonFiniteField(state: RunState): string | undefined {
  const fields: [string, unknown][] = [
    ['trust.positive', state.trust.positive],
    ['trust.negative', state.trust.negative],
    ...Object.entries(state),
  ];
  for (const [name, value] of fields) {
    if (!(value instanceof Float64Array) || SENTINEL_FIELDS.has(name)) continue;
    for (let i = 0; i < value.length; i++) if (!Number.isFinite(value[i])) return `${name}[${i}]`;
  }
  return undefined;
}

/** Where the step loop saw a non-finite number: "the metric mean_trust of CICA", at a step. */
export interface NonFiniteSighting {
  step: number;
  what: string;
  value: number;
}

/** Replays the run to `found.step` with every phase checked; the error names what went wrong. */
export function diagnoseNonFinite(
  world: World,
  seed: number | string,
  phases: readonly Phase[],
  found: NonFiniteSighting,
): NonFiniteError {
  const random = createRunRandom(seed, world.orgIds);
  const state = createRunState(world);
  const when = (step: number) => `step ${step} (year ${yearOfStep(world, step)})`;
  let fault: NonFiniteError | null = null;
  for (let step = 1; step <= found.step && !fault; step++) {
    state.step = step;
    runStep(world, state, random, phases, (phase) => {
      const field = firstNonFiniteField(state);
      if (field)
        fault = new NonFiniteError(
          `${phase.mechanism} produced a non-finite number in ${field} at ${when(step)} of the run with seed ${seed}; check those parameters for extreme values`,
        );
      return fault !== null;
    });
  }
  if (fault) return fault;
  return new NonFiniteError(
    `${found.what} was ${found.value} at ${when(found.step)} of the run with seed ${seed}, though every state value was finite`,
  );
}
