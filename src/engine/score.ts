import { yearOfStep } from '../model/calendar.js';
import { DIMENSION_COLUMNS, DIMENSION_COUNT, DIMENSIONS } from '../model/dimensions.js';
import { type CompiledFormula, FormulaValueError } from '../model/formula.js';
import { ABSTAIN, NO, type Vote, YES } from '../rules/votes.js';
import { atLeastComplementOfLogistic, belowLogistic, logistic } from '../util/logistic-draw.js';
import type { KernelProposal } from './kernels/member-kernels.js';
import type { RunState } from './state.js';
import { trustAt } from './trust.js';
import type { World } from './world.js';

/**
 * How much state i wants proposal p (CBM c, as amended: bindingness b_p, cost c_p, share of
 * benefit still delivered β_p) adopted (docs/MODEL.md §Voting):
 *
 *   score = own(i) + leaderWeight × Σ_g tie(i, g) × stance(g)          (g: i's leading powers among the members)
 *   own(i) = β_p × Σ_d salience[i,d] × benefit[c,d]
 *          − c_p × (1 + sovereigntyWeight × sovereignty[i] × b_p)
 *          + proposerTrustWeight × (trust(i → proposer) − ½)
 *          + memberTrustWeight × (mean trust(i → other members) − ½)
 *   stance(g) = P(yes) − P(no) of g's vote drawn from own(g)
 *
 * Sovereignty-sensitive states pay more for binding measures; trust in the proposer and in
 * those who would take part makes a state readier to say yes; an ally or partner of a great
 * power leans the way it expects that power to vote.
 */
export function scoreProposal(
  world: World,
  state: RunState,
  p: number,
  i: number,
  stances: Float64Array | null = null,
): number {
  return scoreMember(world, state, scoringTerms(world, state, p), i, stances);
}

/**
 * What every member's score on one proposal shares, read once per proposal (scoringTerms) rather
 * than once per member: the phases that score a whole membership (the votes, deliberation's
 * rounds) read them once and call scoreMember for each member.
 */
export interface ScoringTerms extends KernelProposal {
  /** The proposal's index (its votes row). */
  p: number;
}

/** The terms of proposal p, in the run's one ScoringTerms (state.scoringTerms): valid until the next call. */
export function scoringTerms(world: World, state: RunState, p: number): ScoringTerms {
  const terms = state.scoringTerms;
  const o = state.proposalOrg[p];
  terms.p = p;
  terms.o = o;
  terms.c = state.proposalCbm[p];
  terms.proposer = state.proposalProposer[p];
  terms.benefitShare = state.proposalBenefit[p];
  terms.cost = state.proposalCost[p];
  terms.bindingness = state.proposalBindingness[p];
  terms.sidePayment = world.stageSidePayment[world.stageOffset[o] + state.stage[o]];
  return terms;
}

/** scoreProposal of member i, with the proposal's terms already read. */
export function scoreMember(
  world: World,
  state: RunState,
  terms: ScoringTerms,
  i: number,
  stances: Float64Array | null,
): number {
  let score = ownScore(world, state, terms, i);
  const { leaderWeight } = world.parameters.voting;
  if (leaderWeight !== 0) {
    const row = terms.o * world.n;
    for (let k = world.leaderOffset[i]; k < world.leaderOffset[i + 1]; k++) {
      const g = world.leaderState[k];
      if (!state.memberMark[row + g]) continue;
      let stance: number;
      if (!stances) stance = stanceOf(world, state, terms, g);
      else if (state.leaderStanceStamp[g] === state.leaderStanceEpoch) stance = stances[g];
      else {
        stance = stanceOf(world, state, terms, g);
        stances[g] = stance;
        state.leaderStanceStamp[g] = state.leaderStanceEpoch;
      }
      score += leaderWeight * world.leaderTie[k] * stance;
    }
  }
  // A Fund, once built, pays members who would lose by the measure (docs/MODEL.md §Institutions).
  return score < 0 ? score + terms.sidePayment : score;
}

/** P(yes) − P(no) of leading power g on the proposal, from its own score. */
function stanceOf(world: World, state: RunState, terms: ScoringTerms, g: number): number {
  const { temperature, abstention } = world.parameters.voting;
  const x = ownScore(world, state, terms, g) / temperature;
  return logistic(x - abstention) - logistic(-x - abstention);
}

/**
 * A fresh cache of the leading powers' stances on proposal p (state.leaderStance), so that scoring
 * every member of a proposal computes each power's stance once, when first needed. Valid while
 * the proposal and trust are unchanged (within one round of deliberation, or one vote).
 */
export function leaderStances(world: World, state: RunState, stances: Float64Array): Float64Array | null {
  if (world.parameters.voting.leaderWeight === 0) return null;
  state.leaderStanceEpoch++;
  return stances;
}

/** State i's own interest in the proposal, before its leading powers' pull (the formula's, if any). */
function ownScore(world: World, state: RunState, terms: ScoringTerms, i: number): number {
  const { voting } = world.parameters;
  const benefit = salienceBenefit(world, state, i, terms.c) * terms.benefitShare;
  const cost = terms.cost * (1 + voting.sovereigntyWeight * world.sovereignty[i] * terms.bindingness);
  const proposerTrust = trustAt(state.trust, i, terms.proposer, state.step);
  const memberTrust = state.meanTrustToMembers[terms.o * world.n + i];
  const builtin =
    benefit -
    cost +
    voting.proposerTrustWeight * (proposerTrust - 0.5) +
    voting.memberTrustWeight * (memberTrust - 0.5);
  // A scenario's formula replaces the built-in score; without one, mathjs is never called.
  return world.formula
    ? formulaScore(world, state, world.formula, terms.p, i, builtin, benefit, proposerTrust, memberTrust)
    : builtin;
}

/** Σ_d salience[i,d] × benefit[c,d], computed once while salience stands (state.salienceBenefit). */
function salienceBenefit(world: World, state: RunState, i: number, c: number): number {
  const key = i * world.cbmCount + c;
  if (state.salienceBenefitAt[key] === state.salienceEpoch) return state.salienceBenefit[key];
  let sum = 0;
  for (let d = 0; d < DIMENSION_COUNT; d++)
    sum += state.salience[i * DIMENSION_COUNT + d] * world.cbmBenefit[c * DIMENSION_COUNT + d];
  state.salienceBenefit[key] = sum;
  state.salienceBenefitAt[key] = state.salienceEpoch;
  return sum;
}

/** The scenario's formula, with the scope filled in place (docs/MODEL.md §Voting). */
function formulaScore(
  world: World,
  state: RunState,
  formula: CompiledFormula,
  p: number,
  i: number,
  builtin: number,
  benefit: number,
  proposerTrust: number,
  memberTrust: number,
): number {
  const { scope } = formula;
  const c = state.proposalCbm[p];
  scope.builtin = builtin;
  scope.benefit = benefit;
  scope.cost = state.proposalCost[p];
  scope.bindingness = state.proposalBindingness[p];
  scope.sovereignty = world.sovereignty[i];
  scope.trust_proposer = proposerTrust;
  scope.trust_members = memberTrust;
  // The ten per-dimension variables only when the formula reads one of them.
  if (formula.usesDimensions)
    for (let d = 0; d < DIMENSION_COUNT; d++) {
      scope[SALIENCE_VARIABLES[d]] = state.salience[i * DIMENSION_COUNT + d];
      scope[BENEFIT_VARIABLES[d]] = world.cbmBenefit[c * DIMENSION_COUNT + d] * state.proposalBenefit[p];
    }
  try {
    return formula.evaluate();
  } catch (error) {
    if (!(error instanceof FormulaValueError)) throw error;
    const where = `for ${world.stateIds[i]} on ${world.cbmIds[c]} in ${world.orgIds[state.proposalOrg[p]]} at step ${state.step} (year ${yearOfStep(world, state.step)})`;
    throw new FormulaValueError(error.formula, error.value, error.values, where);
  }
}

const SALIENCE_VARIABLES = DIMENSIONS.map((d) => `salience_${DIMENSION_COLUMNS[d]}`);
const BENEFIT_VARIABLES = DIMENSIONS.map((d) => `benefit_${DIMENSION_COLUMNS[d]}`);

/**
 * A vote drawn from an interest (docs/MODEL.md §Voting): with x = score / temperature and a the
 * abstention width, yes when u < σ(x − a), no when u ≥ 1 − σ(−x − a), abstain in between. Every
 * vote in the model — on CBMs, reforms, admissions, partnerships — is drawn this way.
 */
export function drawVote(score: number, temperature: number, abstention: number, u: number): Vote {
  const x = score / temperature;
  // u < σ(x − a) and u ≥ 1 − σ(−x − a), decided mostly without Math.exp (util/logistic-draw.ts).
  return belowLogistic(u, x - abstention)
    ? YES
    : atLeastComplementOfLogistic(u, -x - abstention)
      ? NO
      : ABSTAIN;
}

/** P(no) of member i on proposal p: σ(−score/temperature − abstention) (docs/MODEL.md §Voting). */
export function objectionProbability(world: World, state: RunState, p: number, i: number): number {
  const { temperature, abstention } = world.parameters.voting;
  return logistic(-scoreProposal(world, state, p, i) / temperature - abstention);
}

/** The argument of σ at which P(no) equals `threshold`: log(θ / (1 − θ)). */
export function objectionBoundary(threshold: number): number {
  return Math.log(threshold / (1 - threshold));
}

/**
 * Whether P(no) of member i on the proposal of `terms` is at least `threshold` (deliberation's test of a
 * likely objector): objectionProbability(…) ≥ threshold, without Math.exp in all but a sliver of
 * cases. σ is increasing, so away from `boundary` (objectionBoundary(threshold)) comparing
 * arguments decides; within 1e-6 of it, or for thresholds so near 0 or 1 that the margin would
 * not cover rounding, σ is computed as objectionProbability does.
 */
export function objects(
  world: World,
  state: RunState,
  terms: ScoringTerms,
  i: number,
  threshold: number,
  boundary: number,
  stances: Float64Array | null = null,
): boolean {
  const { temperature, abstention } = world.parameters.voting;
  const x = -scoreMember(world, state, terms, i, stances) / temperature - abstention;
  if (threshold > 1e-6 && threshold < 1 - 1e-6) {
    if (x > boundary + 1e-6) return true;
    if (x < boundary - 1e-6) return false;
  }
  return logistic(x) >= threshold;
}

/**
 * Whether member i champions the proposal — its proposer, or a coordinator of its dimension — and so
 * votes yes without a draw (phases/vote.ts) and is never a likely objector (phases/deliberate.ts).
 */
export function champions(world: World, terms: ScoringTerms, i: number): boolean {
  return (
    i === terms.proposer ||
    world.coordinator[(terms.o * world.n + i) * DIMENSION_COUNT + world.cbmDimension[terms.c]] === 1
  );
}
