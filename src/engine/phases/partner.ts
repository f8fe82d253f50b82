import type { RunRandom } from '../random.js';
import { drawVote } from '../score.js';
import { currentYear, orgPasses, type RunState } from '../state.js';
import { trustAt } from '../trust.js';
import type { World } from '../world.js';

/**
 * Partnerships (docs/MODEL.md §Partnerships). Two organisations not yet partners take up a
 * partnership with probability partnerships.proposalRate / stepsPerYear each step; each votes
 * under its partnership rule, member i of one weighing
 *
 *   score = partnerships.interest + voting.memberTrustWeight × (mean trust(i → the other's members) − ½)
 *
 * and the partnership holds only if both pass it. Partners table joint CBMs (phases/agenda.ts).
 */
export function formPartnerships(world: World, state: RunState, random: RunRandom): void {
  const { enabled, proposalRate, interest } = world.parameters.partnerships;
  if (!enabled || proposalRate === 0) return;
  const { orgCount } = world;
  const rng = random.partnership;
  for (let a = 0; a < orgCount; a++) {
    for (let b = a + 1; b < orgCount; b++) {
      if (state.partnered[a * orgCount + b]) continue;
      // An organisation not yet founded has nobody to propose or vote.
      if (state.memberCount[a] === 0 || state.memberCount[b] === 0) continue;
      if (rng.next() >= proposalRate / world.stepsPerYear) continue;
      const passed =
        votesFor(world, state, rng, a, b, interest) && votesFor(world, state, rng, b, a, interest);
      state.trace?.({
        type: 'partnership',
        step: state.step,
        year: currentYear(world, state),
        org: world.orgIds[a],
        partner: world.orgIds[b],
        passed,
      });
      if (!passed) continue;
      state.partnered[a * orgCount + b] = 1;
      state.partnered[b * orgCount + a] = 1;
    }
  }
}

/** Organisation o's vote on a partnership with organisation other. */
function votesFor(
  world: World,
  state: RunState,
  rng: RunRandom['partnership'],
  o: number,
  other: number,
  interest: number,
): boolean {
  const { n } = world;
  const { temperature, abstention, memberTrustWeight } = world.parameters.voting;
  const row = state.scratchRow * n;
  const count = state.memberCount[o];
  const others = state.memberCount[other];
  for (let m = 0; m < count; m++) {
    const i = state.memberList[o * n + m];
    let trust = 0;
    for (let k = 0; k < others; k++)
      trust += trustAt(state.trust, i, state.memberList[other * n + k], state.step);
    const score = interest + memberTrustWeight * (trust / others - 0.5);
    state.votes[row + i] = drawVote(score, temperature, abstention, rng.next());
  }
  return orgPasses(world, state, o, state.rules.partnership[o], state.scratchRow);
}
