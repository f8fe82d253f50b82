import type { Command } from 'commander';
import { stringify } from 'yaml';
import { GENERATE_LIMITS, generateScenario } from '../scenario/generate.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { integerOption } from './options.js';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic scenario of N states and K organisations (for benchmarks and scaling)')
    .requiredOption('--states <n>', 'number of states', integerOption('--states', 2, GENERATE_LIMITS.states))
    .requiredOption('--orgs <k>', 'number of organisations', integerOption('--orgs', 1, GENERATE_LIMITS.orgs))
    .option('--seed <s>', 'seed of the random draws', integerOption('--seed', 0), 1)
    .option('--years <n>', 'years a run covers', integerOption('--years', 1, 1000), 10)
    .option('--out <file>', 'write the scenario here (default: print it)')
    .addHelpText(
      'after',
      `
States fall in subregions of twenty, have about three relations each, and belong to
organisations that are overlapping blocks of about 2N/K states, deciding by consensus over a
catalogue of fifteen CBMs. The same arguments always give the same file.

Examples:
  cica-sim generate --states 200 --orgs 5 --seed 1 --out output/synthetic-200.yaml
  cica-sim run output/synthetic-200.yaml --years 5`,
    )
    .action((options: { states: number; orgs: number; seed: number; years: number; out?: string }) => {
      const text = `# yaml-language-server: $schema=../scenarios/scenario.schema.json\n${stringify(generateScenario(options), { lineWidth: 0 })}`;
      if (options.out) {
        writeFileAtomic(options.out, text);
        process.stdout.write(`wrote ${options.out}\n`);
      } else process.stdout.write(text);
    });
}
