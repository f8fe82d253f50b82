/// <reference lib="dom" />
import { parse, stringify } from 'yaml';
import { PROPOSAL_KINDS, type ProposalKind } from '../../model/proposals.js';
import { describeRule } from '../../rules/describe.js';
import type { Rule } from '../../rules/schema.js';
import { describeEligibility, isEligible } from '../../scenario/eligibility.js';
import { describeRange, PARAMETER_RANGES } from '../../scenario/parameter-ranges.js';
import type { Scenario } from '../../scenario/schema.js';
import { checkRuleText } from '../overrides.js';
import { PRESETS, presetOf } from '../presets.js';
import {
  initialSet,
  initialState,
  MAIN_PARAMETERS,
  type PlaygroundSet,
  type PlaygroundState,
  sliderOf,
} from '../state.js';
import { h, labelled } from './dom.js';

/**
 * The controls of the page: organisation, which set is edited, its members, its rules, its
 * parameters, and the run settings. Every control has a label and is a native element, so it
 * works from the keyboard. A change updates the state and calls `changed`; the rule text is
 * checked as it is typed, with the messages `cica-sim validate` gives.
 */
export interface ControlsContext {
  scenario: Scenario;
  state: PlaygroundState;
  editing: 'a' | 'b';
  kind: ProposalKind;
  changed(): void;
  /** Rebuilds the controls (after a change of organisation, set or kind). */
  rebuild(): void;
}

export function buildControls(context: ControlsContext): HTMLElement {
  return h(
    'form',
    { id: 'controls-form', 'aria-label': 'configuration' },
    organisationControl(context),
    setControl(context),
    membersControl(context),
    rulesControl(context),
    parametersControl(context),
    runSettings(context),
  );
}

const currentSet = (context: ControlsContext): PlaygroundSet => context.state[context.editing];

function organisationControl(context: ControlsContext): HTMLElement {
  const select = h('select', {});
  for (const [id, org] of Object.entries(context.scenario.organisations))
    select.append(
      h('option', { value: id, selected: id === context.state.org }, org.name ? `${id} — ${org.name}` : id),
    );
  select.addEventListener('change', () => {
    const { years, replications, seed } = context.state;
    Object.assign(context.state, initialState(context.scenario, select.value), { years, replications, seed });
    context.changed();
    context.rebuild();
  });
  return h('fieldset', {}, h('legend', {}, 'Organisation'), labelled('org', 'organisation', select));
}

function setControl(context: ControlsContext): HTMLElement {
  const radios = (['a', 'b'] as const).map((set) => {
    const input = h('input', {
      type: 'radio',
      name: 'editing',
      value: set,
      checked: context.editing === set,
    });
    input.addEventListener('change', () => {
      context.editing = set;
      context.rebuild();
    });
    return h(
      'label',
      { class: 'inline' },
      input,
      ` set ${set.toUpperCase()}${set === 'a' ? ' (reference)' : ''}`,
    );
  });
  const copy = h('button', { type: 'button', id: 'copy-a-to-b' }, 'Copy A to B');
  copy.addEventListener('click', () => {
    context.state.b = structuredClone(context.state.a);
    context.changed();
    context.rebuild();
  });
  const reset = h('button', { type: 'button', id: 'reset-set' }, 'Reset this set to today');
  reset.addEventListener('click', () => {
    context.state[context.editing] = initialSet(context.scenario, context.state.org);
    context.changed();
    context.rebuild();
  });
  return h(
    'fieldset',
    {},
    h('legend', {}, 'Set to edit'),
    ...radios,
    h('div', { class: 'buttons' }, copy, reset),
  );
}

/** Members first, then observers, partners and the rest; ineligible states shown, but not tickable. */
function membersControl(context: ControlsContext): HTMLElement {
  const { scenario, state } = context;
  const org = scenario.organisations[state.org];
  const set = currentSet(context);
  const statusOf = (id: string) =>
    org.members.includes(id)
      ? 'member'
      : org.observers.includes(id)
        ? 'observer'
        : org.partners.includes(id)
          ? 'partner'
          : 'candidate';
  const rank = { member: 0, observer: 1, partner: 2, candidate: 3 };
  const ids = Object.keys(scenario.actors).sort(
    (x, y) => rank[statusOf(x)] - rank[statusOf(y)] || x.localeCompare(y),
  );
  const list = h('ul', { class: 'members' });
  for (const id of ids) {
    const actor = scenario.actors[id];
    const eligible = isEligible(org, actor);
    const status = statusOf(id);
    const box = h('input', {
      type: 'checkbox',
      id: `member-${id}`,
      checked: set.members.includes(id),
      disabled: !eligible,
    });
    box.addEventListener('change', () => {
      set.members = box.checked ? [...set.members, id] : set.members.filter((m) => m !== id);
      context.changed();
    });
    const note = eligible ? status : `not eligible: needs ${describeEligibility(org)}`;
    list.append(
      h(
        'li',
        { class: `status-${eligible ? status : 'ineligible'}` },
        box,
        h('label', { for: `member-${id}` }, `${id} ${actor.name}`, h('span', { class: 'tag' }, note)),
      ),
    );
  }
  return h(
    'fieldset',
    { id: 'members' },
    h('legend', {}, `Members of ${state.org} in set ${context.editing.toUpperCase()}`),
    list,
  );
}

function rulesControl(context: ControlsContext): HTMLElement {
  const set = currentSet(context);
  const prefix = `organisations.${context.state.org}.rules`;
  const kindSelect = h('select', {});
  for (const kind of PROPOSAL_KINDS)
    kindSelect.append(h('option', { value: kind, selected: kind === context.kind }, kind));
  kindSelect.addEventListener('change', () => {
    context.kind = kindSelect.value as ProposalKind;
    context.rebuild();
  });
  const rule = set.rules[context.kind];
  const preset = presetOf(rule);
  const presetSelect = h('select', { 'data-testid': 'rule-preset' });
  for (const p of PRESETS)
    presetSelect.append(h('option', { value: p.id, selected: p.id === preset.id }, p.label));
  presetSelect.append(h('option', { value: 'custom', selected: preset.id === 'custom' }, 'written below'));
  const k = h('input', { type: 'number', min: 0, max: 200, step: 1, value: preset.k ?? 1 });
  const text = h('textarea', { rows: 3, spellcheck: false }, ruleText(rule));
  const problems = h('ul', { class: 'problems', role: 'alert', id: 'rule-problems' });
  const summary = h('ul', { class: 'rule-summary' });
  const showSummary = () =>
    summary.replaceChildren(
      ...PROPOSAL_KINDS.map((kind) => h('li', {}, `${kind}: ${describeRule(set.rules[kind])}`)),
    );
  const setRule = (next: Rule) => {
    set.rules[context.kind] = next;
    showSummary();
    context.changed();
  };
  const fromPreset = () => {
    const chosen = PRESETS.find((p) => p.id === presetSelect.value);
    if (!chosen) return;
    const next = chosen.rule(Number(k.value));
    text.value = ruleText(next);
    text.setCustomValidity('');
    problems.replaceChildren();
    setRule(next);
  };
  presetSelect.addEventListener('change', fromPreset);
  k.addEventListener('input', fromPreset);
  text.addEventListener('input', () => {
    const checked = parseRuleText(text.value, `${prefix}.${context.kind}`);
    problems.replaceChildren(
      ...('problems' in checked ? checked.problems.map((p) => h('li', {}, `${p.path}: ${p.message}`)) : []),
    );
    // An invalid text holds the form invalid, so Run stays disabled until it is fixed.
    text.setCustomValidity('problems' in checked ? 'the rule has problems (listed below)' : '');
    if ('rule' in checked) {
      presetSelect.value = presetOf(checked.rule).id;
      setRule(checked.rule);
    } else context.changed();
  });
  showSummary();
  return h(
    'fieldset',
    { id: 'rules' },
    h('legend', {}, `Decision rules in set ${context.editing.toUpperCase()}`),
    labelled('rule-kind', 'kind of proposal', kindSelect),
    labelled('rule-preset', 'rule', presetSelect),
    labelled('rule-k', 'k: objections survived (consensus minus k), or members needed (opt-in)', k),
    labelled(
      'rule-text',
      'the rule in the rule language (YAML), as in a scenario file',
      text,
      'e.g. { kind: quota, yes: { count: { share: 0.6667 } } }',
    ),
    problems,
    summary,
  );
}

function ruleText(rule: Rule): string {
  return stringify(rule, { collectionStyle: 'flow' }).trim();
}

/** The rule text checked: YAML first, then the rule schema, with the CLI's messages. */
export function parseRuleText(text: string, path: string): ReturnType<typeof checkRuleText> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return {
      problems: [
        {
          path,
          message: `expected a rule in YAML, found a syntax error: ${(error as Error).message.split('\n')[0]}`,
        },
      ],
    };
  }
  return checkRuleText(value, path);
}

function parametersControl(context: ControlsContext): HTMLElement {
  const set = currentSet(context);
  const fields = MAIN_PARAMETERS.map((path) => {
    const slider = sliderOf(path);
    const id = `parameter-${path.replace(/\./g, '-')}`;
    const input = h('input', {
      type: 'range',
      min: slider.min,
      max: slider.max,
      step: slider.step,
      value: set.parameters[path],
    });
    const output = h('output', { for: id }, String(set.parameters[path]));
    input.addEventListener('input', () => {
      set.parameters[path] = Number(input.value);
      output.textContent = input.value;
      context.changed();
    });
    const field = labelled(
      id,
      `parameters.${path}`,
      input,
      `range ${describeRange(PARAMETER_RANGES[path])} (docs/PARAMETERS.md)`,
    );
    field.append(output);
    return field;
  });
  return h(
    'fieldset',
    { id: 'parameters' },
    h('legend', {}, `Parameters in set ${context.editing.toUpperCase()}`),
    ...fields,
  );
}

function runSettings(context: ControlsContext): HTMLElement {
  const { state } = context;
  const number = (key: 'years' | 'replications' | 'seed', min: number, max: number, label: string) => {
    const input = h('input', { type: 'number', min, max, step: 1, value: state[key], required: true });
    input.addEventListener('input', () => {
      const value = Number(input.value);
      if (Number.isInteger(value) && value >= min && value <= max) {
        state[key] = value;
        input.setCustomValidity('');
      } else input.setCustomValidity(`expected a whole number from ${min} to ${max}`);
      context.changed();
    });
    return labelled(key, label, input);
  };
  return h(
    'fieldset',
    { id: 'run-settings' },
    h('legend', {}, 'Run settings (both sets)'),
    number('years', 1, 50, 'years'),
    number('replications', 2, 5000, 'replications'),
    number('seed', 0, 2 ** 31 - 1, 'seed'),
  );
}
