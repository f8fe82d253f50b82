import type { Command } from 'commander';
import { mergeShards } from '../experiment/merge.js';
import { commandLine, holdDirectory } from './hold-directory.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description(
      "combine the directories of an experiment's (or a sensitivity study's) shards into one result",
    )
    .argument('<dirs...>', 'the output directories of shards 1..n (any order)')
    .requiredOption('--out <dir>', 'where to write the combined result')
    .addHelpText(
      'after',
      `
The combined runs.csv, timeseries.csv and compare.csv are exactly what one machine running the
whole experiment would have written; a sensitivity study's shards give its runs.csv and its
analysis (samples.csv, indices.csv, outputs.csv; then cica-sim report DIR). See docs/CLUSTER.md for running shards on a cluster.

Example:
  cica-sim merge output/example-1 output/example-2 --out output/example`,
    )
    .action((dirs: string[], options: { out: string }) => {
      const lock = holdDirectory(options.out, commandLine());
      const manifest = (() => {
        try {
          return mergeShards(dirs, options.out);
        } finally {
          lock.release();
        }
      })();
      process.stdout.write(
        `merged ${dirs.length} shards of ${manifest.experiment.name} (${manifest.jobs.done} runs) into ${options.out}\n`,
      );
    });
}
