#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { formatProblem, InputError } from '../input/errors.js';
import { FormulaValueError } from '../model/formula.js';
import { lostLock } from '../tables/lock.js';
import { InconsistentOutputError, OutputError } from '../util/output-error.js';
import { VERSION } from '../version.js';
import { registerCalibrate } from './calibrate.js';
import { registerChart, registerReport } from './chart.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { registerExperiment } from './experiment.js';
import { registerExplain } from './explain.js';
import { registerGenerate } from './generate.js';
import { registerMerge } from './merge.js';
import { registerPlayground } from './playground.js';
import { registerPower } from './power.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerSensitivity } from './sensitivity.js';
import { registerValidate } from './validate.js';

/** The `cica-sim` command; its exit codes are in exit-codes.ts. */

function buildProgram(): Command {
  const program = new Command()
    .name('cica-sim')
    .description('Agent-based simulator of regional security cooperation in Asia (CICA, SCO, ASEAN)')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerSchema(program);
  registerPower(program);
  registerPlayground(program);
  registerExperiment(program);
  registerSensitivity(program);
  registerCalibrate(program);
  registerMerge(program);
  registerExplain(program);
  registerGenerate(program);
  registerChart(program);
  registerReport(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      return done ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof InputError) {
      process.stderr.write(`${error.problems.map(formatProblem).join('\n')}\n`);
      return EXIT_BAD_INPUT;
    }
    // A file renamed or removed under this process: another writer took the directory's lock.
    const lost = lostLock();
    if (lost) {
      process.stderr.write(`${lost.problems.map(formatProblem).join('\n')}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof OutputError) {
      process.stderr.write(`cica-sim: ${error.message}; what was written before is whole\n`);
      return EXIT_FAILED;
    }
    if (error instanceof FormulaValueError) {
      process.stderr.write(`cica-sim: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof InconsistentOutputError) {
      process.stderr.write(`cica-sim: ${error.message}\n`);
      return EXIT_FAILED;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `cica-sim: the run failed — this is a bug in cica-sim, please report it with what follows:\n${detail}\n`,
    );
    return EXIT_FAILED;
  }
}

/**
 * Output closed early (`cica-sim explain trace.jsonl | head -1`): the reader has what it wanted, so
 * the command ends quietly with exit 0, as Unix tools do, instead of dying on EPIPE.
 */
function endQuietlyWhenOutputCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
}

endQuietlyWhenOutputCloses(process.stdout);
endQuietlyWhenOutputCloses(process.stderr);
main(process.argv).then((code) => {
  process.exitCode = code;
});
