import { YES } from '../../rules/votes.js';
import type { RunRandom } from '../random.js';
import { champions, drawVote, leaderStances, scoreMember, scoringTerms } from '../score.js';
import type { RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Every member votes on every tabled proposal (docs/MODEL.md §Voting). With x = score/temperature
 * and a = abstention:
 *   P(yes) = σ(x − a),  P(no) = σ(−x − a),  P(abstain) = 1 − P(yes) − P(no) ≥ 0.
 * One uniform draw u per vote: yes if u < P(yes), no if u ≥ 1 − P(no), abstain otherwise.
 * The proposer, and the coordinators of the measure's dimension, vote yes without a draw.
 */
export function castVotes(world: World, state: RunState, random: RunRandom): void {
  const { n } = world;
  const { temperature, abstention } = world.parameters.voting;
  for (let p = 0; p < state.proposalCount; p++) {
    const o = state.proposalOrg[p];
    const rng = random.votes[o];
    const terms = scoringTerms(world, state, p);
    const stances = leaderStances(world, state, state.leaderStance);
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
}
