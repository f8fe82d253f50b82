import type { Command } from 'commander';
import { stringify } from 'yaml';
import { isCalibrationFile, loadCalibration } from '../experiment/calibration/run.js';
import { isExperimentFile, loadExperiment } from '../experiment/load.js';
import { planExperiment } from '../experiment/plan.js';
import { isSensitivityFile, loadSensitivity } from '../experiment/sensitivity/load.js';
import { planSensitivity } from '../experiment/sensitivity/run.js';
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
    .argument('<files...>', 'scenario, experiment, sensitivity or voting-body files (YAML or JSON)')
    .option(
      '--resolved',
      'also print each scenario as it stands after extends, tables and overrides (YAML); for an experiment, the scenario of each variant',
    )
    .addHelpText(
      'after',
      `
Each problem is printed as  file:line:column field.path: what was expected, what was found

Examples:
  cica-sim validate scenarios/asia-2025.yaml experiments/consensus-rules.yaml
  cica-sim validate scenarios/examples/border-clash.yaml --resolved`,
    )
    .action((files: string[], options: { resolved?: boolean }) => validateCommand(files, options));
}

/** A scenario as YAML, for --resolved: what the engine compiles, every default filled in. */
function resolvedYaml(title: string, scenario: unknown): string {
  return `# ${title}\n${stringify(scenario, { lineWidth: 0 })}`;
}

function validateCommand(files: string[], options: { resolved?: boolean } = {}): void {
  let failed = 0;
  for (const file of files) {
    try {
      const data = readYamlFile(file).data;
      if (isSensitivityFile(data)) {
        const study = loadSensitivity(file);
        process.stdout.write(
          `${file}: valid sensitivity study — ${study.method}, ${study.factors.length} factors, ${study.design.points} sample points × ${study.replications} replications × ${study.variants.length} variants = ${planSensitivity(study).total} runs\n`,
        );
        continue;
      }
      if (isCalibrationFile(data)) {
        const calibration = loadCalibration(file);
        const priors =
          calibration.priors === 'all'
            ? 'every parameter'
            : `${Object.keys(calibration.priors).length} parameters`;
        process.stdout.write(
          `${file}: valid calibration — ${priors} on ${calibration.study.name}'s calibration window, ${calibration.draws} draws (keeping ${Math.round(calibration.accept * 100)}%), ${calibration.predictive} predictive runs\n`,
        );
        continue;
      }
      if (isExperimentFile(data)) {
        const experiment = loadExperiment(file);
        const { total: runs } = planExperiment(experiment);
        process.stdout.write(
          `${file}: valid experiment — ${experiment.variants.length} variants × ${experiment.points.length} points × ${experiment.replications} replications = ${runs} runs\n`,
        );
        if (options.resolved) {
          // Each variant's scenario at the first sweep point (worlds are numbered variant-major).
          experiment.variants.forEach((variant, v) => {
            const scenario = experiment.scenarios[v * experiment.points.length];
            process.stdout.write(
              resolvedYaml(`${file}, variant ${variant}, point ${experiment.points[0].id}`, scenario),
            );
          });
        }
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
      if (options.resolved) process.stdout.write(resolvedYaml(`${file}, resolved`, scenario));
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
