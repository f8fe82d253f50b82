import { PROPOSAL_KINDS, type ProposalKind } from '../../model/proposals.js';
import type { Rule } from '../../rules/schema.js';
import type { Scenario } from '../../scenario/schema.js';

/** Each organisation's institutional ladder: its rungs' prerequisites, and what holds at each stage. */
export interface WorldLadders {
  /** The stage each organisation starts at: rungs of its ladder already reached. */
  stage: Int32Array;
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
  /**
   * The rules in force in organisation o at institutional stage k, by kind of proposal:
   * ruleSets[o][k][kind], k = 0 .. rungs. Compiled against the current membership in the run
   * state (shares depend on who is a member).
   */
  ruleSets: Record<ProposalKind, Rule>[][];
}

export function compileLadders(scenario: Scenario): WorldLadders {
  const orgs = Object.values(scenario.organisations);
  const orgCount = orgs.length;
  const rungs = orgs.flatMap((org) => org.ladder);
  const stageCount = rungs.length + orgCount;
  const ladders: WorldLadders = {
    stage: Int32Array.from(orgs.map((org) => org.stage)),
    rungNames: orgs.map((org) => org.ladder.map((r) => r.name)),
    rungOffset: new Int32Array(orgCount),
    rungMeanTrust: Float64Array.from(rungs.map((r) => r.requires.meanTrust)),
    rungCbmsImplemented: Float64Array.from(rungs.map((r) => r.requires.cbmsImplemented)),
    rungStepsSinceReform: Float64Array.from(
      rungs.map((r) => r.requires.yearsSinceReform * scenario.stepsPerYear),
    ),
    rungBindingness: Float64Array.from(rungs.map((r) => r.bindingness)),
    stageOffset: new Int32Array(orgCount),
    stageImplementation: new Float64Array(stageCount),
    stageRounds: new Float64Array(stageCount),
    stageAgenda: new Float64Array(stageCount),
    stageSidePayment: new Float64Array(stageCount),
    ruleSets: [],
  };
  let rungCursor = 0;
  orgs.forEach((org, o) => {
    ladders.rungOffset[o] = rungCursor;
    ladders.stageOffset[o] = rungCursor + o;
    ladders.ruleSets.push(stagesOf(org, ladders, ladders.stageOffset[o]));
    rungCursor += org.ladder.length;
  });
  return ladders;
}

/**
 * The effects and rules at each stage of one organisation, from its scenario's rules changed by
 * every rung reached; effects are written at `offset` + k, the rules returned.
 */
function stagesOf(
  org: Scenario['organisations'][string],
  ladders: WorldLadders,
  offset: number,
): Record<ProposalKind, Rule>[] {
  let rules: Record<string, Rule | undefined> = { ...org.rules };
  const sets: Record<ProposalKind, Rule>[] = [];
  for (let k = 0; k <= org.ladder.length; k++) {
    const at = offset + k;
    if (k > 0) {
      const effects = org.ladder[k - 1].effects;
      ladders.stageImplementation[at] = ladders.stageImplementation[at - 1] + effects.implementation;
      ladders.stageRounds[at] = ladders.stageRounds[at - 1] + effects.amendmentRounds;
      ladders.stageAgenda[at] = ladders.stageAgenda[at - 1] + effects.agendaSize;
      ladders.stageSidePayment[at] = ladders.stageSidePayment[at - 1] + effects.sidePayment;
      rules = { ...rules, ...effects.rules };
    }
    const fallback = rules.default as Rule;
    sets.push(
      Object.fromEntries(PROPOSAL_KINDS.map((kind) => [kind, rules[kind] ?? fallback])) as Record<
        ProposalKind,
        Rule
      >,
    );
  }
  return sets;
}
