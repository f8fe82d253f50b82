import { DIMENSION_COUNT } from '../../model/dimensions.js';
import { NO } from '../../rules/votes.js';
import { belowLogistic, logit } from '../../util/logistic-draw.js';
import type { Rng } from '../../util/rng.js';
import type { RunRandom } from '../random.js';
import { type ComplianceTerms, currentYear, type RunState } from '../state.js';
import type { World } from '../world.js';

/**
 * Participants carry out measures (docs/MODEL.md §Implementation, §Measures in force). A measure
 * adopted this step is implemented at once and is then in force: its participants implement it
 * again every `implementation.periodYears`, until it lapses because fewer than
 * `implementation.lapseBelow` of them did. Each time, participant i implements with the chance
 *
 *   P(i) = σ( logit(probability) + capabilityWeight × (capability[i] − ½)
 *             − sovereigntyWeight × sovereignty[i] × b − costWeight × c
 *             − adversaryWeight × adversary[i] − overruledWeight × [i voted against it]
 *             + monitoring(o) )
 *
 * with b and c the bindingness and cost as adopted, adversary[i] = max(0, θ − trust(i→j)) / θ for
 * the member j of the organisation that i trusts least, θ = adversaryBelow, trust as assessed at
 * the start of the step (the security dilemma), and monitoring the logit added by the
 * institutions reached (a Secretariat: `effects.implementation`). Then, for every ordered pair
 * (i, j) of distinct participants, with j's signal
 *   signal(j) = (cheapTalk + signalWeight × c × b) × (1 + adversarySignal × adversary[j]):
 *   both implemented            → r[i→j] += implementationEvidence × signal(j)
 *   i implemented, j did not    → s[i→j] += defectionEvidence × signal(j)
 *   i did not                   → nothing (i learnt nothing new about j)
 * A costly, binding measure kept in the face of an adversary is a costly signal (Kydd 2005):
 * it earns more trust than cheap talk. The step's `implemented` counter counts participants who
 * implemented, measure by measure; `obligations` those who were due to.
 */
export function implementMeasures(world: World, state: RunState, random: RunRandom): void {
  for (let p = 0; p < state.proposalCount; p++) {
    if (!state.passed[p]) continue;
    // A joint CBM (two linked proposals) is implemented once, by the participants of both.
    const q = state.proposalPartner[p];
    if (q >= 0 && q < p) continue;
    implementAdopted(world, state, random, p, q);
  }
  implementInForce(world, state, random);
}

/** A measure adopted this step: implemented at once by its participants, then in force. */
function implementAdopted(world: World, state: RunState, random: RunRandom, p: number, q: number): void {
  const { n } = world;
  const list = state.participantList;
  const mark = state.participantMark;
  const overruled = state.participantOverruled;
  const linked = q >= 0 ? 2 : 1;
  let size = 0;
  for (let k = 0; k < linked; k++) {
    const r = k === 0 ? p : q;
    const ro = state.proposalOrg[r];
    for (let m = 0; m < state.memberCount[ro]; m++) {
      const i = state.memberList[ro * n + m];
      if (state.participants[r * n + i] && !mark[i]) {
        mark[i] = 1;
        overruled[i] = state.votes[r * n + i] === NO ? 1 : 0;
        list[size++] = i;
      }
    }
  }
  for (let k = 0; k < size; k++) mark[list[k]] = 0;
  const o = state.proposalOrg[p];
  const c = state.proposalCbm[p];
  const b = state.proposalBindingness[p];
  const cost = state.proposalCost[p];
  implementRound(
    world,
    state,
    random.implementation[o],
    o,
    q >= 0 ? state.proposalOrg[q] : -1,
    b,
    cost,
    size,
  );
  for (let k = 0; k < linked; k++) {
    const r = k === 0 ? p : q;
    const ro = state.proposalOrg[r];
    countAndEnforce(world, state, r, ro, c);
    state.forceLinked[ro * world.cbmCount + c] = q >= 0 ? state.proposalOrg[k === 0 ? q : p] : -1;
  }
  traceImplementation(world, state, o, q >= 0 ? state.proposalOrg[q] : -1, c, b, cost, size, false, false);
}

/**
 * Organisation ro's side of adopted proposal r: its participants' implementations counted, and
 * the measure put in force as adopted (replacing a less binding version), due again in a period.
 */
function countAndEnforce(world: World, state: RunState, r: number, ro: number, c: number): void {
  const { n } = world;
  const key = ro * world.cbmCount + c;
  if (!state.inForce[key]) state.inForceCount[ro]++;
  state.inForce[key] = 1;
  state.forceBindingness[key] = state.proposalBindingness[r];
  state.forceCost[key] = state.proposalCost[r];
  state.forceBenefit[key] = state.proposalBenefit[r];
  state.forceDue[key] = state.step + periodSteps(world);
  const row = key * n;
  state.forceParticipants.fill(0, row, row + n);
  let due = 0;
  let done = 0;
  for (let m = 0; m < state.memberCount[ro]; m++) {
    const i = state.memberList[ro * n + m];
    if (!state.participants[r * n + i]) continue;
    state.forceParticipants[row + i] = state.votes[r * n + i] === NO ? 2 : 1;
    due++;
    done += state.implementedBy[i];
  }
  countImplementations(world, state, ro, c, due, done);
}

/**
 * Measures in force that are due this step: implemented again by their participants, or lapsed.
 * A joint measure in force in two partner organisations is implemented by both together, once.
 */
function implementInForce(world: World, state: RunState, random: RunRandom): void {
  const { cbmCount } = world;
  for (let o = 0; o < world.orgCount; o++) {
    for (let c = 0; c < cbmCount; c++) {
      const key = o * cbmCount + c;
      if (!state.inForce[key] || state.forceDue[key] > state.step) continue;
      const partner = jointPartner(world, state, o, c);
      // The pair is implemented once, when the first of the two comes due.
      if (partner >= 0 && partner < o) continue;
      implementDue(world, state, random, o, c, partner);
    }
  }
}

/** The partner organisation of joint measure c in force in o, if it is in force there too, linked back. */
function jointPartner(world: World, state: RunState, o: number, c: number): number {
  const partner = state.forceLinked[o * world.cbmCount + c];
  if (partner < 0) return -1;
  const back = partner * world.cbmCount + c;
  return state.inForce[back] && state.forceLinked[back] === o ? partner : -1;
}

/** One due round of measure c in force in o (and, if joint, in its partner organisation). */
function implementDue(
  world: World,
  state: RunState,
  random: RunRandom,
  o: number,
  c: number,
  partner: number,
): void {
  const { n, cbmCount } = world;
  const list = state.participantList;
  const mark = state.participantMark;
  const orgs = partner >= 0 ? 2 : 1;
  let size = 0;
  for (let k = 0; k < orgs; k++) {
    const ro = k === 0 ? o : partner;
    const row = (ro * cbmCount + c) * n;
    state.forceDue[ro * cbmCount + c] += periodSteps(world);
    for (let m = 0; m < state.memberCount[ro]; m++) {
      const i = state.memberList[ro * n + m];
      const role = state.forceParticipants[row + i];
      if (role === 0 || mark[i]) continue;
      mark[i] = 1;
      state.participantOverruled[i] = role === 2 ? 1 : 0;
      list[size++] = i;
    }
  }
  for (let k = 0; k < size; k++) mark[list[k]] = 0;
  const key = o * cbmCount + c;
  const b = state.forceBindingness[key];
  const cost = state.forceCost[key];
  implementRound(world, state, random.implementation[o], o, partner, b, cost, size);
  let done = 0;
  for (let k = 0; k < size; k++) done += state.implementedBy[list[k]];
  const lapsed = size === 0 || done < world.parameters.implementation.lapseBelow * size;
  // Each organisation counts its own participants (one organisation's are the round's), and
  // loses the measure if it lapsed.
  for (let k = 0; k < orgs; k++) {
    const ro = k === 0 ? o : partner;
    const row = (ro * cbmCount + c) * n;
    let due = size;
    let kept = done;
    if (orgs === 2) {
      due = 0;
      kept = 0;
      for (let m = 0; m < state.memberCount[ro]; m++) {
        const i = state.memberList[ro * n + m];
        if (state.forceParticipants[row + i] === 0) continue;
        due++;
        kept += state.implementedBy[i];
      }
    }
    countImplementations(world, state, ro, c, due, kept);
    if (lapsed) {
      state.inForce[ro * cbmCount + c] = 0;
      state.inForceCount[ro]--;
    }
  }
  traceImplementation(world, state, o, partner, c, b, cost, size, true, lapsed);
}

/**
 * Organisation o's counts of a round of measure c: `due` participants were due to implement it,
 * `done` did (counts are whole numbers, so adding them at once is adding them one by one).
 */
function countImplementations(
  world: World,
  state: RunState,
  o: number,
  c: number,
  due: number,
  done: number,
): void {
  state.obligations[o] += due;
  state.implemented[o] += done;
  state.implementedTotal[o] += done;
  state.implementedByDimension[o * DIMENSION_COUNT + world.cbmDimension[c]] += done;
}

function periodSteps(world: World): number {
  return Math.max(1, Math.round(world.parameters.implementation.periodYears * world.stepsPerYear));
}

/**
 * One round of implementing a measure of organisation o (bindingness b, cost as adopted) by the participants in
 * participantList[0 .. size): each implements with its compliance chance (implementedBy), then
 * every ordered pair exchanges evidence weighted by the implementer's signal. The participants'
 * compliance runs in WebAssembly where the run has the kernel (member-kernels.wat), their uniform
 * numbers drawn here first, in list order; complyHere is the same in JavaScript, the reference.
 */
function implementRound(
  world: World,
  state: RunState,
  rng: Rng,
  o: number,
  partner: number,
  b: number,
  cost: number,
  size: number,
): void {
  const kernels = state.memberKernels;
  if (kernels) {
    // Compliance draws nothing else, so drawing every participant's number first keeps the order.
    for (let a = 0; a < size; a++) kernels.uniforms[a] = rng.next();
    const monitoring = world.stageImplementation[world.stageOffset[o] + state.stage[o]];
    kernels.comply(o, partner, size, b, cost, monitoring);
  } else complyHere(world, state, rng, o, partner, b, cost, size);
  // addEvidence for each ordered pair (kernels/kernels.ts evidence): a large share of a run's time.
  state.trust.kernels.evidence(
    state.step,
    state.participantList,
    size,
    state.implementedBy,
    state.participantPositive,
    state.participantNegative,
  );
}

/** Each participant's compliance and the evidence its conduct adds, in one pass in list order. */
export function complyHere(
  world: World,
  state: RunState,
  rng: Rng,
  o: number,
  partner: number,
  b: number,
  cost: number,
  size: number,
): void {
  const list = state.participantList;
  const done = state.implementedBy;
  const overruled = state.participantOverruled;
  const { adversaryBelow } = world.parameters.implementation;
  const { implementationEvidence, defectionEvidence, cheapTalk, signalWeight, adversarySignal } =
    world.parameters.trust;
  const chance = complianceTerms(world, state, o, b, cost);
  // What each participant's conduct adds to the others' view of it: its signal, as positive
  // evidence if it implemented, negative if not.
  const signal = cheapTalk + signalWeight * cost * b;
  const positiveAdd = state.participantPositive;
  const negativeAdd = state.participantNegative;
  for (let a = 0; a < size; a++) {
    const i = list[a];
    const adversary = adversity(world, state, i, o, partner, adversaryBelow);
    done[i] = complies(world, chance, rng.next(), i, adversary, overruled[i]) ? 1 : 0;
    const weight = signal * (1 + adversarySignal * adversary);
    positiveAdd[i] = done[i] ? implementationEvidence * weight : 0;
    negativeAdd[i] = done[i] ? 0 : defectionEvidence * weight;
  }
}

/**
 * The terms of the compliance chance that one round's participants share (state.complianceTerms,
 * the run's one): the parameters, the measure's bindingness and cost, and o's monitoring.
 */
export function complianceTerms(
  world: World,
  state: RunState,
  o: number,
  b: number,
  cost: number,
): ComplianceTerms {
  const terms = state.complianceTerms;
  const parameters = world.parameters.implementation;
  terms.probability = parameters.probability;
  terms.intercept = logit(parameters.probability);
  terms.capabilityWeight = parameters.capabilityWeight;
  terms.sovereigntyWeight = parameters.sovereigntyWeight;
  terms.costWeight = parameters.costWeight;
  terms.adversaryWeight = parameters.adversaryWeight;
  terms.overruledWeight = parameters.overruledWeight;
  terms.bindingness = b;
  terms.cost = cost;
  terms.monitoring = world.stageImplementation[world.stageOffset[o] + state.stage[o]];
  return terms;
}

/**
 * Adversity of state i in organisation o (and its partner, for a joint measure; the larger):
 * (θ − lowest trust of i in a member) / θ when below θ = implementation.adversaryBelow, else 0 —
 * trust as assessed at the start of the step (phases/assess.ts). The members are the parties to
 * the organisation's measures: an adversary among them is an adversary in the measure.
 */
export function adversity(
  world: World,
  state: RunState,
  i: number,
  o: number,
  partner: number,
  below: number,
): number {
  const { n } = world;
  let lowest = below;
  for (let k = 0; k < (partner >= 0 ? 2 : 1); k++) {
    const ro = k === 0 ? o : partner;
    if (!state.memberMark[ro * n + i]) continue;
    const trust = state.lowestTrustToMembers[ro * n + i];
    if (trust < lowest) lowest = trust;
  }
  return (below - lowest) / below;
}

/**
 * Whether participant i implements a measure, drawn with its chance (docs/MODEL.md §Implementation):
 * u < σ(complianceLogit), decided mostly without Math.exp (belowLogistic).
 */
function complies(
  world: World,
  terms: ComplianceTerms,
  u: number,
  i: number,
  adversary: number,
  overruled: number,
): boolean {
  if (terms.probability <= 0) return false;
  if (terms.probability >= 1) return u < 1;
  return belowLogistic(u, complianceLogit(world, terms, i, adversary, overruled));
}

/** The logit of participant i's compliance chance, with the intercept logit(probability). */
export function complianceLogit(
  world: World,
  terms: ComplianceTerms,
  i: number,
  adversary: number,
  overruled: number,
): number {
  return (
    terms.intercept +
    terms.capabilityWeight * (world.capability[i] - 0.5) -
    terms.sovereigntyWeight * world.sovereignty[i] * terms.bindingness -
    terms.costWeight * terms.cost -
    terms.adversaryWeight * adversary -
    terms.overruledWeight * overruled +
    terms.monitoring
  );
}

/** The trace record of one round (built only when the run is traced): "CICA", or "CICA+SCO" for a joint measure. */
function traceImplementation(
  world: World,
  state: RunState,
  o: number,
  partner: number,
  c: number,
  bindingness: number,
  cost: number,
  size: number,
  periodic: boolean,
  lapsed: boolean,
): void {
  if (!state.trace) return;
  const org = partner >= 0 ? `${world.orgIds[o]}+${world.orgIds[partner]}` : world.orgIds[o];
  const participants = Array.from(state.participantList.subarray(0, size));
  state.trace({
    type: 'implementation',
    step: state.step,
    year: currentYear(world, state),
    org,
    cbm: world.cbmIds[c],
    periodic,
    bindingness,
    cost,
    implemented: participants.filter((i) => state.implementedBy[i]).map((i) => world.stateIds[i]),
    defected: participants.filter((i) => !state.implementedBy[i]).map((i) => world.stateIds[i]),
    lapsed,
  });
}
