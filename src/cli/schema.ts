import type { Command } from 'commander';
import { CalibrationFileSchema } from '../experiment/calibration/schema.js';
import { ExperimentSchema } from '../experiment/schema.js';
import { SensitivitySchema } from '../experiment/sensitivity/schema.js';
import { jsonSchemaOf } from '../input/json-schema.js';
import { parametersMarkdown } from '../scenario/parameters-doc.js';
import { ScenarioFileSchema } from '../scenario/schema.js';
import { VotingBodySchema } from '../scenario/voting-body.js';

/** The JSON Schema of a scenario file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(ScenarioFileSchema, 'cica-sim scenario');
}

/** The JSON Schema of an experiment file. */
export function experimentJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(ExperimentSchema, 'cica-sim experiment');
}

/** The JSON Schema of a sensitivity study file (cica-sim sensitivity). */
export function sensitivityJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(SensitivitySchema, 'cica-sim sensitivity study');
}

/** The JSON Schema of a calibration file (cica-sim calibrate). */
export function calibrationJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(CalibrationFileSchema, 'cica-sim calibration');
}

/** The JSON Schema of a voting-body file (cica-sim power). */
export function votingBodyJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(VotingBodySchema, 'cica-sim voting body');
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of scenario files (or of experiment or voting-body files), for editors',
    )
    .option('--experiment', 'the schema of experiment files')
    .option('--sensitivity', 'the schema of sensitivity study files')
    .option('--calibration', 'the schema of calibration files (cica-sim calibrate)')
    .option('--voting-body', 'the schema of voting-body files (cica-sim power)')
    .option('--parameters', 'a Markdown table of every model parameter (docs/PARAMETERS.md)')
    .addHelpText(
      'after',
      `
Save it and point your editor at it, e.g. the first line of a scenario:
  # yaml-language-server: $schema=./scenario.schema.json

The shipped copies: scenarios/scenario.schema.json, experiments/experiment.schema.json,
experiments/sensitivity.schema.json, experiments/calibration.schema.json,
experiments/bodies/voting-body.schema.json.

Examples:
  cica-sim schema > scenarios/scenario.schema.json
  cica-sim schema --experiment > experiments/experiment.schema.json`,
    )
    .action(
      (options: {
        experiment?: boolean;
        sensitivity?: boolean;
        calibration?: boolean;
        votingBody?: boolean;
        parameters?: boolean;
      }) => {
        if (options.parameters) {
          process.stdout.write(`${parametersMarkdown()}\n`);
          return;
        }
        const schema = options.experiment
          ? experimentJsonSchema()
          : options.sensitivity
            ? sensitivityJsonSchema()
            : options.calibration
              ? calibrationJsonSchema()
              : options.votingBody
                ? votingBodyJsonSchema()
                : scenarioJsonSchema();
        process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      },
    );
}
