import { YES } from '../../rules/votes.js';
import type { MemberKernels } from '../kernels/member-kernels.js';
import type { RunRandom } from '../random.js';
import {
  champions,
  drawVote,
  leaderStances,
  type ScoringTerms,
  scoreMember,
  scoringTerms,
} from '../score.js';
import type { RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Every member votes on every tabled proposal (docs/MODEL.md §Voting). With x = score/temperature
 * and a = abstention:
 *   P(yes) = σ(x − a),  P(no) = σ(−x − a),  P(abstain) = 1 − P(yes) − P(no) ≥ 0.
 * One uniform draw u per vote: yes if u < P(yes), no if u ≥ 1 − P(no), abstain otherwise.
 * The proposer, and the coordinators of the measure's dimension, vote yes without a draw.
 *
 * The built-in score's votes are cast in WebAssembly where the run has the kernel (a scenario's
 * formula is evaluated here): the same scores, draws and votes, bit for bit.
 */
export function castVotes(world: World, state: RunState, random: RunRandom): void {
  const kernel = world.formula ? null : state.memberKernels;
  for (let p = 0; p < state.proposalCount; p++) {
    const terms = scoringTerms(world, state, p);
    const stances = leaderStances(world, state, state.leaderStance);
    if (kernel) castInKernel(world, state, random, terms, kernel);
    else castHere(world, state, random, terms, stances);
  }
}

/** Each member's vote on the proposal of `terms`, scored and drawn in JavaScript: the reference. */
function castHere(
  world: World,
  state: RunState,
  random: RunRandom,
  terms: ScoringTerms,
  stances: Float64Array | null,
): void {
  const { n } = world;
  const { temperature, abstention } = world.parameters.voting;
  const { p, o } = terms;
  const rng = random.votes[o];
  for (let m = 0; m < state.memberCount[o]; m++) {
    const i = state.memberList[o * n + m];
    // The proposer, and the coordinators of the measure's dimension, champion it.
    if (champions(world, terms, i)) {
      state.votes[p * n + i] = YES;
      continue;
    }
    state.votes[p * n + i] = drawVote(
      scoreMember(world, state, terms, i, stances),
      temperature,
      abstention,
      rng.next(),
    );
  }
}

/** castHere's votes, the champions' and the uniform numbers drawn here, the rest in the kernel. */
function castInKernel(
  world: World,
  state: RunState,
  random: RunRandom,
  terms: ScoringTerms,
  kernel: MemberKernels,
): void {
  const { n } = world;
  const { p, o } = terms;
  const rng = random.votes[o];
  const { voters, uniforms } = kernel;
  let count = 0;
  for (let m = 0; m < state.memberCount[o]; m++) {
    const i = state.memberList[o * n + m];
    if (champions(world, terms, i)) {
      state.votes[p * n + i] = YES;
      continue;
    }
    // Scoring draws nothing, so drawing every voter's number first keeps the stream's order.
    voters[count] = i;
    uniforms[count++] = rng.next();
  }
  kernel.setProposal(state.step, terms, state.salienceEpoch, state.leaderStanceEpoch);
  kernel.vote(p * n, count);
}
