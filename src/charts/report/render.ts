import { VERSION } from '../../version.js';
import { FINDINGS_CHART, pointLabel, type WrittenChart } from '../experiment-charts.js';
import { metricLabel } from '../theme.js';
import type { Finding } from './findings.js';
import { findingsTable } from './findings-table.js';
import { differenceOf, meanOf, type ReportData } from './gather.js';
import { inlinedLibraries, packageVersion } from './libraries.js';
import {
  checksSummary,
  escapeHtml,
  failuresSummary,
  fixed,
  milestonesSummary,
  powerSummary,
  signed,
} from './sections.js';

/**
 * One finding in words: "<b>fast-track</b> — CICA: cohesion lower (−0.021, 95% interval …)";
 * with parameter uncertainty, also the share of the draws in which it holds.
 */
function findingItem({ org, variant, clear, unclear }: Finding, uncertain: boolean): string {
  const said =
    clear.length > 0
      ? clear
          .map(
            (c) =>
              `${escapeHtml(metricLabel(c.metric))} ${c.direction} (${signed(c.mean)}, 95% interval ${fixed(c.low)} to ${fixed(c.high)}${uncertain && c.holds !== null ? `; holds in ${Math.floor(c.holds * 100)}% of the parameter draws` : ''})`,
          )
          .join('; ')
      : 'no clear change in any charted metric';
  const rest =
    clear.length > 0 && unclear.length > 0
      ? `; no clear change in ${unclear.map((m) => escapeHtml(metricLabel(m))).join(', ')}`
      : '';
  return `<li><b>${escapeHtml(variant)}</b> — ${escapeHtml(org)}: ${said}${rest}.</li>`;
}

/** Each organisation and variant: whole-run means, and below each its paired difference. */
function summaryRows(data: ReportData): string[] {
  return data.orgs.flatMap((org) =>
    data.manifest.variants.map((variant) => {
      const cells = data.metrics.map((metric) => {
        const d = variant === data.reference ? undefined : differenceOf(data, org, variant, metric);
        const interval = d
          ? `<br><small>${signed(d.mean_difference ?? Number.NaN)} [${fixed(d.ci95_low ?? Number.NaN)}, ${fixed(d.ci95_high ?? Number.NaN)}]</small>`
          : '';
        return `<td>${fixed(meanOf(data, org, variant, metric))}${interval}</td>`;
      });
      return `<tr><th>${escapeHtml(org)}</th><th>${escapeHtml(variant)}</th>${cells.join('')}</tr>`;
    }),
  );
}

/** The charts, grouped by section, and the table of contents linking to each section. */
function chartSections(charts: WrittenChart[], leading: number): { contents: string; chartsHtml: string } {
  const sections = [...new Set(charts.filter((_, k) => k !== leading).map((c) => c.section))];
  const chartsHtml = sections
    .map((section, s) => {
      const divs = charts
        .map((c, k) => ({ c, k }))
        .filter(({ c, k }) => c.section === section && k !== leading)
        .map(({ c, k }) => `<div class="chart" id="chart-${k}" data-name="${escapeHtml(c.name)}"></div>`);
      return `<h3 id="section-${s}">${escapeHtml(section)}</h3>\n${divs.join('\n')}`;
    })
    .join('\n');
  const contents = sections
    .map((section, s) => `<a href="#section-${s}">${escapeHtml(section)}</a>`)
    .join(' · ');
  return { contents, chartsHtml };
}

/** The settings table's rows: what was run, how often, from what seed. */
function settingsRows({ manifest }: ReportData): [string, string][] {
  return [
    ['experiment', manifest.experiment.name],
    ['file', manifest.experiment.file],
    ['variants', manifest.variants.join(', ')],
    ['sweep points', manifest.points.map((p) => `${p.id}: ${pointLabel(p.values) || '—'}`).join('; ')],
    ['replications', String(manifest.replications)],
    ['years', String(manifest.years)],
    ['seed', String(manifest.seed)],
    ['runs', String(manifest.jobs.done)],
    ['content hash', manifest.experiment.hash],
  ];
}

/** The report page: the data gathered, the findings judged, and the charts, as one HTML document. */
export function renderReport(data: ReportData, findings: Finding[], charts: WrittenChart[]): string {
  const { dir, manifest, metrics, reference } = data;
  const milestoneTable = milestonesSummary(
    data.milestones,
    manifest.variants,
    data.orgs,
    manifest.points.map((p) => ({ id: p.id, label: pointLabel(p.values) || p.id })),
  );
  const powerSection = powerSummary(data.power, manifest.variants);
  const checksSection = checksSummary(data.checks, manifest);
  const failuresSection = failuresSummary(manifest);
  const command = `npx cica-sim experiment ${manifest.experiment.file} --replications ${manifest.replications} --out ${dir}`;
  const versions = `cica-sim ${VERSION}, Node ${process.version}, vega ${packageVersion('vega')}, vega-lite ${packageVersion('vega-lite')}, vega-embed ${packageVersion('vega-embed')}`;
  // The findings figure leads; the other charts follow by section.
  const leading = charts.findIndex((c) => c.name === FINDINGS_CHART);
  const figure = leading >= 0 ? `<div class="chart findings-figure" id="chart-${leading}"></div>` : '';
  const { contents, chartsHtml } = chartSections(charts, leading);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(manifest.experiment.name)} — cica-sim report</title>
<style>
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; line-height: 1.45; }
  h1 { margin-bottom: 0.2rem; } .question { font-size: 1.15rem; color: #444; margin-top: 0; }
  table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; display: block; overflow-x: auto; max-width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.7rem; text-align: right; vertical-align: top; }
  th { text-align: left; } thead th { border-bottom: 2px solid #888; }
  small { color: #555; white-space: nowrap; } tbody th { white-space: nowrap; }
  code { background: #f3f3f3; padding: 0.1rem 0.3rem; }
  .chart, .chart.vega-embed { display: block; max-width: 100%; margin: 1.2rem 0 2rem; overflow-x: auto; } .settings th { font-weight: normal; color: #555; }
  .contents { font-size: 0.9rem; } h3 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
  .wide { overflow-x: auto; max-width: 100%; } details { margin: 0.5rem 0 1.5rem; } summary { cursor: pointer; }
  table.findings td.clear.higher { color: #1a6e2e; } table.findings td.clear.lower { color: #a11d1d; }
  table.findings td.unclear { color: #aaa; text-align: center; }
</style>
</head>
<body>
<h1>${escapeHtml(manifest.experiment.name)}</h1>
<p class="question">${escapeHtml(manifest.experiment.question ?? '')}</p>
${failuresSection}
${checksSection}
<h2>What the runs say</h2>
<p>Each variant against “${escapeHtml(reference)}”, paired run by run (same seeds)${manifest.points.length > 1 ? `, at the first sweep point (${escapeHtml(pointLabel(manifest.points[0].values))})` : ''}: a change is named where its 95% interval excludes zero.</p>
${figure}
${findingsTable(findings, metrics)}
<details><summary>Each variant in words</summary>
<ul>${findings.map((f) => findingItem(f, data.manifest.uncertainty !== undefined)).join('\n') || '<li>One variant only: nothing to compare.</li>'}</ul>
</details>
<h2>Summary</h2>
<p>Whole-run means over all runs of each variant (all sweep points together); below each, the mean
paired difference from “${escapeHtml(reference)}” at the first sweep point, with its 95% interval.</p>
<div class="wide"><table>
<thead><tr><th>organisation</th><th>variant</th>${metrics.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('')}</tr></thead>
<tbody>${summaryRows(data).join('\n')}</tbody>
</table></div>
${milestoneTable}
${powerSection}
<h2>Settings</h2>
<table class="settings">${settingsRows(data)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(v)}</td></tr>`)
    .join('')}</table>
<h2>Charts</h2>
<p class="contents">${contents}</p>
<p><small>Hover for values; click a variant in a legend to pick it out (shift-click for more, double-click to clear).</small></p>
${chartsHtml}
<h2>Reproduce</h2>
<p><code>${escapeHtml(command)}</code> then <code>npx cica-sim report ${escapeHtml(dir)}</code>.<br>${escapeHtml(versions)}.</p>
${inlinedLibraries()}
<script>
const specs = ${JSON.stringify(charts.map((c) => c.spec)).replace(/<\//g, '<\\/')};
window.chartsRendered = Promise.all(specs.map((spec, k) => vegaEmbed('#chart-' + k, spec, { actions: false, renderer: 'svg' })));
</script>
</body>
</html>
`;
}
