import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { loadExperiment } from '../experiment/load.js';
import { runExperiment } from '../experiment/run-experiment.js';
import { OutputError } from '../util/output-error.js';
import { EXIT_FAILED, EXIT_INTERRUPTED } from './exit-codes.js';
import { requireFileKind } from './file-kind.js';
import { commandLine, holdDirectory } from './hold-directory.js';
import { integerOption, stopAfterOption, threadsOption } from './options.js';
import { createProgress, formatDuration, type Progress } from './progress.js';
import { listenForStop } from './stop-signals.js';

interface ExperimentOptions {
  out?: string;
  threads: number;
  replications?: number;
  resume?: boolean;
  force?: boolean;
  shard?: { index: number; count: number };
  quiet?: boolean;
  report: boolean;
  png?: boolean;
  stopAfter?: number;
}

export function registerExperiment(program: Command): void {
  program
    .command('experiment')
    .description('run an experiment — variants × sweep points × replications — on worker threads')
    .argument('<file>', 'experiment file (YAML or JSON)')
    .option('--out <dir>', 'output directory (default: output/<experiment name>)')
    .addOption(threadsOption())
    .option(
      '--replications <n>',
      "replications per variant and point (default: the file's)",
      integerOption('--replications', 1, 10_000_000),
    )
    .option('--resume', 'continue an interrupted run of the same experiment in --out')
    .option('--force', "replace an earlier experiment's results in --out (only an experiment directory)")
    .option('--shard <i/n>', 'run only shard i of n (then combine shards with cica-sim merge)', parseShard)
    .option('--quiet', 'no progress output')
    .option('--no-report', 'skip the charts and report.html written at the end')
    .option('--png', 'also render every chart to PNG (charts/<name>.png)')
    .addOption(stopAfterOption('replication'))
    .addHelpText(
      'after',
      `
Writes into the output directory: manifest.json, runs.csv (one row per run and organisation),
timeseries.csv (mean, sd, p05, p50, p95, n per variant, point, step, organisation, metric),
compare.csv (each variant minus the first, paired by replication, with 95% intervals),
points.csv (the swept values, with a sweep), vetoes.csv (vetoes per state), trust.csv (final
trust between every pair of states, quantiles over runs), milestones.csv (the share of runs that
reached each institutional rung by each year), admissions.csv (how often each applicant got in),
and state.json (for merging shards); then charts/ and report.html unless --no-report.

Results do not depend on --threads or on sharding. Ctrl-C stops cleanly; --resume continues.

Examples:
  cica-sim experiment experiments/example.yaml --replications 20
  cica-sim experiment experiments/example.yaml --shard 1/2 --out output/example-1
  cica-sim merge output/example-1 output/example-2 --out output/example`,
    )
    .action((file: string, options: ExperimentOptions) => experimentCommand(file, options));
}

/** Charts and report.html, loaded only when wanted (vega and vega-lite are heavy to load). */
async function writeChartsAndReport(out: string, png: boolean): Promise<string> {
  const { writeExperimentCharts } = await import('../charts/experiment-charts.js');
  const { writeReport } = await import('../charts/report.js');
  const charts = await writeExperimentCharts(out, { png });
  for (const chart of charts.filter((c) => c.warnings.length > 0))
    process.stderr.write(`${chart.name}: ${chart.warnings.join('; ')}\n`);
  return writeReport(out, charts);
}

function resumeCommand(file: string, out: string, options: ExperimentOptions): string {
  return [
    'cica-sim experiment',
    file,
    '--out',
    out,
    '--resume',
    ...(options.replications ? ['--replications', String(options.replications)] : []),
    ...(options.shard ? ['--shard', `${options.shard.index}/${options.shard.count}`] : []),
  ].join(' ');
}

export function parseShard(raw: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n, e.g. 2/8, found "${raw}"`);
  }
  return { index, count };
}

async function experimentCommand(file: string, options: ExperimentOptions): Promise<void> {
  requireFileKind(file, 'cica-sim experiment', ['experiment']);
  const experiment = loadExperiment(file, { replications: options.replications });
  if (options.report && Object.keys(experiment.charts.custom).length > 0) {
    const { checkCustomCharts } = await import('../charts/custom-charts.js');
    await checkCustomCharts(experiment.charts.custom, file);
  }
  const out =
    options.out ??
    join(
      'output',
      options.shard
        ? `${experiment.name}-shard-${options.shard.index}-of-${options.shard.count}`
        : experiment.name,
    );

  // Held through the runs, the tables, the charts and the report: one writer at a time.
  const lock = holdDirectory(out, commandLine());
  const stop = listenForStop(options.quiet ?? false);
  // Created at the first run taken in, when the share of runs left is known.
  const progress: { current: Progress | null } = { current: null };
  const started = Date.now();
  try {
    const outcome = await runExperiment(experiment, {
      out,
      threads: options.threads,
      resume: options.resume,
      force: options.force,
      shard: options.shard,
      stopAfter: options.stopAfter,
      command: commandLine(),
      shouldStop: stop.requested,
      onProgress: (done, total) => {
        progress.current ??= createProgress(total, done - 1, options.quiet ?? false);
        progress.current.update(done);
      },
    });
    progress.current?.stop();
    if (outcome.status === 'interrupted') {
      process.stderr.write(
        `stopped: ${outcome.done} of ${outcome.total} runs done and kept in ${out}\nto continue: ${resumeCommand(file, out, options)}\n`,
      );
      process.exitCode = EXIT_INTERRUPTED;
      return;
    }
    const report =
      options.report && !options.shard ? await writeChartsAndReport(out, options.png ?? false) : null;
    if (!options.quiet) {
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `${experiment.name}: ${outcome.total} runs in ${formatDuration(seconds)}; wrote the tables in ${out}\n`,
      );
      if (report) process.stdout.write(`report: ${report}\n`);
    }
    if (outcome.failures.length > 0) {
      process.stderr.write(
        `${outcome.failures.length} of ${outcome.total} runs failed and are left out of the tables: see ${join(out, 'failures.csv')}${report ? ' and the report' : ''}\n`,
      );
      process.exitCode = EXIT_FAILED;
    }
  } catch (error) {
    progress.current?.stop();
    if (error instanceof OutputError) {
      // The checkpoint before the failed write is whole: say how to go on once there is room.
      process.stderr.write(
        `cica-sim: ${error.message}\nwhat was done is kept; to continue: ${resumeCommand(file, out, options)}\n`,
      );
      process.exitCode = EXIT_FAILED;
      return;
    }
    throw error;
  } finally {
    stop.release();
    lock.release();
  }
}
