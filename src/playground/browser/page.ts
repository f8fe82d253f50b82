/// <reference lib="dom" />
import type { Scenario } from '../../scenario/schema.js';
import { experimentYaml } from '../experiment-yaml.js';
import { applySet } from '../overrides.js';
import { SET_NAMES } from '../runs.js';
import { initialState, type PlaygroundState, stateFromHash, stateToHash } from '../state.js';
import { buildControls, type ControlsContext } from './controls.js';
import { h } from './dom.js';
import type { RunJob } from './pool.js';
import { runAndShow } from './run.js';

/**
 * The page: its data (the scenario and the path it was read from: a JSON script element written
 * by `cica-sim playground`), its state (from the URL hash when a link carries one), the controls,
 * and the Run, Cancel and Download buttons.
 */
interface PageData {
  scenario: Scenario;
  scenarioPath: string;
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function startPage(): void {
  const data = JSON.parse(element('cica-data').textContent ?? '{}') as PageData;
  const workerUrl = URL.createObjectURL(
    new Blob([element('cica-app').textContent ?? ''], { type: 'text/javascript' }),
  );
  const createWorker = () => new Worker(workerUrl);
  const { scenario } = data;
  const fromHash = stateFromHash(location.hash, scenario);
  const state: PlaygroundState = fromHash && 'state' in fromHash ? fromHash.state : initialState(scenario);
  const runButton = element<HTMLButtonElement>('run');
  const view = {
    progress: element<HTMLProgressElement>('progress'),
    statusLine: element('status-line'),
    results: element('results'),
    cancelButton: element<HTMLButtonElement>('cancel'),
  };
  if (fromHash && 'error' in fromHash)
    view.statusLine.textContent = `${fromHash.error}; showing today's configuration.`;
  let job: RunJob | null = null;

  /** Both sets applied and checked; the problems shown, and Run disabled, until they are fixed. */
  const checkSets = (): [Scenario, Scenario] | null => {
    const checked = [state.a, state.b].map((set) => applySet(scenario, state.org, set));
    const found = checked.flatMap((c, s) =>
      'problems' in c ? c.problems.map((p) => `set ${SET_NAMES[s]}: ${p.path}: ${p.message}`) : [],
    );
    element('problems').replaceChildren(...found.map((text) => h('li', {}, text)));
    const form = document.getElementById('controls-form') as HTMLFormElement | null;
    const valid = found.length === 0 && (form?.checkValidity() ?? true);
    runButton.disabled = !valid || job !== null;
    if (!valid) return null;
    return checked.map((c) => ('scenario' in c ? c.scenario : scenario)) as [Scenario, Scenario];
  };

  const context: ControlsContext = {
    scenario,
    state,
    editing: 'b',
    kind: 'cbm',
    changed() {
      history.replaceState(null, '', stateToHash(state));
      checkSets();
    },
    rebuild() {
      element('controls').replaceChildren(buildControls(context));
      checkSets();
    },
  };

  runButton.addEventListener('click', async () => {
    const scenarios = checkSets();
    if (!scenarios || job) return;
    runButton.disabled = true;
    await runAndShow(createWorker, scenarios, state, context.kind, view, (started) => {
      job = started;
    });
    job = null;
    checkSets();
  });
  view.cancelButton.addEventListener('click', () => job?.cancel());
  element('download').addEventListener('click', () => {
    const text = experimentYaml(state, scenario, data.scenarioPath);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
    h('a', { href: url, download: 'playground.yaml' }).click();
  });
  context.rebuild();
  history.replaceState(null, '', stateToHash(state));
  document.body.dataset.status = 'ready';
}
