import { join } from 'node:path';
import type { Command } from 'commander';
import { loadSensitivity, type ResolvedSensitivity } from '../experiment/sensitivity/load.js';
import type { SensitivityOutcome } from '../experiment/sensitivity/run.js';
import { runStudyStages, SOBOL_STAGE_DIR } from '../experiment/sensitivity/stages.js';
import { OutputError } from '../util/output-error.js';
import { EXIT_FAILED, EXIT_INTERRUPTED } from './exit-codes.js';
import { parseShard } from './experiment.js';
import { requireFileKind } from './file-kind.js';
import { commandLine, holdDirectory } from './hold-directory.js';
import { integerOption, stopAfterOption, threadsOption } from './options.js';
import { createProgress, formatDuration, type Progress } from './progress.js';
import { listenForStop } from './stop-signals.js';

interface SensitivityOptions {
  out?: string;
  threads: number;
  replications?: number;
  size?: number;
  resume?: boolean;
  force?: boolean;
  shard?: { index: number; count: number };
  quiet?: boolean;
  report: boolean;
  stopAfter?: number;
}

export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .description(
      "how far each output hangs on each parameter: Morris screening, Sobol' indices or a Latin hypercube, on worker threads",
    )
    .argument('<file>', 'sensitivity study file (YAML or JSON)')
    .option('--out <dir>', 'output directory (default: output/<study name>)')
    .addOption(threadsOption())
    .option(
      '--replications <n>',
      "runs at each sample point (default: the file's)",
      integerOption('--replications', 1, 100_000),
    )
    .option(
      '--size <n>',
      "trajectories (morris) or samples (sobol, lhs) instead of the file's: a quick look",
      integerOption('--size', 2, 1_000_000),
    )
    .option('--resume', 'continue an interrupted run of the same study in --out')
    .option('--force', "replace an earlier study's or experiment's results in --out")
    .option(
      '--shard <i/n>',
      'run only shard i of n, a range of whole sample points (combine with cica-sim merge)',
      parseShard,
    )
    .option('--quiet', 'no progress output')
    .option('--no-report', 'skip the charts and report.html written at the end')
    .addOption(stopAfterOption('sample point'))
    .addHelpText(
      'after',
      `
Writes into the output directory: manifest.json; runs.csv (one row per run and organisation, its
point the sample point s0, s1, ...); samples.csv (each point's factor values and each output's mean
over its replications); indices.csv (morris: output, factor, mu_star, mu, sigma; sobol: output,
factor, first, first_low, first_high, total, total_low, total_high); outputs.csv (each output's
spread over the points, the share of points where it is above and below 0, and the share of its
variance that is simulation noise); then charts/ and report.html unless --no-report.

With a "sobol:" stage, a Morris screening is followed by Sobol' indices on the factors it found
to matter most, in DIR/sobol (its own tables and report). --size sets both stages' sizes.

Replication r has the same seed at every sample point, so points differ by their factors alone.
Results do not depend on --threads. Ctrl-C stops cleanly; --resume continues.

Examples:
  cica-sim sensitivity experiments/sensitivity-quick.yaml --out output/sensitivity-quick
  cica-sim sensitivity experiments/sensitivity-quick.yaml --size 3 --replications 2 --out output/sq-look
  cica-sim sensitivity experiments/sensitivity-quick.yaml --out output/sq --resume`,
    )
    .action((file: string, options: SensitivityOptions) => sensitivityCommand(file, options));
}

async function sensitivityCommand(file: string, options: SensitivityOptions): Promise<void> {
  requireFileKind(file, 'cica-sim sensitivity', ['sensitivity']);
  const study = loadSensitivity(file, { replications: options.replications, size: options.size });
  const out =
    options.out ??
    join(
      'output',
      options.shard ? `${study.name}-shard-${options.shard.index}-of-${options.shard.count}` : study.name,
    );
  const lock = holdDirectory(out, commandLine());
  const stop = listenForStop(options.quiet ?? false);
  const progress: { current: Progress | null; total: number } = { current: null, total: 0 };
  const started = Date.now();
  const again = [
    'cica-sim sensitivity',
    file,
    '--out',
    out,
    '--resume',
    ...(options.replications ? ['--replications', String(options.replications)] : []),
    ...(options.size ? ['--size', String(options.size)] : []),
    ...(options.shard ? ['--shard', `${options.shard.index}/${options.shard.count}`] : []),
  ].join(' ');
  try {
    const {
      screening: outcome,
      sobol,
      sobolStudy,
    } = await runStudyStages(study, {
      out,
      threads: options.threads,
      resume: options.resume,
      force: options.force,
      shard: options.shard,
      stopAfter: options.stopAfter,
      command: commandLine(),
      shouldStop: stop.requested,
      onProgress: (done, total) => {
        // A new bar for the second stage, whose total differs.
        if (progress.current && progress.total !== total) progress.current.stop();
        if (!progress.current || progress.total !== total) {
          progress.current = createProgress(total, done - 1, options.quiet ?? false);
          progress.total = total;
        }
        progress.current.update(done);
      },
    });
    progress.current?.stop();
    if (outcome.status === 'interrupted' || sobol?.status === 'interrupted') {
      process.stderr.write(
        `stopped: ${outcome.done} of ${outcome.total} runs done and kept in ${out}\nto continue: ${again}\n`,
      );
      process.exitCode = EXIT_INTERRUPTED;
      return;
    }
    await reportStages(
      [
        { study, outcome, dir: out },
        ...(sobol && sobolStudy
          ? [{ study: sobolStudy, outcome: sobol, dir: join(out, SOBOL_STAGE_DIR) }]
          : []),
      ],
      options,
    );
    if (!options.quiet) process.stdout.write(`in ${formatDuration((Date.now() - started) / 1000)}\n`);
  } catch (error) {
    progress.current?.stop();
    if (error instanceof OutputError) {
      process.stderr.write(`cica-sim: ${error.message}\nwhat was done is kept; to continue: ${again}\n`);
      process.exitCode = EXIT_FAILED;
      return;
    }
    throw error;
  } finally {
    stop.release();
    lock.release();
  }
}

/** Each finished stage: its warnings, its report, a line saying what it ran, and its failed runs (exit 1). */
async function reportStages(
  stages: { study: ResolvedSensitivity; outcome: SensitivityOutcome; dir: string }[],
  options: SensitivityOptions,
): Promise<void> {
  for (const stage of stages) {
    for (const warning of stage.outcome.warnings) process.stderr.write(`${warning}\n`);
    let report: string | null = null;
    if (options.report && !options.shard) {
      const { writeSensitivityReport } = await import('../charts/sensitivity-report.js');
      report = await writeSensitivityReport(stage.dir);
    }
    if (!options.quiet) {
      const s = stage.study;
      process.stdout.write(
        `${s.name}: ${s.method}, ${s.factors.length} factors, ${s.design.points} sample points × ${s.replications} replications × ${s.variants.length} variants = ${stage.outcome.total} runs; wrote the tables in ${stage.dir}\n`,
      );
      if (report) process.stdout.write(`report: ${report}\n`);
    }
    if (stage.outcome.failures.length > 0) {
      process.stderr.write(
        `${stage.outcome.failures.length} of ${stage.outcome.total} runs failed and are left out of the point means: see ${join(stage.dir, 'failures.csv')}\n`,
      );
      process.exitCode = EXIT_FAILED;
    }
  }
}
