import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { customPhase } from '../../dist/engine/phase.js';
import { DEFAULT_PHASES } from '../../dist/engine/phases/index.js';
import { compileWorld } from '../../dist/engine/world.js';
import { simulateRecorded } from '../../dist/metrics/simulate-recorded.js';
import { generateScenario } from '../../dist/scenario/generate.js';
import { loadScenario } from '../../dist/scenario/load.js';
import { mainThreadCpuMs } from './thread-cpu.js';

/** Single-thread figures of the engine: runs per second, and the cost of a step by world size. */

const builtIn = new URL('../../scenarios/asia-2025.yaml', import.meta.url).pathname;

/**
 * Ten-year runs of the built-in world per second of this thread's CPU time, after a warm-up (per
 * second on the wall where the system cannot tell a thread's CPU time: thread-cpu.ts). The wall
 * would count the time a shared machine's host gave the core to others, which moved this figure
 * by a fifth from run to run.
 */
export function builtinRunsPerSecond(seconds: number, formula?: string): number {
  const overrides = formula ? { 'parameters.voting.formula': formula } : undefined;
  const world = compileWorld(loadScenario(builtIn, { overrides }).scenario, { years: 10 });
  for (let seed = 0; seed < 50; seed++) simulateRecorded(world, seed);
  const started = performance.now();
  const startedCpu = mainThreadCpuMs();
  let runs = 0;
  while (performance.now() - started < seconds * 1000) simulateRecorded(world, 1000 + runs++);
  const cpu = mainThreadCpuMs();
  const elapsed = startedCpu !== null && cpu !== null ? cpu - startedCpu : performance.now() - started;
  return runs / (elapsed / 1000);
}

/** The organisations of a synthetic world of n states: regional forums of about fifty. */
export const orgsFor = (states: number) => Math.max(3, Math.round(states / 25));

/**
 * Milliseconds per step of a synthetic world of `states` states, every phase and recorder
 * included: a first phase notes the time each step starts, and the step's cost is the time to
 * the next step's start (the median over steps and runs). The per-run set-up — allocating the
 * n² trust store, reading out the final trust — is not stepping, and is not counted.
 */
export function stepMilliseconds(states: number, runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'cica-bench-'));
  const file = join(dir, `synthetic-${states}.yaml`);
  writeFileSync(file, stringify(generateScenario({ states, orgs: orgsFor(states), seed: 1 })));
  const { scenario } = loadScenario(file);
  const years = states >= 2000 ? 1 : states >= 500 ? 2 : 5;
  const world = compileWorld(scenario, { years });
  const starts: number[] = [];
  const noteStart = () => {
    starts.push(performance.now());
  };
  const steps: number[] = [];
  for (let run = 0; run <= runs; run++) {
    starts.length = 0;
    simulateRecorded(world, run, { phases: [customPhase(noteStart), ...DEFAULT_PHASES] });
    if (run === 0) continue; // warm-up
    for (let k = 1; k < starts.length; k++) steps.push(starts[k] - starts[k - 1]);
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/** The least-squares slope of log(cost) against log(size): cost grows as size^slope. */
export function growthExponent(points: { size: number; cost: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.cost));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < xs.length; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  return sxy / sxx;
}
