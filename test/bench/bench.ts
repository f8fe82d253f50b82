import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { builtinRunsPerSecond, growthExponent, stepMilliseconds } from './engine.js';
import { playgroundFigures } from './playground.js';
import { experimentRunsPerSecond, experimentThroughput, peakRssMiB } from './pool.js';
import { powerMilliseconds } from './power.js';
import { mainThreadCpuMs } from './thread-cpu.js';

/**
 * `npm run bench`: the performance figures of docs/PERFORMANCE.md, with their targets. Prints a
 * table, then one JSON line per figure ({"figure", "value", "unit"}), and keeps the lines in
 * output/bench.jsonl. Not part of `npm test`: timings vary with the machine and its load. It
 * measures the built code in dist/ (what users run), from plain Node: `npm run bench` builds
 * dist/ and compiles this directory to output/bench-build/ first, because with tsx loaded in
 * the process (as under vitest) the same code ran 10% slower, and its worker threads more.
 *
 *   npm run bench                  # everything (about six minutes on two cores)
 *   npm run bench -- --quick       # shorter timings, and no 100,000-run experiment
 *   npm run bench -- --only step   # figures whose name contains "step"
 */
interface Figure {
  figure: string;
  value: number;
  unit: string;
  target?: { op: '>=' | '<='; value: number };
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const cores = availableParallelism();
const figures: Figure[] = [];
const wanted = (name: string) => !only || name.includes(only);

function add(figure: Figure): void {
  figures.push(figure);
  const mark = figure.target ? (meets(figure) ? 'meets' : 'MISSES') : '';
  const target = figure.target ? `${figure.target.op} ${figure.target.value}` : '';
  process.stdout.write(
    `${figure.figure.padEnd(30)} ${format(figure.value).padStart(10)} ${figure.unit.padEnd(9)} ${target.padEnd(9)} ${mark}\n`,
  );
}

const meets = (f: Figure) =>
  !f.target || (f.target.op === '>=' ? f.value >= f.target.value : f.value <= f.target.value);
const format = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

process.stdout.write(
  `cica-sim benchmark: Node ${process.version}, ${cores} cores${quick ? ', quick' : ''}\n\n`,
);
process.stdout.write(`${'figure'.padEnd(30)} ${'value'.padStart(10)} ${'unit'.padEnd(9)} target\n`);

const seconds = quick ? 1.5 : 5;
/**
 * Whether the figures of one thread are per second of its CPU time (thread-cpu.ts); where the
 * system cannot tell, they fall back to the wall clock (or the event loop), and their units say so.
 */
const threadClock = mainThreadCpuMs() !== null;
if (wanted('builtin_runs_per_s'))
  add({
    figure: 'builtin_runs_per_s',
    value: builtinRunsPerSecond(seconds),
    unit: threadClock ? 'runs/s' : 'runs/s (wall)',
    // Issue #18: a thousand ten-year runs a second on one core (500 was the first round's).
    target: { op: '>=', value: 1000 },
  });
if (wanted('builtin_formula_runs_per_s'))
  add({
    figure: 'builtin_formula_runs_per_s',
    value: builtinRunsPerSecond(seconds, 'builtin + 0.1 * (trust_proposer - trust_members)'),
    unit: threadClock ? 'runs/s' : 'runs/s (wall)',
  });

const sizes = [50, 200, 1000, 5000];
const steps: { size: number; cost: number }[] = [];
for (const states of sizes) {
  const name = `step_ms_states_${states}`;
  if (!wanted(name) && !wanted('growth_exponent')) continue;
  const cost = stepMilliseconds(states, states >= 5000 ? 2 : quick ? 3 : 10);
  steps.push({ size: states, cost });
  add({
    figure: name,
    value: cost,
    unit: 'ms',
    ...(states === 1000 ? { target: { op: '<=', value: 10 } } : {}),
  });
}
if (steps.length >= 2 && wanted('growth_exponent'))
  add({ figure: 'growth_exponent', value: growthExponent(steps), unit: '', target: { op: '<=', value: 2 } });

if (wanted('parallel_efficiency')) {
  const replications = quick ? 500 : 2500;
  const one = await experimentRunsPerSecond(1, replications);
  const { runsPerSecond: all, mainMsPerRun } = await experimentThroughput(cores, replications * cores);
  add({ figure: 'experiment_runs_per_s_1_thread', value: one, unit: 'runs/s' });
  add({ figure: `experiment_runs_per_s_${cores}_threads`, value: all, unit: 'runs/s' });
  add({
    figure: 'parallel_efficiency',
    value: all / (one * cores),
    unit: '',
    target: { op: '>=', value: 0.85 },
  });
  // Ready for 16 cores (issue #18): the main thread's CPU time per run taken in (its event loop's
  // active time where the system cannot tell a thread's CPU time), and how many times over it
  // could take in what 16 workers at this machine's per-thread rate would send.
  add({
    figure: 'main_thread_ms_per_run',
    value: mainMsPerRun,
    unit: threadClock ? 'ms' : 'ms (loop)',
  });
  add({
    figure: 'main_thread_headroom_16_threads',
    value: 1000 / mainMsPerRun / (16 * one),
    unit: '×',
    target: { op: '>=', value: 1 },
  });
}

if (wanted('peak_rss_mib_100k_runs') && !quick)
  add({
    figure: 'peak_rss_mib_100k_runs',
    value: peakRssMiB(100_000, cores),
    unit: 'MiB',
    target: { op: '<=', value: 2048 },
  });

// Voting power, in-process (issue #18): the EU-27 Nice weights, the Lisbon double majority, the
// US Electoral College.
for (const [figure, body, target] of [
  ['power_ms_eu27_nice_weights', 'eu27-nice-weights', 2],
  ['power_ms_eu27_lisbon', 'eu27-lisbon', 50],
  ['power_ms_electoral_college', 'us-electoral-college', 20],
] as const)
  if (wanted(figure))
    add({
      figure,
      value: powerMilliseconds(body, quick ? 5 : 21),
      unit: 'ms',
      target: { op: '<=', value: target },
    });

// The browser playground (issue #19): 200 ten-year replications of both sets in Chromium's Web Workers.
if (wanted('playground')) {
  const measured = await playgroundFigures(quick ? 1 : 3);
  if (measured) {
    add({ figure: 'playground_html_mib', value: measured.mib, unit: 'MiB', target: { op: '<=', value: 3 } });
    add({
      figure: 'playground_s_200_replications',
      value: measured.runSeconds,
      unit: 's',
      target: { op: '<=', value: 3 },
    });
    add({ figure: 'playground_s_to_last_chart', value: measured.chartSeconds, unit: 's' });
  } else process.stdout.write('playground: skipped (no /usr/bin/chromium)\n');
}

process.stdout.write('\n');
const lines = figures.map(({ figure, value, unit }) =>
  JSON.stringify({ figure, value: Number(value.toPrecision(6)), unit }),
);
process.stdout.write(`${lines.join('\n')}\n`);
mkdirSync(new URL('../../output/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../output/bench.jsonl', import.meta.url), `${lines.join('\n')}\n`);
const missed = figures.filter((f) => !meets(f)).map((f) => f.figure);
if (missed.length > 0) process.stdout.write(`\nmissed targets: ${missed.join(', ')}\n`);
