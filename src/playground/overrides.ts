import { describeIssue } from '../input/describe-issue.js';
import { parsePath, setByPath } from '../input/paths.js';
import { PROPOSAL_KINDS } from '../model/proposals.js';
import { type Rule, RuleSchema } from '../rules/schema.js';
import type { PathProblem } from '../scenario/check-references.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioVocabulary, validateScenarioData } from '../scenario/validate-data.js';
import { initialSet, type PlaygroundSet } from './state.js';

/**
 * A configuration as field-path overrides of the scenario — exactly an experiment variant's
 * `set:` — holding only what differs from today: the member list (and the observer and partner
 * lists a new member leaves, and the chair's rotation a leaving member leaves), each kind's rule,
 * each changed parameter.
 */
export function setOverrides(scenario: Scenario, org: string, set: PlaygroundSet): Record<string, unknown> {
  const organisation = scenario.organisations[org];
  const today = initialSet(scenario, org);
  const overrides: Record<string, unknown> = {};
  const prefix = `organisations.${org}`;
  if (!sameList(set.members, today.members)) {
    const members = new Set(set.members);
    overrides[`${prefix}.members`] = set.members;
    for (const list of ['observers', 'partners'] as const) {
      const kept = organisation[list].filter((id) => !members.has(id));
      if (kept.length !== organisation[list].length) overrides[`${prefix}.${list}`] = kept;
    }
    const order = organisation.chair.order;
    if (order?.some((id) => !members.has(id)))
      overrides[`${prefix}.chair.order`] = order.filter((id) => members.has(id));
  }
  for (const kind of PROPOSAL_KINDS)
    if (JSON.stringify(set.rules[kind]) !== JSON.stringify(today.rules[kind]))
      overrides[`${prefix}.rules.${kind}`] = set.rules[kind];
  for (const [path, value] of Object.entries(set.parameters))
    if (value !== today.parameters[path]) overrides[`parameters.${path}`] = value;
  return overrides;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The scenario with a configuration applied, checked as `cica-sim validate` checks a file (the
 * schema, then every reference), or every problem with its field path and message.
 */
export function applySet(
  scenario: Scenario,
  org: string,
  set: PlaygroundSet,
): { scenario: Scenario } | { problems: PathProblem[] } {
  const data = structuredClone(scenario) as unknown as Record<string, unknown>;
  const problems: PathProblem[] = [];
  for (const [path, value] of Object.entries(setOverrides(scenario, org, set))) {
    const segments = parsePath(path);
    const failure = Array.isArray(segments) ? setByPath(data, segments, value) : segments.error;
    if (failure) problems.push({ path, message: failure });
  }
  if (problems.length > 0) return { problems };
  return validateScenarioData(data);
}

/** A rule as written in the page's text field (YAML or JSON), or the problems the CLI would report. */
export function checkRuleText(value: unknown, path: string): { rule: Rule } | { problems: PathProblem[] } {
  const parsed = RuleSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { rule: parsed.data };
  // Described where the rule sits in a scenario, so "did you mean" knows the field names around it.
  const prefix = path.split('.');
  return {
    problems: parsed.error.issues.flatMap((issue) =>
      describeIssue({ ...issue, path: [...prefix, ...issue.path] }, scenarioVocabulary()),
    ),
  };
}
