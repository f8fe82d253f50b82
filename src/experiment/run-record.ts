import type { RunResult } from '../engine/simulate.js';
import { METRIC_NAMES } from '../metrics/recorders.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * What a pool thread sends back for one run: one Float64Array (transferred, not copied) holding,
 * one after another, the time series, vetoes by state, the final trust matrix, the step each rung
 * was reached and the step each state was admitted. The main thread knows the sizes from the
 * scenario, so nothing but numbers crosses between threads.
 */
export interface RunShape {
  steps: number;
  stepsPerYear: number;
  startYear: number;
  orgIds: string[];
  stateIds: string[];
  subregions: string[];
  rungNames: string[][];
}

export function runShape(scenario: Scenario, years: number): RunShape {
  const stateIds = Object.keys(scenario.actors);
  const orgIds = Object.keys(scenario.organisations);
  return {
    steps: years * scenario.stepsPerYear,
    stepsPerYear: scenario.stepsPerYear,
    startYear: scenario.startYear,
    orgIds,
    stateIds,
    subregions: stateIds.map((id) => scenario.actors[id].subregion),
    rungNames: orgIds.map((id) => scenario.organisations[id].ladder.map((rung) => rung.name)),
  };
}

function sizes(shape: RunShape): number[] {
  const orgs = shape.orgIds.length;
  const n = shape.stateIds.length;
  const rungs = shape.rungNames.reduce((total, names) => total + names.length, 0);
  return [shape.steps * orgs * METRIC_NAMES.length, orgs * n, n * n, rungs, orgs * n];
}

export function packRun(result: RunResult): Float64Array {
  const parts = [
    result.values,
    result.vetoesByState,
    result.finalTrust,
    result.rungReachedStep,
    result.admittedStep,
  ] as Float64Array[];
  const packed = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    packed.set(part, offset);
    offset += part.length;
  }
  return packed;
}

/** The RunResult a packed array stands for (its arrays are views into `packed`). */
export function unpackRun(shape: RunShape, seed: number, packed: Float64Array): RunResult {
  const lengths = sizes(shape);
  const expected = lengths.reduce((a, b) => a + b, 0);
  if (packed.length !== expected)
    throw new Error(`a run came back with ${packed.length} numbers where ${expected} were expected`);
  const views: Float64Array[] = [];
  let offset = 0;
  for (const length of lengths) {
    views.push(packed.subarray(offset, offset + length));
    offset += length;
  }
  const [values, vetoesByState, finalTrust, rungReachedStep, admittedStep] = views;
  return {
    seed,
    steps: shape.steps,
    startYear: shape.startYear,
    stepsPerYear: shape.stepsPerYear,
    orgIds: shape.orgIds,
    metricNames: METRIC_NAMES,
    values,
    stateIds: shape.stateIds,
    vetoesByState,
    rungNames: shape.rungNames,
    rungReachedStep,
    admittedStep,
    finalTrust,
  };
}
