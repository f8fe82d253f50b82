import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { RunResult } from '../engine/simulate.js';
import { compileWorld } from '../engine/world.js';
import { requireMemory, runBytes } from '../experiment/resources.js';
import { runShape } from '../experiment/run-shape.js';
import { InputError } from '../input/errors.js';
import { RECORDERS } from '../metrics/recorders.js';
import { simulateRecorded } from '../metrics/simulate-recorded.js';
import { summarizeRun } from '../metrics/summarize.js';
import { summaryDocument } from '../metrics/summary-document.js';
import { timeseriesRows } from '../metrics/timeseries.js';
import { yearOfStep } from '../model/calendar.js';
import { type LoadedScenario, loadScenario } from '../scenario/load.js';
import { lockDirectory } from '../tables/lock.js';
import { timeseriesCsv, vetoesCsv } from '../tables/run-tables.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { requireFileKind } from './file-kind.js';
import { integerOption } from './options.js';
import { formatTable } from './table.js';

interface RunOptions {
  seed: number;
  years?: number;
  out?: string;
  format: 'csv' | 'json';
  trace?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('simulate one run of a scenario and write its time series and summary')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--seed <n>', 'seed of the run: same seed, same numbers', integerOption('--seed', 0), 1)
    .option(
      '--years <n>',
      "horizon in years (default: the scenario's `years`)",
      integerOption('--years', 1, 1000),
    )
    .option('--out <dir>', 'write timeseries and summary.json into this directory')
    .addOption(
      new Option(
        '--format <format>',
        'timeseries.csv or timeseries.json; without --out, json prints the summary as JSON',
      )
        .choices(['csv', 'json'])
        .default('csv'),
    )
    .option(
      '--trace',
      'also write trace.jsonl: every proposal, vote, shock, application and reform (needs --out)',
    )
    .addHelpText(
      'after',
      `\nColumns of the time series (one row per step and organisation):\n  step, year, org, ${RECORDERS.map((r) => r.name).join(', ')}\n\nExamples:\n  cica-sim run scenarios/asia-2025.yaml\n  cica-sim run scenarios/asia-2025.yaml --seed 7 --years 20 --out output/seed7`,
    )
    .action((file: string, options: RunOptions) => runCommand(file, options));
}

function runCommand(file: string, options: RunOptions): void {
  if (options.trace && !options.out) {
    throw new InputError([
      {
        location: { file: '--trace' },
        path: '',
        message: 'expected --out DIR as well: the trace is written to DIR/trace.jsonl',
      },
    ]);
  }
  requireFileKind(file, 'cica-sim run', ['scenario']);
  const loaded = loadScenario(file);
  const years = options.years ?? loaded.scenario.years;
  requireMemory(
    [{ what: 'one run', bytes: runBytes(runShape(loaded.scenario, years)), heap: false }],
    file,
    'use fewer years or steps per year',
  );
  const world = compileWorld(loaded.scenario, { years });
  const traceLines: string[] = [];
  const result = simulateRecorded(
    world,
    options.seed,
    options.trace ? { trace: (record) => traceLines.push(JSON.stringify(record)) } : {},
  );
  const summary = summarizeRun(result);
  const document = summaryDocument(loaded, result, summary);

  if (options.out) {
    // One writer at a time in the directory (tables/lock.ts).
    const lock = lockDirectory(options.out, { command: `cica-sim run ${file} --out ${options.out}` });
    try {
      writeRunFiles(options.out, options, loaded, result, document, traceLines);
    } finally {
      lock.release();
    }
    process.stdout.write(
      `${summaryTable(loaded.scenario.name, document.seed, result.startYear, result.steps, result.stepsPerYear, summary)}\n\n`,
    );
    const seriesName = options.format === 'json' ? 'timeseries.json' : 'timeseries.csv';
    process.stdout.write(
      `wrote ${join(options.out, seriesName)}, ${join(options.out, 'summary.json')} and ${join(options.out, 'vetoes.csv')}\n`,
    );
    return;
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `${summaryTable(loaded.scenario.name, document.seed, result.startYear, result.steps, result.stepsPerYear, summary)}\n`,
  );
}

function summaryTable(
  name: string,
  seed: number | string,
  startYear: number,
  steps: number,
  stepsPerYear: number,
  summary: ReturnType<typeof summarizeRun>,
): string {
  const lastYear = yearOfStep({ startYear, stepsPerYear }, steps);
  const headers = [
    'org',
    'members',
    'proposals',
    'adopted',
    'adoption',
    'ambition',
    'trust',
    'cohesion',
    'implemented',
    'vetoes',
    'stage',
    'conflicts',
  ];
  const rows = Object.entries(summary).map(([org, v]) => [
    org,
    v.members,
    v.proposals,
    v.adopted,
    v.adoption_rate,
    v.ambition,
    v.mean_trust,
    v.cohesion,
    v.cbms_implemented,
    v.vetoes,
    v.stage,
    v.conflicts,
  ]);
  return [
    `${name} — seed ${seed}, ${startYear}–${lastYear} (${steps} steps)`,
    '',
    formatTable(headers, rows),
    '',
    'proposals, adopted, implemented, vetoes, conflicts: totals over the run; adoption: adopted / proposals;',
    'ambition: mean bindingness × benefit of what was adopted; members, trust, cohesion, stage: at the end.',
  ].join('\n');
}

/** DIR's files of one run: the time series, summary.json, vetoes.csv and (with --trace) the trace. */
function writeRunFiles(
  out: string,
  options: RunOptions,
  loaded: LoadedScenario,
  result: RunResult,
  document: ReturnType<typeof summaryDocument>,
  traceLines: string[],
): void {
  const series =
    options.format === 'json'
      ? { name: 'timeseries.json', content: `${JSON.stringify(timeseriesRows(result), null, 1)}\n` }
      : { name: 'timeseries.csv', content: timeseriesCsv(result) };
  writeFileAtomic(join(out, series.name), series.content);
  writeFileAtomic(join(out, 'summary.json'), `${JSON.stringify(document, null, 2)}\n`);
  if (options.trace)
    writeFileAtomic(join(out, 'trace.jsonl'), traceLines.length ? `${traceLines.join('\n')}\n` : '');
  // Everyone who was a member at some point: the initial members, then those admitted.
  const organisations = Object.values(loaded.scenario.organisations);
  const admitted = (o: number) =>
    (result.stateIds ?? []).filter(
      (_, i) => !Number.isNaN(result.admittedStep?.[o * (result.stateIds?.length ?? 0) + i] ?? Number.NaN),
    );
  writeFileAtomic(
    join(out, 'vetoes.csv'),
    vetoesCsv(result, (o) => [...organisations[o].members, ...admitted(o)]),
  );
}
