import { checkFormula } from '../model/formula.js';
import { PROPOSAL_KINDS } from '../model/proposals.js';
import { describeEligibility, isEligible } from './eligibility.js';
import type { Actor, Scenario } from './schema.js';

export interface PathProblem {
  path: string;
  message: string;
}

/** What each check needs: the scenario, the list it adds to, and a test of actor ids. */
interface Checking {
  scenario: Scenario;
  problems: PathProblem[];
  knownActor: (id: string, path: string) => void;
}

type Organisation = Scenario['organisations'][string];

/**
 * Checks that the schema alone cannot make: every id refers to something that exists, nobody is
 * listed twice, and dates and levels fit the scenario. Runs on a scenario that passed the schema;
 * problems come in the order of the file's sections.
 */
export function checkReferences(scenario: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  const actorIds = new Set(Object.keys(scenario.actors));
  const knownActor = (id: string, path: string) => {
    if (!actorIds.has(id))
      problems.push({ path, message: `expected an actor id, found unknown actor "${id}"` });
  };
  const checking: Checking = { scenario, problems, knownActor };
  if (Object.keys(scenario.organisations).length === 0) {
    problems.push({
      path: 'organisations',
      message: 'expected at least one organisation, found none (a world without one records nothing)',
    });
  }
  checkRelations(checking);
  checkFormulaAndLevels(checking);
  for (const [orgId, org] of Object.entries(scenario.organisations)) {
    const statusOf = checkMemberships(checking, orgId, org);
    checkOrganisationReferences(checking, orgId, org, statusOf);
  }
  checkEvents(checking);
  checkPartnerships(checking);
  return problems;
}

/**
 * Relations name two different known states, each pair once per kind: a pair may hold several
 * relations (a rivalry and a border dispute), each counted (docs/MODEL.md §Trust).
 */
function checkRelations({ scenario, problems, knownActor }: Checking): void {
  const seenPairs = new Map<string, number>();
  scenario.relations.forEach((relation, i) => {
    knownActor(relation.a, `relations.${i}.a`);
    knownActor(relation.b, `relations.${i}.b`);
    if (relation.a === relation.b) {
      problems.push({
        path: `relations.${i}.b`,
        message: `expected two different states, found ${relation.a} twice`,
      });
    }
    const pair = [relation.a, relation.b].sort().join('-');
    const earlier = seenPairs.get(`${pair}/${relation.kind}`);
    if (earlier !== undefined) {
      problems.push({
        path: `relations.${i}`,
        message: `the ${relation.kind} of the pair ${pair} is already listed as relations.${earlier}`,
      });
    } else {
      seenPairs.set(`${pair}/${relation.kind}`, i);
    }
  });
}

/** The voting formula parses within the restricted language; CBM levels have thresholds. */
function checkFormulaAndLevels({ scenario, problems }: Checking): void {
  const formula = scenario.parameters.voting.formula;
  if (formula !== undefined) {
    const problem = checkFormula(formula);
    if (problem) problems.push({ path: 'parameters.voting.formula', message: problem });
  }

  const levelCount = scenario.parameters.agenda.levelThresholds.length;
  for (const [id, cbm] of Object.entries(scenario.cbms)) {
    if (cbm.level > levelCount) {
      problems.push({
        path: `cbms.${id}.level`,
        message: `expected a level from 1 to ${levelCount} (parameters.agenda.levelThresholds has ${levelCount}), found ${cbm.level}`,
      });
    }
  }
}

/**
 * Members, observers and partners are known states with one status each; weights and vetoes
 * belong to members. Returns each listed state's status.
 */
function checkMemberships(
  { scenario, problems, knownActor }: Checking,
  orgId: string,
  org: Organisation,
): Map<string, string> {
  const base = `organisations.${orgId}`;
  const statusOf = new Map<string, string>();
  for (const status of ['members', 'observers', 'partners'] as const) {
    org[status].forEach((id, i) => {
      const path = `${base}.${status}.${i}`;
      knownActor(id, path);
      const earlier = statusOf.get(id);
      if (earlier === status) problems.push({ path, message: `${id} is listed twice in ${status}` });
      else if (earlier)
        problems.push({ path, message: `${id} is already listed in ${earlier}; a state has one status` });
      else statusOf.set(id, status);
    });
  }
  org.members.forEach((id, i) => {
    const actor = scenario.actors[id];
    if (actor && !isEligible(org, actor))
      problems.push({ path: `${base}.members.${i}`, message: ineligible(orgId, org, id, actor) });
  });
  const members = new Set(org.members);
  for (const id of Object.keys(org.weights)) {
    if (!members.has(id))
      problems.push({
        path: `${base}.weights.${id}`,
        message: `expected a member of ${orgId}, found "${id}"`,
      });
  }
  for (const [kind, rule] of Object.entries(org.rules)) {
    if (rule?.kind === 'quota') {
      rule.veto?.forEach((id, i) => {
        if (!members.has(id)) {
          problems.push({
            path: `${base}.rules.${kind}.veto.${i}`,
            message: `expected a member of ${orgId}, found "${id}"`,
          });
        }
      });
    }
  }
  return statusOf;
}

/** The catalogue, coordinators, chair order, ladder and stage of an organisation refer to what exists. */
function checkOrganisationReferences(
  { scenario, problems }: Checking,
  orgId: string,
  org: Organisation,
  statusOf: Map<string, string>,
): void {
  const base = `organisations.${orgId}`;
  const members = new Set(org.members);
  if (org.catalogue !== 'all') {
    org.catalogue.forEach((id, i) => {
      if (!Object.hasOwn(scenario.cbms, id)) {
        problems.push({
          path: `${base}.catalogue.${i}`,
          message: `expected a CBM id from cbms, found unknown CBM "${id}"`,
        });
      }
    });
  }
  for (const [dimension, ids] of Object.entries(org.coordinators)) {
    ids?.forEach((id, i) => {
      if (!members.has(id)) {
        problems.push({
          path: `${base}.coordinators.${dimension}.${i}`,
          message: `expected a member of ${orgId}, found "${id}"`,
        });
      }
    });
  }
  org.chair.order?.forEach((id, i) => {
    if (!statusOf.has(id)) {
      problems.push({
        path: `${base}.chair.order.${i}`,
        message: `expected a member, observer or partner of ${orgId}, found "${id}"`,
      });
    }
  });
  org.ladder.forEach((rung, k) => {
    for (const kind of Object.keys(rung.effects.rules ?? {})) {
      if (kind !== 'default' && !(PROPOSAL_KINDS as readonly string[]).includes(kind)) {
        problems.push({
          path: `${base}.ladder.${k}.effects.rules.${kind}`,
          message: `expected a kind of proposal (${PROPOSAL_KINDS.join(', ')}), found "${kind}"`,
        });
      }
      const rule = rung.effects.rules?.[kind];
      if (rule?.kind === 'quota') {
        rule.veto?.forEach((id, i) => {
          if (!members.has(id))
            problems.push({
              path: `${base}.ladder.${k}.effects.rules.${kind}.veto.${i}`,
              message: `expected a member of ${orgId}, found "${id}"`,
            });
        });
      }
    }
  });
  if (org.stage > org.ladder.length) {
    problems.push({
      path: `${base}.stage`,
      message: `expected at most ${org.ladder.length} (the rungs in ladder), found ${org.stage}`,
    });
  }
}

/** Events fall within the run and name known states (and, for applications, a non-member). */
function checkEvents({ scenario, problems, knownActor }: Checking): void {
  scenario.events.forEach((event, i) => {
    if (event.year < scenario.startYear) {
      problems.push({
        path: `events.${i}.year`,
        message: `expected a year from ${scenario.startYear} (startYear), found ${event.year}`,
      });
    }
    if (event.kind === 'pandemic') return;
    if (event.kind === 'terrorist-attack') {
      knownActor(event.state, `events.${i}.state`);
      return;
    }
    if (event.kind === 'application') {
      knownActor(event.state, `events.${i}.state`);
      const org = scenario.organisations[event.org];
      if (!org) {
        problems.push({
          path: `events.${i}.org`,
          message: `expected an organisation (${Object.keys(scenario.organisations).join(', ')}), found "${event.org}"`,
        });
      } else if (org.members.includes(event.state)) {
        problems.push({
          path: `events.${i}.state`,
          message: `${event.state} is already a member of ${event.org}`,
        });
      } else if (scenario.actors[event.state] && !isEligible(org, scenario.actors[event.state])) {
        problems.push({
          path: `events.${i}.state`,
          message: ineligible(event.org, org, event.state, scenario.actors[event.state]),
        });
      }
      return;
    }
    if (
      event.kind === 'founding' ||
      event.kind === 'status' ||
      event.kind === 'chair' ||
      event.kind === 'relation'
    ) {
      checkDatedEvent(scenario, problems, knownActor, event, i);
      return;
    }
    event.parties.forEach((id, j) => {
      knownActor(id, `events.${i}.parties.${j}`);
      if (event.parties.indexOf(id) !== j)
        problems.push({ path: `events.${i}.parties.${j}`, message: `${id} is listed twice` });
    });
  });
}

type DatedEvent = Extract<Scenario['events'][number], { kind: 'founding' | 'status' | 'chair' | 'relation' }>;

/**
 * Dated events name known states and organisations; an organisation is founded at most once;
 * a status goes to a state that is not one of the organisation's members.
 */
function checkDatedEvent(
  scenario: Scenario,
  problems: PathProblem[],
  knownActor: Checking['knownActor'],
  event: DatedEvent,
  i: number,
): void {
  if (event.kind === 'relation') {
    knownActor(event.a, `events.${i}.a`);
    knownActor(event.b, `events.${i}.b`);
    if (event.a === event.b)
      problems.push({ path: `events.${i}.b`, message: `expected a state other than a, found ${event.b}` });
    return;
  }
  const org = scenario.organisations[event.org];
  if (!org) {
    problems.push({
      path: `events.${i}.org`,
      message: `expected an organisation (${Object.keys(scenario.organisations).join(', ')}), found "${event.org}"`,
    });
    return;
  }
  if (event.kind === 'founding') {
    const first = scenario.events.findIndex((e) => e.kind === 'founding' && e.org === event.org);
    if (first !== i)
      problems.push({ path: `events.${i}`, message: `${event.org} is already founded by events.${first}` });
    return;
  }
  knownActor(event.state, `events.${i}.state`);
  if (event.kind === 'status') {
    // An observer need not be eligible for membership (the USA observes CICA); it then never applies.
    if (org.members.includes(event.state))
      problems.push({ path: `events.${i}.state`, message: `${event.state} is a member of ${event.org}` });
  }
}

/** Partnerships join two different organisations of the scenario. */
function checkPartnerships({ scenario, problems }: Checking): void {
  scenario.partnerships.forEach((partnership, i) => {
    partnership.organisations.forEach((org, j) => {
      if (!Object.hasOwn(scenario.organisations, org)) {
        problems.push({
          path: `partnerships.${i}.organisations.${j}`,
          message: `expected an organisation (${Object.keys(scenario.organisations).join(', ')}), found "${org}"`,
        });
      }
    });
    if (partnership.organisations[0] === partnership.organisations[1]) {
      problems.push({
        path: `partnerships.${i}.organisations.1`,
        message: 'expected two different organisations',
      });
    }
  });
}

/** "USA may not join CICA: its eligibility rule asks for territory in Asia, and USA has territory in North America …" */
function ineligible(orgId: string, org: Organisation, id: string, actor: Actor): string {
  const where =
    actor.territory.length > 0 ? `territory in ${actor.territory.join(', ')}` : 'no territory listed';
  return `${id} may not be a member of ${orgId}: its eligibility rule (organisations.${orgId}.eligibility) asks for ${describeEligibility(org)}, and ${id} has ${where}. For a counterfactual, waive the rule with organisations.${orgId}.eligibility: none`;
}
