import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { lockDirectory } from '../tables/lock.js';
import { requireManifest } from '../tables/manifest.js';
import { readTable } from '../tables/registry.js';
import {
  MORRIS_INDICES,
  type MorrisIndexRow,
  OUTPUTS,
  type OutputRow,
  SAMPLES,
  SOBOL_INDICES,
  type SobolIndexRow,
} from '../tables/sensitivity-tables.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { renderSvg } from './render.js';
import { escapeHtml, fixed } from './report/sections.js';
import { robustness } from './sensitivity-findings.js';
import { distributionChart, factorLabel, morrisChart, sobolChart } from './specs/sensitivity.js';

/** Rounded down, so that a share under 90% never reads as 90% beside a verdict that needs 90%. */
const percent = (share: number | null) => (share === null ? '–' : `${Math.floor(share * 100)}%`);

/** What an output hangs on, in words: its leading factors by μ* (Morris) or total index (Sobol'). */
function leaders(output: string, morris: MorrisIndexRow[], sobol: SobolIndexRow[]): string {
  const m = morris.filter((r) => r.output === output).sort((a, b) => b.mu_star - a.mu_star);
  if (m.length > 0) {
    const top = m[0].mu_star;
    const named = m.filter((r) => r.mu_star >= 0.1 * top).slice(0, 5);
    return named.map((r) => `${escapeHtml(factorLabel(r.factor))} (μ* ${fixed(r.mu_star)})`).join(', ');
  }
  const s = sobol.filter((r) => r.output === output).sort((a, b) => b.total - a.total);
  return (
    s
      .filter((r) => r.total_low > 0.05)
      .slice(0, 5)
      .map((r) => `${escapeHtml(factorLabel(r.factor))} (S_T ${fixed(r.total)}, S_1 ${fixed(r.first)})`)
      .join(', ') || 'no factor whose total index is clearly above 0.05'
  );
}

/** A finding holds either way in a share of the sampled parameter space: said in words. */
function verdict(row: OutputRow): string {
  if (!row.reference)
    return `mean ${fixed(row.mean ?? Number.NaN)} (5–95%: ${fixed(row.p05 ?? Number.NaN)} to ${fixed(row.p95 ?? Number.NaN)})`;
  const positive = row.share_positive ?? 0;
  const negative = row.share_negative ?? 0;
  const [share, way] = positive >= negative ? [positive, 'above 0'] : [negative, 'below 0'];
  const robust = robustness(positive, negative);
  return `${escapeHtml(row.variant)} − ${escapeHtml(row.reference)} is ${way} at ${percent(share)} of the sample points: <b>${robust}</b>`;
}

/**
 * DIR/report.html of a sensitivity study: its settings, each output in words (what it hangs on,
 * whether a finding keeps its sign across the parameter space, how much is simulation noise),
 * then the charts — Morris's μ*–σ plane, Sobol' bars with intervals, or the distribution of each
 * output over a Latin hypercube. Static SVG, nothing loaded from outside.
 */
export async function writeSensitivityReport(dir: string): Promise<string> {
  const manifest = requireManifest(dir);
  const study = manifest.sensitivity;
  if (!study) throw new Error(`${dir} holds no sensitivity study`);
  const outputs = readTable(dir, OUTPUTS);
  const morris = study.method === 'morris' ? readTable(dir, MORRIS_INDICES) : [];
  const sobol = study.method === 'sobol' ? readTable(dir, SOBOL_INDICES) : [];
  const samples = readTable(dir, SAMPLES);

  const specs: { name: string; spec: TopLevelSpec }[] = outputs.map((row, o) => ({
    name: `${study.method}-${o}`,
    spec:
      study.method === 'morris'
        ? morrisChart(
            row.output,
            morris.filter((r) => r.output === row.output),
          )
        : study.method === 'sobol'
          ? sobolChart(
              row.output,
              sobol.filter((r) => r.output === row.output),
            )
          : distributionChart(row.output, samples),
  }));
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const svgs: string[] = [];
  for (const { name, spec } of specs) {
    const { svg } = await renderSvg(spec);
    writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
    writeFileAtomic(join(dir, 'charts', `${name}.svg`), svg);
    svgs.push(svg);
  }

  const rows = outputs
    .map(
      (row) =>
        `<tr><th>${escapeHtml(row.output)}</th><td>${verdict(row)}</td><td>${study.method === 'lhs' ? '–' : leaders(row.output, morris, sobol)}</td><td>${percent(row.noise_share)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(manifest.experiment.name)}: sensitivity</title>
<style>body{font-family:"DejaVu Sans",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
.chart{margin:1.5rem 0}</style></head><body>
<h1>${escapeHtml(manifest.experiment.name)}: sensitivity (${escapeHtml(study.method)})</h1>
${manifest.experiment.question ? `<p>${escapeHtml(manifest.experiment.question)}</p>` : ''}
<p>${study.points} sample points of ${study.factors.length} factors × ${manifest.replications} replications × ${manifest.variants.length} variant(s), ${manifest.years} years, seed ${manifest.seed}. Replication r has the same seed at every point, so points differ by their factors alone; each output is analysed on its mean over the replications.</p>
<h2>What each output hangs on</h2>
<table><tr><th>output</th><th>over the sampled parameter space</th><th>leading factors</th><th>simulation noise</th></tr>
${rows}
</table>
<p><small>Simulation noise: the variance the replications' noise adds to a point mean, as a share of the variance across points; above about 20%, more replications would sharpen the indices.</small></p>
${existsSync(join(dir, 'sobol', 'manifest.json')) ? `<p>The factors that matter most get Sobol' indices in the second stage: <a href="sobol/report.html">sobol/report.html</a>.</p>` : ''}
<h2>Charts</h2>
${svgs.map((svg) => `<div class="chart">${svg}</div>`).join('\n')}
<h2>Reproduce</h2>
<pre>cica-sim sensitivity ${escapeHtml(manifest.experiment.file)}${manifest.replications ? ` --replications ${manifest.replications}` : ''} --size ${study.size}</pre>
<p><small>cica-sim ${escapeHtml(VERSION)}; tables: samples.csv, indices.csv, outputs.csv, runs.csv.</small></p>
</body></html>
`;
  const path = join(dir, 'report.html');
  const lock = lockDirectory(dir, { command: 'cica-sim sensitivity (report)' });
  try {
    writeFileAtomic(path, html);
  } finally {
    lock.release();
  }
  return path;
}
