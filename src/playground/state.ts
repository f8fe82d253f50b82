import { z } from 'zod';
import { Id } from '../model/id.js';
import { PROPOSAL_KINDS, type ProposalKind } from '../model/proposals.js';
import { type Rule, RuleSchema } from '../rules/schema.js';
import { PARAMETER_RANGES, type SampledRange } from '../scenario/parameter-ranges.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * What the playground's page holds: one organisation, two configurations of it (set A, the
 * reference, and set B), and the run settings. A configuration is what a student changes — the
 * members, the rule for each kind of proposal, a few parameters — and becomes an experiment
 * variant's `set:` (overrides.ts), so the page and `cica-sim experiment` run the same worlds.
 */
export interface PlaygroundSet {
  /** The organisation's members, in order (new members last). */
  members: string[];
  /** The rule of each kind of proposal. */
  rules: Record<ProposalKind, Rule>;
  /** Values of the main parameters (MAIN_PARAMETERS), by path under `parameters.` */
  parameters: Record<string, number>;
}

export interface PlaygroundState {
  org: string;
  a: PlaygroundSet;
  b: PlaygroundSet;
  years: number;
  replications: number;
  seed: number;
}

/**
 * The parameters the page has sliders for: the ones the sensitivity study found to matter most
 * for the three studies' findings (docs/VALIDATION.md), and the calibrated openness. Their ranges
 * are those of docs/PARAMETERS.md (scenario/parameter-ranges.ts).
 */
export const MAIN_PARAMETERS = [
  'trust.forgetting',
  'trust.priorStrength',
  'trust.overruledPenalty',
  'voting.temperature',
  'voting.sovereigntyWeight',
  'amendment.rounds',
  'implementation.probability',
  'institutions.interest',
  'enlargement.openness',
] as const;

export interface Slider {
  path: string;
  min: number;
  max: number;
  step: number;
}

/** A slider over a parameter's documented range: a hundred steps, or its listed values. */
export function sliderOf(path: string): Slider {
  const range: SampledRange = PARAMETER_RANGES[path];
  if ('values' in range) {
    const values = range.values.map(Number);
    return { path, min: Math.min(...values), max: Math.max(...values), step: 1 };
  }
  return { path, min: range.min, max: range.max, step: niceStep((range.max - range.min) / 100) };
}

/** 1, 2 or 5 times a power of ten, at most `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [5, 2, 1].map((m) => Number((m * power).toPrecision(1))).find((s) => s <= rough) ?? power;
}

/** The value at a dotted path under `parameters`. */
export function parameterValue(scenario: Scenario, path: string): number {
  let node: unknown = scenario.parameters;
  for (const segment of path.split('.')) node = (node as Record<string, unknown>)[segment];
  return Number(node);
}

/** An organisation as the scenario has it: today's configuration. */
export function initialSet(scenario: Scenario, org: string): PlaygroundSet {
  const organisation = scenario.organisations[org];
  return {
    members: [...organisation.members],
    rules: Object.fromEntries(
      PROPOSAL_KINDS.map((kind) => [kind, organisation.rules[kind] ?? organisation.rules.default]),
    ) as Record<ProposalKind, Rule>,
    parameters: Object.fromEntries(MAIN_PARAMETERS.map((path) => [path, parameterValue(scenario, path)])),
  };
}

/** The page as it opens: the first organisation (or the one named), A and B both as today, 200 ten-year runs. */
export function initialState(
  scenario: Scenario,
  org = Object.keys(scenario.organisations)[0],
): PlaygroundState {
  return {
    org,
    a: initialSet(scenario, org),
    b: initialSet(scenario, org),
    years: 10,
    replications: 200,
    seed: 1,
  };
}

const SetSchema = z.strictObject({
  members: z.array(Id),
  rules: z.strictObject(
    Object.fromEntries(PROPOSAL_KINDS.map((kind) => [kind, RuleSchema])) as Record<
      ProposalKind,
      typeof RuleSchema
    >,
  ),
  parameters: z.record(z.string(), z.number()),
});

const StateSchema = z.strictObject({
  org: z.string(),
  a: SetSchema,
  b: SetSchema,
  years: z.int().min(1).max(100),
  replications: z.int().min(2).max(10_000),
  seed: z.int().min(0),
});

/** The state as a URL hash (`#` + URI-encoded JSON), so a link reproduces the page. */
export function stateToHash(state: PlaygroundState): string {
  return `#${encodeURIComponent(JSON.stringify(state))}`;
}

/**
 * The state a hash holds, or why it cannot be used (a link from another scenario, or edited by
 * hand): the page then opens as today and says so.
 */
export function stateFromHash(
  hash: string,
  scenario: Scenario,
): { state: PlaygroundState } | { error: string } | null {
  const text = hash.replace(/^#/, '');
  if (text === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(decodeURIComponent(text));
  } catch {
    return { error: 'the link is not a playground state (it does not decode)' };
  }
  const parsed = StateSchema.safeParse(data);
  if (!parsed.success) return { error: 'the link is not a playground state of this version' };
  const state = parsed.data as PlaygroundState;
  if (!scenario.organisations[state.org])
    return { error: `the link names organisation ${state.org}, which this scenario does not have` };
  const unknown = [...state.a.members, ...state.b.members].find((id) => !scenario.actors[id]);
  if (unknown) return { error: `the link names state ${unknown}, which this scenario does not have` };
  return { state };
}
