/// <reference lib="dom" />
import type { ProposalKind } from '../../model/proposals.js';
import { votingBodyFromScenario } from '../../scenario/scenario-voting-body.js';
import type { Scenario } from '../../scenario/schema.js';
import { gatherResults, SET_NAMES } from '../runs.js';
import type { PlaygroundState } from '../state.js';
import { powerChart } from '../views.js';
import { h } from './dom.js';
import { powerInWorker, type RunJob, runInWorkers, type WorkerFactory } from './pool.js';
import { drawChart, showResults } from './results.js';

/** The page's elements a run reports to. */
export interface RunView {
  progress: HTMLProgressElement;
  statusLine: HTMLElement;
  results: HTMLElement;
  cancelButton: HTMLButtonElement;
}

/**
 * Runs both sets' replications in the workers, then shows the findings, the charts and voting
 * power. `document.body.dataset.status` says where it is: running, then done (everything drawn),
 * cancelled or failed. What the runs gave stays in `playgroundResults` for tests and the curious.
 */
export async function runAndShow(
  createWorker: WorkerFactory,
  scenarios: [Scenario, Scenario],
  state: PlaygroundState,
  kind: ProposalKind,
  view: RunView,
  started: (job: RunJob) => void,
): Promise<void> {
  document.body.dataset.status = 'running';
  const t0 = performance.now();
  const total = state.replications;
  view.progress.max = total;
  view.progress.value = 0;
  view.statusLine.textContent = `running ${total} replications of both sets…`;
  const job = runInWorkers(
    createWorker,
    { type: 'init', scenarios, years: state.years, seed: state.seed },
    total,
    (done) => {
      view.progress.value = done;
    },
  );
  started(job);
  view.cancelButton.disabled = false;
  try {
    const replications = await job.promise;
    const seconds = (performance.now() - t0) / 1000;
    const [first] = scenarios;
    const shape = {
      orgIds: Object.keys(first.organisations),
      steps: state.years * first.stepsPerYear,
      startYear: first.startYear,
      stepsPerYear: first.stepsPerYear,
    };
    const gathered = gatherResults(shape, replications);
    (globalThis as unknown as { playgroundResults: unknown }).playgroundResults = {
      seconds,
      replications: replications
        .map((r) => ({ replication: r.replication, seed: r.seed, summaries: r.runs.map((x) => x.summary) }))
        .sort((x, y) => x.replication - y.replication),
      compare: gathered.compare,
    };
    view.statusLine.textContent = `${total} replications of both sets in ${seconds.toFixed(1)} s`;
    await showResults(view.results, gathered, state.org);
    await showPower(createWorker, scenarios, state.org, kind, view.results);
    document.body.dataset.status = 'done';
  } catch (error) {
    const message = (error as Error).message;
    view.statusLine.textContent = message === 'cancelled' ? 'cancelled' : `the run failed: ${message}`;
    document.body.dataset.status = message === 'cancelled' ? 'cancelled' : 'failed';
  } finally {
    view.cancelButton.disabled = true;
  }
}

/** Each set's voting power for one kind of proposal, computed in a worker, as bars. */
async function showPower(
  createWorker: WorkerFactory,
  scenarios: [Scenario, Scenario],
  org: string,
  kind: ProposalKind,
  results: HTMLElement,
): Promise<void> {
  const bodies = scenarios.map((s) => votingBodyFromScenario(s, 'playground', org, kind));
  const powers = await powerInWorker(
    createWorker,
    bodies.map((b) => ({ members: b.members, rule: b.rule })),
  );
  const section = h('section', { id: 'power' }, h('h2', {}, `Voting power for ${kind} proposals`));
  results.append(section);
  await drawChart(section, {
    id: 'power',
    spec: powerChart(bodies.map((b, s) => ({ set: SET_NAMES[s], kind, rule: b.rule, result: powers[s] }))),
  });
}
