import { DIMENSION_COUNT, DIMENSIONS } from '../model/dimensions.js';
import { type CompiledFormula, compileFormula } from '../model/formula.js';
import type { Rule } from '../rules/schema.js';
import type { Parameters, Scenario } from '../scenario/schema.js';

/**
 * A scenario compiled for the step loop: states, organisations and CBMs become indices, and every
 * quantity the loop reads lives in a flat typed array. A World is read-only during a run (the
 * mutable part is RunState), so one World serves any number of runs.
 */
export interface World {
  /** The scenario's voting formula, compiled once; absent: the built-in score. */
  formula?: CompiledFormula;
  startYear: number;
  stepsPerYear: number;
  steps: number;
  parameters: Parameters;

  /** States, in the order of `scenario.actors`. */
  stateIds: string[];
  stateIndex: Map<string, number>;
  n: number;
  /** salience[i * DIMENSION_COUNT + d] */
  salience: Float64Array;
  sovereignty: Float64Array;
  /** Population in millions, for population conditions of quota rules. */
  population: Float64Array;
  /** Subregion of each state, as an index (for shocks that strike a region). */
  subregion: Int32Array;
  /** Pairs in conflict or dispute (for clashes) and rivals (for cyber incidents): a, b, intensity. */
  clashPairA: Int32Array;
  clashPairB: Int32Array;
  clashIntensity: Float64Array;
  rivalPairA: Int32Array;
  rivalPairB: Int32Array;
  rivalIntensity: Float64Array;
  /** The CBM an organisation answers a crisis with: its catalogue's strongest on new threats (−1: none). */
  crisisCbm: Int32Array;

  orgIds: string[];
  orgCount: number;
  /** Members of organisation o: memberList[o * n + 0 .. memberCount[o]). */
  memberList: Int32Array;
  memberCount: Int32Array;
  /** Voting weight of state i in organisation o: weight[o * n + i] (1 unless the scenario says). */
  weight: Float64Array;
  /**
   * The rules in force in organisation o at institutional stage k: ruleSets[o][k], k = 0 .. rungs.
   * Compiled against the current membership in the run state (shares depend on who is a member).
   */
  ruleSets: { cbm: Rule; reform: Rule; accession: Rule; crisis: Rule; partnership: Rule }[][];
  /** Partnerships in force at the start: partnered[o1 * orgCount + o2] = 1, both ways. */
  partnered: Uint8Array;
  /** CBMs two organisations may table jointly (in both catalogues): jointCatalogue[o1 * orgCount + o2]. */
  jointCatalogue: Int32Array[];
  /** CBMs organisation o may table: catalogue[o * cbmCount + 0 .. catalogueSize[o]). */
  catalogue: Int32Array;
  catalogueSize: Int32Array;
  agendaSize: Int32Array;
  stage: Int32Array;
  /** coordinator[(o × n + i) × DIMENSION_COUNT + d] = 1 when state i coordinates dimension d in organisation o. */
  coordinator: Uint8Array;
  /** Rungs of organisation o's ladder: rungNames[o]; flat rung arrays start at rungOffset[o]. */
  rungNames: string[][];
  rungOffset: Int32Array;
  rungMeanTrust: Float64Array;
  rungCbmsImplemented: Float64Array;
  rungStepsSinceReform: Float64Array;
  rungBindingness: Float64Array;
  /**
   * Effects in force at stage k of organisation o (those of every rung below k), at
   * stageOffset[o] + k: added implementation chance, amendment rounds, agenda size, side payment.
   */
  stageOffset: Int32Array;
  stageImplementation: Float64Array;
  stageRounds: Float64Array;
  stageAgenda: Float64Array;
  stageSidePayment: Float64Array;
  /** The chair rotation of organisation o: chairOrder[o] (state indices), each serving chairTermSteps[o] steps. */
  chairOrder: Int32Array[];
  chairTermSteps: Int32Array;

  cbmIds: string[];
  cbmNames: string[];
  cbmCount: number;
  cbmLevel: Int32Array;
  /** Index of each CBM's dimension in DIMENSIONS. */
  cbmDimension: Uint8Array;
  /** cbmBenefit[c * DIMENSION_COUNT + d] */
  cbmBenefit: Float64Array;
  cbmCost: Float64Array;
  cbmBindingness: Float64Array;
  /** Ambition of a CBM as tabled: bindingness × total benefit. */
  cbmAmbition: Float64Array;
  /** Total benefit of a CBM over all dimensions (ambition = bindingness × this). */
  cbmTotalBenefit: Float64Array;
  /** Mean member trust needed to table a CBM of level L: levelThreshold[L - 1]. */
  levelThreshold: Float64Array;

  /** Initial Beta evidence, [i * n + j]. */
  initialPositive: Float64Array;
  initialNegative: Float64Array;

  /** Scheduled applications sorted by step: who applies to which organisation when. */
  applicationCount: number;
  applicationStep: Int32Array;
  applicationState: Int32Array;
  applicationOrg: Int32Array;
  /** Observers and dialogue partners: candidate[o * n + i] = 1 (they may apply of their own accord). */
  candidate: Uint8Array;

  /** Scheduled shocks sorted by step: their kind (an index into SHOCK_KINDS), step, magnitude and parties. */
  eventKind: Uint8Array;
  /** Scheduled events sorted by step; parties of event e: eventParties[eventPartyStart[e] ..+ eventPartyCount[e]). */
  eventCount: number;
  eventStep: Int32Array;
  eventMagnitude: Float64Array;
  eventPartyStart: Int32Array;
  eventPartyCount: Int32Array;
  eventParties: Int32Array;
}

export interface CompileOptions {
  /** Overrides the scenario's horizon. */
  years?: number;
}

/** Kinds of shock, in the order of World.eventKind's codes. */
export const SHOCK_KINDS = ['border-clash', 'cyber-incident', 'pandemic', 'terrorist-attack'] as const;

/** Initial trust is kept away from 0 and 1: no pair starts in certainty. */
const INITIAL_TRUST_MIN = 0.05;
const INITIAL_TRUST_MAX = 0.95;

export function compileWorld(scenario: Scenario, options: CompileOptions = {}): World {
  const years = options.years ?? scenario.years;
  const stateIds = Object.keys(scenario.actors);
  const stateIndex = new Map(stateIds.map((id, i) => [id, i]));
  const indexOf = (id: string) => stateIndex.get(id) as number;
  const n = stateIds.length;

  const salience = new Float64Array(n * DIMENSION_COUNT);
  const sovereignty = new Float64Array(n);
  const population = new Float64Array(n);
  stateIds.forEach((id, i) => {
    const actor = scenario.actors[id];
    DIMENSIONS.forEach((d, k) => {
      salience[i * DIMENSION_COUNT + k] = actor.salience[d];
    });
    sovereignty[i] = actor.sovereignty;
    population[i] = actor.population;
  });

  const cbmIds = Object.keys(scenario.cbms);
  const cbmCount = cbmIds.length;
  const cbmIndex = new Map(cbmIds.map((id, c) => [id, c]));
  const cbmLevel = new Int32Array(cbmCount);
  const cbmDimension = new Uint8Array(cbmCount);
  const cbmBenefit = new Float64Array(cbmCount * DIMENSION_COUNT);
  const cbmCost = new Float64Array(cbmCount);
  const cbmBindingness = new Float64Array(cbmCount);
  const cbmAmbition = new Float64Array(cbmCount);
  const cbmTotalBenefit = new Float64Array(cbmCount);
  cbmIds.forEach((id, c) => {
    const cbm = scenario.cbms[id];
    cbmLevel[c] = cbm.level;
    cbmDimension[c] = DIMENSIONS.indexOf(cbm.dimension);
    let total = 0;
    DIMENSIONS.forEach((d, k) => {
      const b = cbm.benefit[d] ?? 0;
      cbmBenefit[c * DIMENSION_COUNT + k] = b;
      total += b;
    });
    cbmCost[c] = cbm.cost;
    cbmBindingness[c] = cbm.bindingness;
    cbmAmbition[c] = cbm.bindingness * total;
    cbmTotalBenefit[c] = total;
  });

  const orgIds = Object.keys(scenario.organisations);
  const orgCount = orgIds.length;
  const memberList = new Int32Array(orgCount * n);
  const memberCount = new Int32Array(orgCount);
  const weight = new Float64Array(orgCount * n).fill(1);
  const catalogue = new Int32Array(orgCount * Math.max(cbmCount, 1));
  const catalogueSize = new Int32Array(orgCount);
  const agendaSize = new Int32Array(orgCount);
  const coordinator = new Uint8Array(orgCount * n * DIMENSION_COUNT);
  const stage = new Int32Array(orgCount);
  const ruleSets: { cbm: Rule; reform: Rule; accession: Rule; crisis: Rule; partnership: Rule }[][] = [];
  const rungNames: string[][] = [];
  const rungOffset = new Int32Array(orgCount);
  const stageOffset = new Int32Array(orgCount);
  const rungs = orgIds.flatMap((orgId) => scenario.organisations[orgId].ladder);
  const rungMeanTrust = Float64Array.from(rungs.map((r) => r.requires.meanTrust));
  const rungCbmsImplemented = Float64Array.from(rungs.map((r) => r.requires.cbmsImplemented));
  const rungStepsSinceReform = Float64Array.from(
    rungs.map((r) => r.requires.yearsSinceReform * scenario.stepsPerYear),
  );
  const rungBindingness = Float64Array.from(rungs.map((r) => r.bindingness));
  const stageCount = rungs.length + orgCount;
  const stageImplementation = new Float64Array(stageCount);
  const stageRounds = new Float64Array(stageCount);
  const stageAgenda = new Float64Array(stageCount);
  const stageSidePayment = new Float64Array(stageCount);
  let rungCursor = 0;
  const chairOrder: Int32Array[] = [];
  const chairTermSteps = new Int32Array(orgCount);
  orgIds.forEach((orgId, o) => {
    const org = scenario.organisations[orgId];
    org.members.forEach((id, m) => {
      memberList[o * n + m] = indexOf(id);
    });
    memberCount[o] = org.members.length;
    for (const [id, w] of Object.entries(org.weights)) weight[o * n + indexOf(id)] = w;
    const ids = org.catalogue === 'all' ? cbmIds : org.catalogue;
    ids.forEach((id, k) => {
      catalogue[o * cbmCount + k] = cbmIndex.get(id) as number;
    });
    catalogueSize[o] = ids.length;
    agendaSize[o] = org.agendaSize;
    DIMENSIONS.forEach((d, k) => {
      for (const id of org.coordinators[d] ?? [])
        coordinator[(o * n + indexOf(id)) * DIMENSION_COUNT + k] = 1;
    });
    stage[o] = org.stage;
    chairOrder.push(Int32Array.from((org.chair.order ?? org.members).map(indexOf)));
    chairTermSteps[o] = Math.max(1, Math.round(org.chair.termYears * scenario.stepsPerYear));
    // Rules and effects at each stage: those of the scenario, changed by every rung reached.
    rungNames.push(org.ladder.map((r) => r.name));
    rungOffset[o] = rungCursor;
    stageOffset[o] = rungCursor + o;
    let rules: Record<string, Rule | undefined> = { ...org.rules };
    const sets: { cbm: Rule; reform: Rule; accession: Rule; crisis: Rule; partnership: Rule }[] = [];
    for (let k = 0; k <= org.ladder.length; k++) {
      const at = stageOffset[o] + k;
      if (k > 0) {
        const effects = org.ladder[k - 1].effects;
        stageImplementation[at] = stageImplementation[at - 1] + effects.implementation;
        stageRounds[at] = stageRounds[at - 1] + effects.amendmentRounds;
        stageAgenda[at] = stageAgenda[at - 1] + effects.agendaSize;
        stageSidePayment[at] = stageSidePayment[at - 1] + effects.sidePayment;
        rules = { ...rules, ...effects.rules };
      }
      const fallback = rules.default as Rule;
      sets.push({
        cbm: rules.cbm ?? fallback,
        reform: rules.reform ?? fallback,
        accession: rules.accession ?? fallback,
        crisis: rules.crisis ?? fallback,
        partnership: rules.partnership ?? fallback,
      });
    }
    ruleSets.push(sets);
    rungCursor += org.ladder.length;
  });

  const { initialPositive, initialNegative } = initialEvidence(scenario, stateIds, stateIndex);
  const partnered = new Uint8Array(orgCount * orgCount);
  for (const { organisations } of scenario.partnerships) {
    const [a, b] = organisations.map((id) => orgIds.indexOf(id));
    partnered[a * orgCount + b] = 1;
    partnered[b * orgCount + a] = 1;
  }
  const jointCatalogue: Int32Array[] = [];
  for (let a = 0; a < orgCount; a++) {
    for (let b = 0; b < orgCount; b++) {
      const inA = new Set(catalogue.subarray(a * cbmCount, a * cbmCount + catalogueSize[a]));
      const both = Array.from(catalogue.subarray(b * cbmCount, b * cbmCount + catalogueSize[b])).filter((c) =>
        inA.has(c),
      );
      jointCatalogue.push(Int32Array.from(a === b ? [] : both));
    }
  }
  const subregions = [...new Set(stateIds.map((id) => scenario.actors[id].subregion))];
  const subregion = Int32Array.from(stateIds.map((id) => subregions.indexOf(scenario.actors[id].subregion)));
  const disputes = scenario.relations.filter((r) => r.kind === 'conflict' || r.kind === 'dispute');
  const rivals = scenario.relations.filter((r) => r.kind === 'rivalry');
  const newThreats = DIMENSIONS.indexOf('newThreats');
  const crisisCbm = new Int32Array(orgCount).fill(-1);
  for (let o = 0; o < orgCount; o++) {
    let best = 0;
    for (let k = 0; k < catalogueSize[o]; k++) {
      const c = catalogue[o * cbmCount + k];
      const benefit = cbmBenefit[c * DIMENSION_COUNT + newThreats];
      if (benefit > best) {
        best = benefit;
        crisisCbm[o] = c;
      }
    }
  }

  const candidate = new Uint8Array(orgCount * n);
  orgIds.forEach((orgId, o) => {
    const org = scenario.organisations[orgId];
    for (const id of [...org.observers, ...org.partners]) candidate[o * n + indexOf(id)] = 1;
  });

  const stepsPerYear = scenario.stepsPerYear;
  const stepOf = (year: number) => (year - scenario.startYear) * stepsPerYear + 1;
  // Scheduled shocks, with their parties (none for a pandemic, the state struck for an attack).
  type Shock = { kind: (typeof SHOCK_KINDS)[number]; step: number; parties: string[]; magnitude: number };
  const events = scenario.events
    .flatMap((event): Shock[] => {
      const step = stepOf(event.year);
      switch (event.kind) {
        case 'border-clash':
        case 'cyber-incident':
          return [{ kind: event.kind, step, parties: event.parties, magnitude: event.magnitude }];
        case 'terrorist-attack':
          return [{ kind: event.kind, step, parties: [event.state], magnitude: event.magnitude }];
        case 'pandemic':
          return [{ kind: event.kind, step, parties: [] as string[], magnitude: event.magnitude }];
        default:
          return [];
      }
    })
    .sort((a, b) => a.step - b.step);
  // Scheduled applications, in the order they happen (sort is stable: same-year ones keep file order).
  const applications = scenario.events
    .flatMap((event) => (event.kind === 'application' ? [{ ...event, step: stepOf(event.year) }] : []))
    .sort((a, b) => a.step - b.step);
  const eventPartyStart = new Int32Array(events.length);
  const eventPartyCount = new Int32Array(events.length);
  const eventParties = Int32Array.from(events.flatMap((event) => event.parties.map(indexOf)));
  let cursor = 0;
  events.forEach((event, e) => {
    eventPartyStart[e] = cursor;
    eventPartyCount[e] = event.parties.length;
    cursor += event.parties.length;
  });

  const formulaText = scenario.parameters.voting.formula;
  return {
    formula: formulaText === undefined ? undefined : compileFormula(formulaText),
    startYear: scenario.startYear,
    stepsPerYear,
    steps: years * stepsPerYear,
    parameters: scenario.parameters,
    stateIds,
    stateIndex,
    n,
    salience,
    sovereignty,
    population,
    subregion,
    clashPairA: Int32Array.from(disputes.map((r) => indexOf(r.a))),
    clashPairB: Int32Array.from(disputes.map((r) => indexOf(r.b))),
    clashIntensity: Float64Array.from(disputes.map((r) => r.intensity)),
    rivalPairA: Int32Array.from(rivals.map((r) => indexOf(r.a))),
    rivalPairB: Int32Array.from(rivals.map((r) => indexOf(r.b))),
    rivalIntensity: Float64Array.from(rivals.map((r) => r.intensity)),
    crisisCbm,
    orgIds,
    orgCount,
    memberList,
    memberCount,
    weight,
    ruleSets,
    partnered,
    jointCatalogue,
    catalogue,
    catalogueSize,
    agendaSize,
    stage,
    coordinator,
    cbmIds,
    cbmNames: cbmIds.map((id) => scenario.cbms[id].name),
    cbmCount,
    cbmLevel,
    cbmDimension,
    cbmBenefit,
    cbmCost,
    cbmBindingness,
    cbmAmbition,
    cbmTotalBenefit,
    chairOrder,
    chairTermSteps,
    rungNames,
    rungOffset,
    rungMeanTrust,
    rungCbmsImplemented,
    rungStepsSinceReform,
    rungBindingness,
    stageOffset,
    stageImplementation,
    stageRounds,
    stageAgenda,
    stageSidePayment,
    levelThreshold: Float64Array.from(scenario.parameters.agenda.levelThresholds),
    initialPositive,
    initialNegative,
    applicationCount: applications.length,
    applicationStep: Int32Array.from(applications.map((a) => a.step)),
    applicationState: Int32Array.from(applications.map((a) => indexOf(a.state))),
    applicationOrg: Int32Array.from(applications.map((a) => orgIds.indexOf(a.org))),
    candidate,
    eventCount: events.length,
    eventKind: Uint8Array.from(events.map((event) => SHOCK_KINDS.indexOf(event.kind))),
    eventStep: Int32Array.from(events.map((event) => event.step)),
    eventMagnitude: Float64Array.from(events.map((event) => event.magnitude)),
    eventPartyStart,
    eventPartyCount,
    eventParties,
  };
}

/**
 * Initial trust of each ordered pair (docs: README "The model", initial trust):
 *   t0 = 0.5 + sharedMembership × (organisations and groups both belong to)
 *            + Σ relationEffect[kind] × intensity over the relations between them,
 * clamped to [0.05, 0.95], then written as priorStrength pseudo-observations:
 *   r = priorStrength × t0, s = priorStrength × (1 − t0).
 * Relations are symmetric: they set both directions.
 */
function initialEvidence(
  scenario: Scenario,
  stateIds: string[],
  stateIndex: Map<string, number>,
): { initialPositive: Float64Array; initialNegative: Float64Array } {
  const n = stateIds.length;
  const { priorStrength, sharedMembership, relationEffect } = scenario.parameters.trust;
  const shift = new Float64Array(n * n);

  const groupsOf = stateIds.map((id) => {
    const groups = new Set(scenario.actors[id].groups);
    for (const [orgId, org] of Object.entries(scenario.organisations))
      if (org.members.includes(id)) groups.add(`org:${orgId}`);
    return groups;
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let shared = 0;
      for (const group of groupsOf[i]) if (groupsOf[j].has(group)) shared++;
      shift[i * n + j] = sharedMembership * shared;
    }
  }
  for (const relation of scenario.relations) {
    const a = stateIndex.get(relation.a) as number;
    const b = stateIndex.get(relation.b) as number;
    const delta = relationEffect[relation.kind] * relation.intensity;
    shift[a * n + b] += delta;
    shift[b * n + a] += delta;
  }

  const initialPositive = new Float64Array(n * n);
  const initialNegative = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t0 = Math.min(INITIAL_TRUST_MAX, Math.max(INITIAL_TRUST_MIN, 0.5 + shift[i * n + j]));
      initialPositive[i * n + j] = priorStrength * t0;
      initialNegative[i * n + j] = priorStrength * (1 - t0);
    }
  }
  return { initialPositive, initialNegative };
}
