import type { Command } from 'commander';
import { isExperimentFile, loadExperiment } from '../experiment/load.js';
import { planExperiment } from '../experiment/plan.js';
import { formatProblem, InputError } from '../input/errors.js';
import { readYamlFile } from '../input/read-yaml.js';
import { describeRule } from '../rules/describe.js';
import { loadScenario } from '../scenario/load.js';
import { loadVotingBody, looksLikeVotingBody } from '../scenario/voting-body.js';
import { EXIT_BAD_INPUT } from './exit-codes.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check scenario and voting-body files: exit 0 when all are valid, 2 listing every problem otherwise',
    )
    .argument('<files...>', 'scenario or voting-body files (YAML or JSON)')
    .addHelpText(
      'after',
      '\nEach problem is printed as  file:line:column field.path: what was expected, what was found',
    )
    .action((files: string[]) => validateCommand(files));
}

function validateCommand(files: string[]): void {
  let failed = 0;
  for (const file of files) {
    try {
      const data = readYamlFile(file).data;
      if (isExperimentFile(data)) {
        const experiment = loadExperiment(file);
        const { total: runs } = planExperiment(experiment);
        process.stdout.write(
          `${file}: valid experiment — ${experiment.variants.length} variants × ${experiment.points.length} points × ${experiment.replications} replications = ${runs} runs\n`,
        );
        continue;
      }
      if (looksLikeVotingBody(data)) {
        const body = loadVotingBody(file);
        process.stdout.write(
          `${file}: valid voting body — ${body.members.length} members, ${describeRule(body.rule)}\n`,
        );
        continue;
      }
      const { scenario } = loadScenario(file);
      const orgs = Object.keys(scenario.organisations);
      process.stdout.write(
        `${file}: valid — ${Object.keys(scenario.actors).length} states, ${orgs.length} organisations (${orgs.join(', ')}), ${Object.keys(scenario.cbms).length} CBMs\n`,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
      process.stderr.write(`${error.problems.map(formatProblem).join('\n')}\n`);
    }
  }
  if (failed > 0) {
    process.stderr.write(`${failed} of ${files.length} file${files.length > 1 ? 's' : ''} invalid\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}
