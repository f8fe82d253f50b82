import type { Command } from 'commander';
import { scenarioJsonSchema } from '../scenario/json-schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files, for editors and other tools')
    .addHelpText(
      'after',
      '\nSave it and point your editor at it, e.g. the first line of a scenario:\n  # yaml-language-server: $schema=./scenario.schema.json\n\nExample:\n  cica-sim schema > scenarios/scenario.schema.json',
    )
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
