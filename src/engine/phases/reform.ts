import { ABSTAIN, YES } from '../../rules/votes.js';
import type { RunRandom } from '../random.js';
import { drawVote } from '../score.js';
import { chairOf, currentYear, isMember, orgPasses, type RunState, refreshRules } from '../state.js';
import type { TraceVote } from '../trace.js';
import type { World } from '../world.js';
import { voteName } from './enlarge.js';
import { resentOverruling } from './overruling.js';

/**
 * Institutions (docs/MODEL.md §Institutions). At the end of a step each organisation updates its
 * record (an exponential average of its compliance, weight institutions.recordUpdate). When the next rung of its ladder is within
 * reach — mean member trust, implementations since the run began, and years since the last reform
 * meet the rung's requirements — the chair puts the reform to a vote under the organisation's
 * rule for reforms (after a failed vote, not again for institutions.retryYears). Member i's interest:
 *
 *   score = institutions.interest + institutions.recordWeight × (record − ½)
 *         − voting.sovereigntyWeight × sovereignty[i] × bindingness(rung)
 *         + voting.memberTrustWeight × (mean trust(i → other members) − ½)
 *
 * drawn into yes/abstain/no as CBM votes are. Passing climbs one rung: its effects apply from the
 * next step, and the rules in force are recompiled. A ladder is climbed one rung at a time.
 */
export function reformInstitutions(world: World, state: RunState, random: RunRandom): void {
  const { enabled, interest, recordWeight, retryYears, recordUpdate, chairChampions } =
    world.parameters.institutions;
  const { temperature, abstention, sovereigntyWeight, memberTrustWeight } = world.parameters.voting;
  const { n } = world;
  for (let o = 0; o < world.orgCount; o++) {
    // The record is of kept commitments: the share of the implementations due that were made.
    if (state.obligations[o] > 0) {
      state.adoptionRecord[o] +=
        recordUpdate * (state.implemented[o] / state.obligations[o] - state.adoptionRecord[o]);
    }
    if (!enabled || state.memberCount[o] === 0) continue;
    const stage = state.stage[o];
    if (stage >= world.rungNames[o].length) continue;
    const rung = world.rungOffset[o] + stage;
    const ready =
      state.orgMeanTrust[o] >= world.rungMeanTrust[rung] &&
      state.implementedTotal[o] >= world.rungCbmsImplemented[rung] &&
      state.step - state.lastReformStep[o] >= world.rungStepsSinceReform[rung] &&
      state.step - state.lastFailedReformStep[o] >= retryYears * world.stepsPerYear;
    if (!ready) continue;

    const row = state.scratchRow * n;
    const chair = chairOf(world, state, o);
    const rng = random.reform[o];
    const count = state.memberCount[o];
    const traced: TraceVote[] | null = state.trace ? [] : null;
    for (let m = 0; m < count; m++) {
      const i = state.memberList[o * n + m];
      // The chair tables the reform and, by default, champions it (institutions.chairChampions).
      if (i === chair && chairChampions) {
        state.votes[row + i] = YES;
        traced?.push({ state: world.stateIds[i], vote: 'yes', score: Number.NaN });
        continue;
      }
      const score =
        interest +
        recordWeight * (state.adoptionRecord[o] - 0.5) -
        sovereigntyWeight * world.sovereignty[i] * world.rungBindingness[rung] +
        memberTrustWeight * (state.meanTrustToMembers[o * n + i] - 0.5);
      state.votes[row + i] = drawVote(score, temperature, abstention, rng.next());
      traced?.push({ state: world.stateIds[i], vote: voteName(state.votes[row + i]), score });
    }
    // A chair that is not a member (an observer chairing) proposes but does not vote.
    if (!isMember(state, n, o, chair)) state.votes[row + chair] = ABSTAIN;
    const rule = state.rules.reform[o];
    const passed = orgPasses(world, state, o, rule, state.scratchRow);
    if (traced) {
      state.trace?.({
        type: 'reform',
        step: state.step,
        year: currentYear(world, state),
        org: world.orgIds[o],
        rung: world.rungNames[o][stage],
        votes: traced,
        passed,
      });
    }
    if (!passed) {
      state.lastFailedReformStep[o] = state.step;
      continue;
    }
    resentOverruling(world, state, o, rule, state.scratchRow);
    state.stage[o] = stage + 1;
    state.lastReformStep[o] = state.step;
    state.rungReachedStep[rung] = state.step;
    state.reforms[o]++;
    refreshRules(world, state, o);
  }
}
