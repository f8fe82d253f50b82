import { describe, expect, it } from 'vitest';
import type { MemberKernels } from '../../../src/engine/kernels/member-kernels.js';
import type { Phase } from '../../../src/engine/phase.js';
import { markHere } from '../../../src/engine/phases/deliberate.js';
import {
  adversity,
  complianceLogit,
  complianceTerms,
  complyHere,
} from '../../../src/engine/phases/implement.js';
import { DEFAULT_PHASES } from '../../../src/engine/phases/index.js';
import { scoreMember, scoringTerms } from '../../../src/engine/score.js';
import type { RunResult } from '../../../src/engine/simulate.js';
import type { RunState } from '../../../src/engine/state.js';
import type { TraceRecord } from '../../../src/engine/trace.js';
import { compileWorld, type World } from '../../../src/engine/world.js';
import { simulateRecorded } from '../../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { repoFile } from '../../helpers.js';

/**
 * Deliberation, the votes and compliance in WebAssembly (kernels/member-kernels.wat) against the
 * same in JavaScript (markHere, castHere, complyHere; the tiny-world tests check their scores and
 * chances by hand): the same world and seed run once with the kernels and once without must give
 * the same run, bit for bit — every value, every vote and score in the trace, the final trust.
 * The worlds are chosen to reach every branch: leading powers' stances and none, a temperature so
 * low that nearly every draw is off σ's grid (the exact tiers in JavaScript), one so high that
 * scores sit near σ's middle, and a rule that overrules members (their compliance falls).
 */
const world = (overrides: Record<string, unknown> = {}) =>
  compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml'), { overrides }).scenario, { years: 6 });

/** The shipped phases, after one that notes whether the run has the kernel and, for `withoutKernel`, takes it away. */
function phases(withoutKernel: boolean, seen: { kernel: boolean }): Phase[] {
  const first: Phase = {
    name: 'kernelSwitch',
    mechanism: 'the test of the member kernels',
    keepsSalience: true,
    run: (world, state) => {
      seen.kernel = state.memberKernels !== null;
      if (withoutKernel) state.memberKernels = null;
      else if (state.memberKernels) state.memberKernels = checkingScores(world, state, state.memberKernels);
    },
  };
  return [first, ...DEFAULT_PHASES];
}

/**
 * The kernels, with each call checked against JavaScript bit for bit: each vote's score against
 * scoreMember's, each round of deliberation against markHere's, each compliance round against
 * complyHere's (run again on the same numbers) and each compliance logit against
 * complianceLogit's — a vote or a compliance is drawn from a number, and equal outcomes alone
 * would not show equal numbers.
 */
function checkingScores(world: World, state: RunState, kernel: MemberKernels): MemberKernels {
  const { temperature } = world.parameters.voting;
  return {
    ...kernel,
    vote(row, count) {
      kernel.vote(row, count);
      const terms = scoringTerms(world, state, row / world.n);
      for (let v = 0; v < count; v++) {
        const expected = scoreMember(world, state, terms, kernel.voters[v], null) / temperature;
        if (!Object.is(kernel.x[v], expected)) mismatches.push(`${kernel.x[v]} ≠ ${expected}`);
      }
      scored.count += count;
    },
    markObjectors(row, count, tested, firstSettles, threshold, boundary, dim) {
      const first = kernel.markObjectors(row, count, tested, firstSettles, threshold, boundary, dim);
      const terms = scoringTerms(world, state, row / world.n);
      const marks = () => Array.from(state.votes.subarray(row, row + world.n));
      const inKernel = marks();
      const again = markHere(world, state, terms, threshold, boundary, firstSettles === 1, tested);
      if (again !== first || JSON.stringify(marks()) !== JSON.stringify(inKernel))
        mismatches.push(`deliberation in ${world.orgIds[terms.o]} at step ${state.step}`);
      deliberated.count += 1;
      return first;
    },
    comply(o, partner, size, b, cost, monitoring) {
      kernel.comply(o, partner, size, b, cost, monitoring);
      const list = Array.from(state.participantList.subarray(0, size));
      const outcome = () => ({
        done: list.map((i) => state.implementedBy[i]),
        positive: list.map((i) => String(state.participantPositive[i])),
        negative: list.map((i) => String(state.participantNegative[i])),
      });
      const inKernel = outcome();
      const logits = Array.from(kernel.x.subarray(0, size), String);
      // The reference, with the same uniform numbers: it writes the same arrays over again.
      const uniforms = Array.from(kernel.uniforms.subarray(0, size));
      let k = 0;
      complyHere(world, state, { next: () => uniforms[k++] }, o, partner, b, cost, size);
      const terms = complianceTerms(world, state, o, b, cost);
      const below = world.parameters.implementation.adversaryBelow;
      const expectedLogits = list.map((i) =>
        String(
          complianceLogit(
            world,
            terms,
            i,
            adversity(world, state, i, o, partner, below),
            state.participantOverruled[i],
          ),
        ),
      );
      if (JSON.stringify([inKernel, logits]) !== JSON.stringify([outcome(), expectedLogits]))
        mismatches.push(`compliance of ${list.length} in ${world.orgIds[o]} at step ${state.step}`);
      complied.count += size;
    },
  };
}
const mismatches: string[] = [];
const scored = { count: 0 };
const complied = { count: 0 };
const deliberated = { count: 0 };

function runTwice(w: World, seed: number) {
  const seen = { kernel: false };
  const run = (withoutKernel: boolean) => {
    const trace: TraceRecord[] = [];
    const result = simulateRecorded(w, seed, {
      phases: phases(withoutKernel, seen),
      trace: (record) => trace.push(record),
    });
    return { result, trace, hadKernel: seen.kernel };
  };
  return { kernel: run(false), javascript: run(true) };
}

const bits = (result: RunResult) => ({
  values: Array.from(result.values, String),
  trust: Array.from(result.finalTrust ?? [], String),
  vetoes: Array.from(result.vetoesByState ?? [], String),
});

describe('the member kernels (votes, compliance)', () => {
  // Votes so near a coin's that nothing passes under consensus: no compliance rounds to compare.
  const adoptsNothing = 'a high temperature, no abstention';
  const cases: [string, Record<string, unknown>][] = [
    ['the built-in world', {}],
    ['no leading powers', { 'parameters.voting.leaderWeight': 0 }],
    ['a strong pull of leading powers', { 'parameters.voting.leaderWeight': 0.9 }],
    ['a temperature that sends draws off the grid', { 'parameters.voting.temperature': 0.01 }],
    [adoptsNothing, { 'parameters.voting.temperature': 5, 'parameters.voting.abstention': 0 }],
    ['consensus-minus-1 in CICA', { 'organisations.CICA.rules.cbm': { kind: 'consensus-minus', k: 1 } }],
  ];
  for (const [name, overrides] of cases)
    it(`votes and complies as JavaScript does, bit for bit: ${name}`, () => {
      const w = world(overrides);
      let votes = 0;
      for (const seed of [1, 2, 3]) {
        const { kernel, javascript } = runTwice(w, seed);
        expect(kernel.hadKernel).toBe(true);
        expect(bits(kernel.result)).toEqual(bits(javascript.result));
        // Every vote and its score, proposal by proposal.
        expect(JSON.stringify(kernel.trace)).toBe(JSON.stringify(javascript.trace));
        votes += kernel.trace.filter((record) => record.type === 'proposal').length;
      }
      expect(votes).toBeGreaterThan(20);
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(scored.count).toBeGreaterThan(500);
      if (name !== adoptsNothing) expect(complied.count).toBeGreaterThan(500);
      expect(deliberated.count).toBeGreaterThan(50);
      scored.count = 0;
      deliberated.count = 0;
      complied.count = 0;
    });

  it('a world with a formula keeps its votes in JavaScript, where mathjs evaluates it', () => {
    const w = world({ 'parameters.voting.formula': 'builtin + 0.1 * (trust_proposer - trust_members)' });
    const { kernel, javascript } = runTwice(w, 4);
    expect(bits(kernel.result)).toEqual(bits(javascript.result));
  });
});
