import { join } from 'node:path';
import type { Command } from 'commander';
import { loadCalibration, runCalibration } from '../experiment/calibration/run.js';
import { EXIT_FAILED, EXIT_INTERRUPTED } from './exit-codes.js';
import { requireFileKind } from './file-kind.js';
import { commandLine, holdDirectory } from './hold-directory.js';
import { stopAfterOption, threadsOption } from './options.js';
import { listenForStop } from './stop-signals.js';

interface CalibrateOptions {
  out?: string;
  threads: number;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  stopAfter?: number;
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description(
      "calibrate parameters on a history study's calibration window by approximate Bayesian computation",
    )
    .argument(
      '<file>',
      'calibration file (YAML): the history study, the priors, draws, accept, predictive, seed',
    )
    .option('--out <dir>', 'output directory (default: output/<calibration name>)')
    .addOption(threadsOption())
    .option('--resume', 'continue an interrupted calibration in --out')
    .option('--force', "replace an earlier calibration's results in --out")
    .option('--quiet', 'no progress output')
    .addOption(stopAfterOption('replication'))
    .addHelpText(
      'after',
      `
Rejection ABC: one run of the history study's world for each prior draw (a Latin hypercube over
the priors), each scored by its distance to the facts of the calibration window (the share of
them it missed, the counts' relative errors breaking ties); the closest share (accept) is the
posterior. Then the study runs again with its parameters from the posterior and is scored on the
calibration and hold-out windows against the null baselines.

Writes into the output directory: draws.yaml and draws/ (the prior draws, an experiment),
draws.csv (every draw, its distance, whether accepted), calibration.json (the facts of the
window, the share accepted and the tolerance it came to), posterior.csv (the accepted draws — an
experiment takes it with uncertainty: { posterior: posterior.csv }), predictive.yaml and
predictive/ (the posterior predictive), scores.csv (its scores of both windows), prior-scores.csv
(the prior draws' scores), and charts/marginal-<parameter>.svg.

Example:
  cica-sim calibrate experiments/calibrate-1999.yaml --out output/calibrate-1999`,
    )
    .action(async (file: string, options: CalibrateOptions) => {
      requireFileKind(file, 'cica-sim calibrate', ['calibration']);
      const calibration = loadCalibration(file);
      const out = options.out ?? join('output', calibration.name);
      const lock = holdDirectory(out, commandLine());
      const stop = listenForStop(options.quiet ?? false);
      try {
        const outcome = await runCalibration(calibration, {
          out,
          threads: options.threads,
          resume: options.resume,
          force: options.force,
          stopAfter: options.stopAfter,
          shouldStop: stop.requested,
          onStage: (stage) => {
            if (!options.quiet && process.stderr.isTTY)
              process.stderr.write(`${stage}: ${join(out, stage)}\n`);
          },
        });
        if (outcome.status === 'interrupted') {
          process.stderr.write(
            `stopped: what is done is kept in ${out}\nto continue: cica-sim calibrate ${file} --out ${out} --resume\n`,
          );
          process.exitCode = EXIT_INTERRUPTED;
          return;
        }
        const { writeCalibrationCharts } = await import('../charts/calibration-charts.js');
        const charts = await writeCalibrationCharts(out);
        process.stdout.write(
          `accepted ${outcome.accepted.length} of ${outcome.draws} draws (distance ≤ ${outcome.tolerance.toFixed(3)}); wrote ${join(out, 'posterior.csv')}, ${join(out, 'scores.csv')} and ${charts.length} marginal charts\n`,
        );
        if (outcome.failures > 0) process.exitCode = EXIT_FAILED;
      } finally {
        stop.release();
        lock.release();
      }
    });
}
