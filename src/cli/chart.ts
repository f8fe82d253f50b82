import type { Command } from 'commander';
import { InputError } from '../input/errors.js';
import { requireManifest } from '../tables/manifest.js';
import { commandLine, holdDirectory } from './hold-directory.js';

export function registerChart(program: Command): void {
  program
    .command('chart')
    .description("draw an experiment's charts: Vega-Lite specs and SVG files in DIR/charts")
    .argument('<dir>', 'an experiment output directory (cica-sim experiment --out DIR)')
    .option('--png', 'also render every chart to PNG (charts/<name>.png)')
    .addHelpText(
      'after',
      `
By default, for each organisation and key metric (adoption rate, ambition, mean trust,
cohesion, vetoes): the metric over time per variant (median with a 5–95% band), its whole-run
values by variant (box plot), each variant's paired difference from the first with a 95%
interval, and with a sweep the metric against each swept parameter. Then membership and stage
over time, the chance of reaching each institutional rung by year, how often applicants got
in, vetoes per state, and a trust heat map per variant (states grouped by subregion). The
experiment file's "charts:" section picks kinds, metrics and organisations and adds your own
Vega-Lite specs. Each chart is written as charts/<name>.vl.json (open it in the Vega editor or
embed it) and charts/<name>.svg, and charts/<name>.png with --png.

Example:
  cica-sim experiment experiments/example.yaml --replications 20 --out output/example
  cica-sim chart output/example`,
    )
    .action(async (dir: string, options: { png?: boolean }) => {
      // Loaded here, not at start-up: vega and vega-lite are heavy, and only these commands need them.
      const { writeExperimentCharts } = await import('../charts/experiment-charts.js');
      if (requireManifest(dir).kind === 'sensitivity')
        throw new InputError([
          {
            location: { file: dir },
            path: '',
            message: `this is a sensitivity study; its charts come with its report: cica-sim report ${dir}`,
          },
        ]);
      const lock = holdDirectory(dir, commandLine());
      const charts = await writeExperimentCharts(dir, { png: options.png }).finally(lock.release);
      const warned = charts.filter((c) => c.warnings.length > 0);
      for (const chart of warned) process.stderr.write(`${chart.name}: ${chart.warnings.join('; ')}\n`);
      process.stdout.write(`wrote ${charts.length} charts to ${dir}/charts\n`);
    });
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      "rebuild an experiment's (or a sensitivity study's) charts and its self-contained report.html from its tables",
    )
    .argument('<dir>', 'an experiment output directory (cica-sim experiment --out DIR)')
    .option('--png', 'also render every chart to PNG (charts/<name>.png)')
    .addHelpText(
      'after',
      `
report.html is one file that opens offline in any browser: the question and settings, a summary
table, every chart (interactive: tooltips), and the command that reproduces it. cica-sim
experiment writes it by default; this rebuilds it.

Example:
  cica-sim report output/example`,
    )
    .action(async (dir: string, options: { png?: boolean }) => {
      if (requireManifest(dir).kind === 'sensitivity') {
        // A sensitivity study's report: its charts come with it.
        const { writeSensitivityReport } = await import('../charts/sensitivity-report.js');
        const lock = holdDirectory(dir, commandLine());
        try {
          process.stdout.write(`wrote ${await writeSensitivityReport(dir)}\n`);
        } finally {
          lock.release();
        }
        return;
      }
      const { writeExperimentCharts } = await import('../charts/experiment-charts.js');
      const { writeReport } = await import('../charts/report.js');
      const lock = holdDirectory(dir, commandLine());
      try {
        const charts = await writeExperimentCharts(dir, { png: options.png });
        process.stdout.write(`wrote ${writeReport(dir, charts)} with ${charts.length} charts\n`);
      } finally {
        lock.release();
      }
    });
}
