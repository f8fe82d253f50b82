import { NO, YES } from '../../rules/votes.js';
import { logistic } from '../../util/logistic-draw.js';
import type { RunRandom } from '../random.js';
import { drawVote } from '../score.js';
import { admitMember, currentYear, isMember, orgPasses, type RunState, refreshRules } from '../state.js';
import type { TraceVote } from '../trace.js';
import { trustAt } from '../trust.js';
import type { World } from '../world.js';
import { resentOverruling } from './overruling.js';

/**
 * Enlargement (docs/MODEL.md §Enlargement). Scheduled applications are made in their year.
 * Besides, each observer and dialogue partner that is not a member considers applying every step:
 *
 *   u = enlargement.interest + voting.memberTrustWeight × (mean trust(j → members) − ½)
 *     + institutions.recordWeight × (record − ½)
 *     − voting.sovereigntyWeight × sovereignty[j] × enlargement.membershipBindingness
 *   P(apply this step) = enlargement.applicationRate / stepsPerYear × σ(u / voting.temperature)
 *
 * An application goes to a vote under the organisation's accession rule; member i's interest in
 * admitting j is
 *
 *   score = enlargement.openness + enlargement.trustWeight × (trust(i → j) − ½)
 *         − enlargement.crowding × (members now / members at the start − 1)
 *
 * (more members, more voices: seed 004). Admitted states vote from the next proposal on; a
 * rejected one waits enlargement.reapplyYears before applying again.
 */
export function enlarge(world: World, state: RunState, random: RunRandom): void {
  while (
    state.nextApplication < world.applicationCount &&
    world.applicationStep[state.nextApplication] <= state.step
  ) {
    const a = state.nextApplication++;
    if (world.applicationStep[a] < state.step) continue; // scheduled before this run's first step
    const o = world.applicationOrg[a];
    const j = world.applicationState[a];
    // An organisation not yet founded takes no applications.
    if (state.memberCount[o] > 0 && !isMember(state, world.n, o, j))
      considerApplication(world, state, random, o, j);
  }
  const { enabled, applicationRate, interest, membershipBindingness, reapplyYears } =
    world.parameters.enlargement;
  if (!enabled || applicationRate === 0) return;
  const { temperature, sovereigntyWeight, memberTrustWeight } = world.parameters.voting;
  const { recordWeight } = world.parameters.institutions;
  const { n } = world;
  const reapplySteps = reapplyYears * world.stepsPerYear;
  for (let o = 0; o < world.orgCount; o++) {
    if (state.memberCount[o] === 0) continue;
    const rng = random.enlargement[o];
    for (let j = 0; j < n; j++) {
      if (!state.candidate[o * n + j] || isMember(state, n, o, j)) continue;
      if (state.step - state.lastApplicationStep[o * n + j] < reapplySteps) continue;
      // The draw comes first: at or above the chance with σ = 1 it cannot apply, whatever its trust.
      const draw = rng.next();
      const most = applicationRate / world.stepsPerYear;
      if (draw >= most) continue;
      let trust = 0;
      const count = state.memberCount[o];
      for (let m = 0; m < count; m++)
        trust += trustAt(state.trust, j, state.memberList[o * n + m], state.step);
      const u =
        interest +
        memberTrustWeight * (trust / count - 0.5) +
        recordWeight * (state.adoptionRecord[o] - 0.5) -
        sovereigntyWeight * world.sovereignty[j] * membershipBindingness;
      if (draw < most * logistic(u / temperature)) considerApplication(world, state, random, o, j);
    }
  }
}

function considerApplication(world: World, state: RunState, random: RunRandom, o: number, j: number): void {
  const { n } = world;
  const { openness, trustWeight, crowding } = world.parameters.enlargement;
  const { temperature, abstention } = world.parameters.voting;
  const rng = random.enlargement[o];
  state.applications[o]++;
  state.lastApplicationStep[o * n + j] = state.step;
  const count = state.memberCount[o];
  const growth = count / world.memberCount[o] - 1;
  const row = state.scratchRow * n;
  const traced: TraceVote[] | null = state.trace ? [] : null;
  for (let m = 0; m < count; m++) {
    const i = state.memberList[o * n + m];
    const score = openness + trustWeight * (trustAt(state.trust, i, j, state.step) - 0.5) - crowding * growth;
    state.votes[row + i] = drawVote(score, temperature, abstention, rng.next());
    traced?.push({ state: world.stateIds[i], vote: voteName(state.votes[row + i]), score });
  }
  const rule = state.rules.accession[o];
  const admitted = orgPasses(world, state, o, rule, state.scratchRow);
  if (traced) {
    state.trace?.({
      type: 'application',
      step: state.step,
      year: currentYear(world, state),
      org: world.orgIds[o],
      state: world.stateIds[j],
      votes: traced,
      admitted,
    });
  }
  if (!admitted) return;
  resentOverruling(world, state, o, rule, state.scratchRow);
  admitMember(world, state, o, j);
  state.admittedStep[o * n + j] = state.step;
  state.admissions[o]++;
  refreshRules(world, state, o);
}

export function voteName(vote: number): 'yes' | 'abstain' | 'no' {
  return vote === YES ? 'yes' : vote === NO ? 'no' : 'abstain';
}
