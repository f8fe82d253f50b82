import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError } from '../input/errors.js';
import { playgroundHtml } from '../playground/html.js';
import { loadScenario } from '../scenario/load.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { requireFileKind } from './file-kind.js';
import { commandLine, holdDirectory } from './hold-directory.js';

/** The built-in world, where the package keeps it. */
const BUILT_IN = fileURLToPath(new URL('../../scenarios/asia-2025.yaml', import.meta.url));

export function registerPlayground(program: Command): void {
  program
    .command('playground')
    .description(
      'write playground.html: a page where students change rules and members and run the model in the browser',
    )
    .argument('[scenario]', 'scenario file (default: the built-in world, scenarios/asia-2025.yaml)')
    .option('--out <dir>', 'where to write playground.html', 'output/playground')
    .addHelpText(
      'after',
      `
playground.html is one file (about 2.5 MB) that opens from disk in Chromium, Firefox or Safari
with no network and no server: pick an organisation, tick members in or out, choose each kind
of proposal's decision rule (presets or the rule language), move the main parameters, and press
Run. Runs go to Web Workers, one per core, with the engine and seeds of the CLI: set A and set B
are compared run by run, with voting power under each rule. The URL holds the page's state (send
the link with the file), and "Download as experiment" gives the experiment file that reproduces
the numbers with cica-sim experiment.

Examples:
  cica-sim playground
  cica-sim playground scenarios/asia-2025.yaml --out output/playground`,
    )
    .action((file: string | undefined, options: { out: string }) => {
      const scenarioFile = file ?? BUILT_IN;
      requireFileKind(scenarioFile, 'cica-sim playground', ['scenario']);
      const loaded = loadScenario(scenarioFile);
      const target = join(options.out, 'playground.html');
      // The downloaded experiment names the scenario relative to itself, saved beside the page.
      const scenarioPath = relative(options.out, loaded.file) || loaded.file;
      let html: string;
      try {
        html = playgroundHtml(loaded.scenario, scenarioPath);
      } catch (error) {
        throw new InputError([{ location: { file: target }, path: '', message: (error as Error).message }]);
      }
      const lock = holdDirectory(options.out, commandLine());
      try {
        writeFileAtomic(target, html);
      } finally {
        lock.release();
      }
      process.stdout.write(
        `wrote ${target} (${(Buffer.byteLength(html) / 1024 ** 2).toFixed(1)} MB): open it in a browser\n`,
      );
    });
}
