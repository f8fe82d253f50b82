import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { assessTrust } from '../src/engine/phases/assess.js';
import type { RunRandom } from '../src/engine/random.js';
import { createRunState, type RunState } from '../src/engine/state.js';
import type { World } from '../src/engine/world.js';
import type { PowerRow } from '../src/tables/outcome-tables.js';
import type { Rng } from '../src/util/rng.js';

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Runs the built CLI (dist/, built by `pretest`) from the repository root; `env` adds variables. */
export function cli(...args: string[]) {
  return cliWith({}, ...args);
}

export function cliWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [repoFile('dist/cli/main.js'), ...args], {
    encoding: 'utf8',
    cwd: repoFile('.'),
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The tables an experiment writes, which must not depend on threads, shards or interruptions. */
export const EXPERIMENT_TABLES = [
  'runs.csv',
  'timeseries.csv',
  'compare.csv',
  'points.csv',
  'summaries.csv',
  'vetoes.csv',
  'trust.csv',
  'milestones.csv',
  'admissions.csv',
  'failures.csv',
];

export function expectSameTables(a: string, b: string, tables = EXPERIMENT_TABLES) {
  for (const table of tables) {
    expect(readFileSync(join(b, table), 'utf8'), `${table} differs`).toBe(
      readFileSync(join(a, table), 'utf8'),
    );
  }
}

/** A stream that returns the given numbers in order, so a test can decide every draw by hand. */
export function scriptedRng(draws: number[]): Rng & { remaining: () => number } {
  let next = 0;
  return {
    next() {
      if (next >= draws.length) throw new Error(`scripted stream ran out after ${draws.length} draws`);
      return draws[next++];
    },
    remaining: () => draws.length - next,
  };
}

/** Every stream of a run replaced by one scripted stream, for phases tested on a one-organisation world. */
export function scriptedRandom(draws: number[]): RunRandom & { remaining: () => number } {
  const rng = scriptedRng(draws);
  return {
    events: rng,
    agenda: [rng],
    votes: [rng],
    enlargement: [rng],
    partnership: rng,
    implementation: [rng],
    reform: [rng],
    remaining: rng.remaining,
  };
}

/** A state at step 1 with the single CBM tabled by `proposer`, as the agenda phase would. */
export function stateWithProposal(world: World, proposer: number): RunState {
  const state = createRunState(world);
  state.step = 1;
  assessTrust(world, state);
  state.proposalCount = 1;
  state.proposalOrg[0] = 0;
  state.proposalCbm[0] = 0;
  state.proposalProposer[0] = proposer;
  state.proposalBindingness[0] = world.cbmBindingness[0];
  state.proposalCost[0] = world.cbmCost[0];
  state.proposalBenefit[0] = 1;
  state.proposals[0] = 1;
  return state;
}

/** A row of power.csv for tests: a member's Banzhaf index (Shapley–Shubik the same) under unanimity in CICA. */
export function powerRow(
  variant: string,
  member: string,
  banzhaf: number,
  passage_probability = 0.1,
): PowerRow {
  return {
    variant,
    org: 'CICA',
    kind: 'cbm',
    rule: 'unanimity',
    member,
    banzhaf,
    shapley_shubik: banzhaf,
    passage_probability,
    method: 'exact',
  };
}
