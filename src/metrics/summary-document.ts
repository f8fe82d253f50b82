import type { RunResult } from '../engine/simulate.js';
import { yearOfStep } from '../model/calendar.js';
import type { LoadedScenario } from '../scenario/load.js';
import { VERSION } from '../version.js';
import { type RunSummary, summarizeRun } from './summarize.js';
import { jsonNumber } from './timeseries.js';

/**
 * summary.json of `cica-sim run`: what was run (version, scenario hash, seed, horizon) and the
 * whole-run values per organisation. No timestamps or paths that vary between machines, so the
 * same inputs write the same bytes.
 */
export function summaryDocument(
  loaded: LoadedScenario,
  result: RunResult,
  summary: RunSummary = summarizeRun(result),
) {
  return {
    cicaSim: VERSION,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    seed: result.seed,
    startYear: result.startYear,
    years: result.steps / result.stepsPerYear,
    stepsPerYear: result.stepsPerYear,
    steps: result.steps,
    organisations: Object.fromEntries(
      Object.entries(summary).map(([org, values]) => [
        org,
        Object.fromEntries(Object.entries(values).map(([metric, value]) => [metric, jsonNumber(value)])),
      ]),
    ),
    milestones: milestones(result),
    admissions: admissions(result),
  };
}

/** Who was admitted to which organisation, and when. */
function admissions(result: RunResult) {
  const ids = result.stateIds ?? [];
  return Object.fromEntries(
    result.orgIds.map((org, o) => [
      org,
      ids
        .flatMap((state, i) => {
          const step = result.admittedStep?.[o * ids.length + i] ?? Number.NaN;
          return Number.isNaN(step) ? [] : [{ state, step, year: yearOfStep(result, step) }];
        })
        .sort((a, b) => a.step - b.step),
    ]),
  );
}

/**
 * When each rung of each organisation's ladder was reached: "before the run", a step and year, or
 * null when it was not reached.
 */
function milestones(result: RunResult) {
  const names = result.rungNames ?? [];
  let offset = 0;
  return Object.fromEntries(
    result.orgIds.map((org, o) => {
      const rungs = (names[o] ?? []).map((rung, k) => {
        const step = result.rungReachedStep?.[offset + k] ?? Number.NaN;
        const reached = Number.isNaN(step)
          ? null
          : step === 0
            ? 'before the run'
            : { step, year: yearOfStep(result, step) };
        return { rung, reached };
      });
      offset += names[o]?.length ?? 0;
      return [org, rungs];
    }),
  );
}
