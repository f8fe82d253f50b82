import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FILES, requireManifest } from '../experiment/output-dir.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { KEY_METRICS, type WrittenChart } from './experiment-charts.js';
import { metricLabel } from './theme.js';

const require = createRequire(import.meta.url);

/**
 * A package's folder, found from its main entry (their "exports" maps hide the browser builds and
 * package.json from require.resolve).
 */
function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

/** The browser builds of vega, vega-lite and vega-embed, inlined so the report needs no network. */
function inlinedLibraries(): string {
  return ['vega', 'vega-lite', 'vega-embed']
    .map((name) => readFileSync(join(packageRoot(name), 'build', `${name}.min.js`), 'utf8'))
    .map((code) => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`)
    .join('\n');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * DIR/report.html: one self-contained page — the experiment's question and settings, a summary
 * table (each variant's whole-run means of the key metrics, with the paired difference from the
 * reference and its 95% interval), every chart interactive (tooltips; vega-embed with no actions,
 * so nothing links out), and how to reproduce it.
 */
export function writeReport(dir: string, charts: WrittenChart[]): string {
  const manifest = requireManifest(dir);
  const runs = parse(readFileSync(join(dir, FILES.runs), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const compare = parse(readFileSync(join(dir, FILES.compare), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const orgs = [...new Set(runs.map((r) => r.org))];
  const reference = manifest.variants[0];

  const number = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : '–');
  const summaryRows = orgs.flatMap((org) =>
    manifest.variants.map((variant) => {
      const cells = KEY_METRICS.map((metric) => {
        const values = runs
          .filter((r) => r.org === org && r.variant === variant && r[metric] !== '')
          .map((r) => Number(r[metric]));
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const difference = compare.find(
          (c) => c.org === org && c.variant === variant && c.metric === metric && c.point === 'p0',
        );
        const interval =
          variant === reference || !difference
            ? ''
            : `<br><small>${Number(difference.mean_difference) >= 0 ? '+' : ''}${number(Number(difference.mean_difference))} [${number(Number(difference.ci95_low))}, ${number(Number(difference.ci95_high))}]</small>`;
        return `<td>${number(mean)}${interval}</td>`;
      });
      return `<tr><th>${escapeHtml(org)}</th><th>${escapeHtml(variant)}</th>${cells.join('')}</tr>`;
    }),
  );
  const settings = [
    ['experiment', manifest.experiment.name],
    ['file', manifest.experiment.file],
    ['variants', manifest.variants.join(', ')],
    [
      'sweep points',
      manifest.points
        .map(
          (p) =>
            `${p.id}: ${
              Object.entries(p.values)
                .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                .join(', ') || '—'
            }`,
        )
        .join('; '),
    ],
    ['replications', String(manifest.replications)],
    ['years', String(manifest.years)],
    ['seed', String(manifest.seed)],
    ['runs', String(manifest.jobs.done)],
    ['content hash', manifest.experiment.hash],
  ];
  const command = `npx cica-sim experiment ${manifest.experiment.file} --replications ${manifest.replications} --out ${dir}`;
  const versions = `cica-sim ${VERSION}, Node ${process.version}, vega ${packageVersion('vega')}, vega-lite ${packageVersion('vega-lite')}, vega-embed ${packageVersion('vega-embed')}`;

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(manifest.experiment.name)} — cica-sim report</title>
<style>
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.45; }
  h1 { margin-bottom: 0.2rem; } .question { font-size: 1.15rem; color: #444; margin-top: 0; }
  table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.7rem; text-align: right; vertical-align: top; }
  th { text-align: left; } thead th { border-bottom: 2px solid #888; }
  small { color: #555; white-space: nowrap; } tbody th { white-space: nowrap; }
  code { background: #f3f3f3; padding: 0.1rem 0.3rem; }
  .chart { margin: 1.5rem 0; } .settings th { font-weight: normal; color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(manifest.experiment.name)}</h1>
<p class="question">${escapeHtml(manifest.experiment.question ?? '')}</p>
<h2>Settings</h2>
<table class="settings">${settings.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(v)}</td></tr>`).join('')}</table>
<h2>Summary</h2>
<p>Whole-run means over all runs of each variant (all sweep points together); below each, the mean
paired difference from “${escapeHtml(reference)}” at the first sweep point, with its 95% interval.</p>
<table>
<thead><tr><th>organisation</th><th>variant</th>${KEY_METRICS.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('')}</tr></thead>
<tbody>${summaryRows.join('\n')}</tbody>
</table>
<h2>Charts</h2>
${charts.map((c, k) => `<div class="chart" id="chart-${k}" data-name="${escapeHtml(c.name)}"></div>`).join('\n')}
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
  const path = join(dir, 'report.html');
  writeFileAtomic(path, html);
  return path;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageRoot(name), 'package.json'), 'utf8')) as { version: string })
    .version;
}
