import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_CHART_SETTINGS } from '../tables/chart-settings.js';
import { FILES } from '../tables/files.js';
import { type Manifest, requireManifest } from '../tables/manifest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../version.js';
import { pointLabel, type WrittenChart } from './experiment-charts.js';
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
 * DIR/report.html: one self-contained page — the experiment's question and settings, what the
 * runs say in words (each variant against the reference, where the 95% interval excludes no
 * change), a summary table (whole-run means with paired differences and intervals), the chance
 * of reaching each institutional rung, every chart by section (interactive: tooltips, and
 * clicking a legend entry highlights that variant; vega-embed with no actions, so nothing links
 * out), and how to reproduce it.
 */
export function writeReport(dir: string, charts: WrittenChart[]): string {
  const manifest = requireManifest(dir);
  const settings = manifest.charts ?? DEFAULT_CHART_SETTINGS;
  const read = (name: keyof typeof FILES) =>
    existsSync(join(dir, FILES[name]))
      ? (parse(readFileSync(join(dir, FILES[name]), 'utf8'), { columns: true }) as Record<string, string>[])
      : [];
  const runs = read('runs');
  const compare = read('compare');
  const milestones = read('milestones');
  const allOrgs = [...new Set(runs.map((r) => r.org))];
  const orgs = settings.orgs ? allOrgs.filter((org) => settings.orgs?.includes(org)) : allOrgs;
  const metrics = settings.metrics;
  const reference = manifest.variants[0];
  const firstPoint = manifest.points[0]?.id ?? 'p0';
  const difference = (org: string, variant: string, metric: string) =>
    compare.find(
      (c) => c.org === org && c.variant === variant && c.metric === metric && c.point === firstPoint,
    );

  const summaryRows = orgs.flatMap((org) =>
    manifest.variants.map((variant) => {
      const cells = metrics.map((metric) => {
        const values = runs
          .filter(
            (r) => r.org === org && r.variant === variant && r[metric] !== '' && r[metric] !== undefined,
          )
          .map((r) => Number(r[metric]));
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const d = variant === reference ? undefined : difference(org, variant, metric);
        const interval = d
          ? `<br><small>${signed(Number(d.mean_difference))} [${fixed(Number(d.ci95_low))}, ${fixed(Number(d.ci95_high))}]</small>`
          : '';
        return `<td>${fixed(mean)}${interval}</td>`;
      });
      return `<tr><th>${escapeHtml(org)}</th><th>${escapeHtml(variant)}</th>${cells.join('')}</tr>`;
    }),
  );

  const findings = orgs.flatMap((org) =>
    manifest.variants.slice(1).map((variant) => {
      const clear: string[] = [];
      const unclear: string[] = [];
      for (const metric of metrics) {
        const d = difference(org, variant, metric);
        if (!d || d.ci95_low === '' || d.ci95_high === '') continue;
        const low = Number(d.ci95_low);
        const high = Number(d.ci95_high);
        if (low > 0 || high < 0)
          clear.push(
            `${escapeHtml(metricLabel(metric))} ${high < 0 ? 'lower' : 'higher'} (${signed(Number(d.mean_difference))}, 95% interval ${fixed(low)} to ${fixed(high)})`,
          );
        else unclear.push(escapeHtml(metricLabel(metric)));
      }
      const said = clear.length > 0 ? clear.join('; ') : 'no clear change in any charted metric';
      const rest = clear.length > 0 && unclear.length > 0 ? `; no clear change in ${unclear.join(', ')}` : '';
      return `<li><b>${escapeHtml(variant)}</b> — ${escapeHtml(org)}: ${said}${rest}.</li>`;
    }),
  );

  const milestoneTable = milestonesSummary(milestones, manifest.variants, orgs, firstPoint);
  const powerSection = powerSummary(read('power'), manifest.variants);
  const checksSection = checksSummary(read('checks'), manifest);
  const failuresSection = failuresSummary(manifest);
  const settingsRows = [
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
  const command = `npx cica-sim experiment ${manifest.experiment.file} --replications ${manifest.replications} --out ${dir}`;
  const versions = `cica-sim ${VERSION}, Node ${process.version}, vega ${packageVersion('vega')}, vega-lite ${packageVersion('vega-lite')}, vega-embed ${packageVersion('vega-embed')}`;
  const sections = [...new Set(charts.map((c) => c.section))];
  const chartsHtml = sections
    .map((section, s) => {
      const divs = charts
        .map((c, k) => ({ c, k }))
        .filter(({ c }) => c.section === section)
        .map(({ c, k }) => `<div class="chart" id="chart-${k}" data-name="${escapeHtml(c.name)}"></div>`);
      return `<h3 id="section-${s}">${escapeHtml(section)}</h3>\n${divs.join('\n')}`;
    })
    .join('\n');
  const contents = sections
    .map((section, s) => `<a href="#section-${s}">${escapeHtml(section)}</a>`)
    .join(' · ');

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(manifest.experiment.name)} — cica-sim report</title>
<style>
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; line-height: 1.45; }
  h1 { margin-bottom: 0.2rem; } .question { font-size: 1.15rem; color: #444; margin-top: 0; }
  table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.7rem; text-align: right; vertical-align: top; }
  th { text-align: left; } thead th { border-bottom: 2px solid #888; }
  small { color: #555; white-space: nowrap; } tbody th { white-space: nowrap; }
  code { background: #f3f3f3; padding: 0.1rem 0.3rem; }
  .chart { margin: 1.2rem 0 2rem; overflow-x: auto; } .settings th { font-weight: normal; color: #555; }
  .contents { font-size: 0.9rem; } h3 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
</style>
</head>
<body>
<h1>${escapeHtml(manifest.experiment.name)}</h1>
<p class="question">${escapeHtml(manifest.experiment.question ?? '')}</p>
${failuresSection}
${checksSection}
<h2>What the runs say</h2>
<p>Each variant against “${escapeHtml(reference)}”, paired run by run (same seeds)${manifest.points.length > 1 ? `, at the first sweep point (${escapeHtml(pointLabel(manifest.points[0].values))})` : ''}: a change is named where its 95% interval excludes zero.</p>
<ul>${findings.join('\n') || '<li>One variant only: nothing to compare.</li>'}</ul>
<h2>Summary</h2>
<p>Whole-run means over all runs of each variant (all sweep points together); below each, the mean
paired difference from “${escapeHtml(reference)}” at the first sweep point, with its 95% interval.</p>
<table>
<thead><tr><th>organisation</th><th>variant</th>${metrics.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('')}</tr></thead>
<tbody>${summaryRows.join('\n')}</tbody>
</table>
${milestoneTable}
${powerSection}
<h2>Settings</h2>
<table class="settings">${settingsRows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(v)}</td></tr>`).join('')}</table>
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
  const path = join(dir, 'report.html');
  writeFileAtomic(path, html);
  return path;
}

/** Which runs failed, grouped by variant and message, so a reader knows what the tables leave out. */
function failuresSummary(manifest: Manifest): string {
  const failures = manifest.failures ?? [];
  if (failures.length === 0) return '';
  const groups = new Map<string, { variant: string; message: string; seeds: number[] }>();
  for (const f of failures) {
    const key = JSON.stringify([f.variant, f.message]);
    const group = groups.get(key) ?? { variant: f.variant, message: f.message, seeds: [] };
    group.seeds.push(f.seed);
    groups.set(key, group);
  }
  const rows = [...groups.values()].map(
    (g) =>
      `<tr><th>${escapeHtml(g.variant)}</th><td>${g.seeds.length}</td><td style="text-align:left">${escapeHtml(g.message)}<br><small>seeds ${g.seeds.slice(0, 5).join(', ')}${g.seeds.length > 5 ? ', …' : ''}</small></td></tr>`,
  );
  return `<h2>Failed runs</h2>
<p><b>${failures.length} of ${manifest.jobs.done} runs failed</b> and are left out of every table and chart below; failures.csv lists each (variant, point, replication, seed, message). <code>cica-sim run SCENARIO --seed SEED</code> repeats one.</p>
<table>
<thead><tr><th>variant</th><th>runs</th><th>what went wrong</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

/** How often each checked fact is reproduced, per variant and sweep point. */
function checksSummary(rows: Record<string, string>[], manifest: Manifest): string {
  if (rows.length === 0) return '';
  const columns = manifest.variants.flatMap((variant) =>
    manifest.points.map((point) => ({
      variant,
      point: point.id,
      label:
        [manifest.variants.length > 1 ? variant : '', pointLabel(point.values)].filter(Boolean).join('; ') ||
        variant,
    })),
  );
  const facts = [...new Set(rows.map((r) => r.fact))];
  const body = facts.map((fact) => {
    const cells = columns.map(({ variant, point }) => {
      const row = rows.find((r) => r.fact === fact && r.variant === variant && r.point === point);
      return `<td>${row ? `${(100 * Number(row.share)).toFixed(0)}%` : '–'}</td>`;
    });
    return `<tr><th style="white-space:normal">${escapeHtml(fact)}</th>${cells.join('')}</tr>`;
  });
  return `<h2>Facts checked</h2>
<p>The share of runs that reproduce each fact, judged run by run (${rows[0]?.runs ?? 0} runs per column).</p>
<table>
<thead><tr><th>fact</th>${columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody>
</table>`;
}

/** Who holds power under each variant's rule: the rule, how often it passes, the strongest members. */
function powerSummary(rows: Record<string, string>[], variants: string[]): string {
  if (rows.length === 0) return '';
  const body = variants.flatMap((variant) => {
    const mine = rows.filter((r) => r.variant === variant);
    if (mine.length === 0) return [];
    const sorted = [...mine].sort((a, b) => Number(b.banzhaf) - Number(a.banzhaf));
    const strongest = sorted
      .slice(0, 3)
      .map((r) => `${escapeHtml(r.member)} ${(100 * Number(r.banzhaf)).toFixed(1)}%`)
      .join(', ');
    const weakest = Number(sorted[sorted.length - 1].banzhaf);
    const spread = weakest > 0 ? `${(Number(sorted[0].banzhaf) / weakest).toFixed(1)}×` : '∞';
    const passes = Number(mine[0].passage_probability);
    return [
      `<tr><th>${escapeHtml(variant)}</th><td style="text-align:left">${escapeHtml(mine[0].rule)}</td><td>${passes >= 0.001 ? `${(100 * passes).toFixed(1)}%` : `${(100 * passes).toExponential(1)}%`}</td><td style="text-align:left">${strongest}</td><td>${spread}</td></tr>`,
    ];
  });
  return `<h2>Voting power</h2>
<p>${escapeHtml(rows[0].org)}, ${escapeHtml(rows[0].kind)} proposals: the chance that a random proposal passes (every yes/no coalition equally likely) and each member's share of power (normalised Banzhaf; ${escapeHtml(rows[0].method)}).</p>
<table>
<thead><tr><th>variant</th><th>rule</th><th>passes</th><th>most power</th><th>most / least</th></tr></thead>
<tbody>${body.join('\n')}</tbody>
</table>`;
}

/** Three decimals; two significant digits for small values, so +0.0002 does not read as +0.000. */
const fixed = (value: number) => {
  if (!Number.isFinite(value)) return '–';
  return value === 0 || Math.abs(value) >= 0.01 ? value.toFixed(3) : value.toPrecision(2);
};
const signed = (value: number) => `${value >= 0 ? '+' : ''}${fixed(value)}`;

/**
 * The chance of reaching each rung not held at the start, by every fifth calendar year and the
 * last: the analysts' "how likely a full organisation by 2030" in one table.
 */
function milestonesSummary(
  rows: Record<string, string>[],
  variants: string[],
  orgs: string[],
  point: string,
): string {
  const mine = rows.filter((r) => r.point === point && orgs.includes(r.org) && Number(r.held_at_start) < 1);
  if (mine.length === 0) return '';
  const allYears = [...new Set(mine.map((r) => Number(r.year)))].sort((a, b) => a - b);
  const years = allYears.filter((y, k) => y % 5 === 0 || k === allYears.length - 1);
  const rungs = [...new Map(mine.map((r) => [`${r.org}|${r.rung}`, r])).values()].sort(
    (a, b) => a.org.localeCompare(b.org) || Number(a.order) - Number(b.order),
  );
  const body = rungs.flatMap((rung) =>
    variants.map((variant) => {
      const cells = years.map((year) => {
        const row = mine.find(
          (r) =>
            r.org === rung.org && r.rung === rung.rung && r.variant === variant && Number(r.year) === year,
        );
        return `<td>${row ? `${(100 * Number(row.share_reached)).toFixed(0)}%` : '–'}</td>`;
      });
      return `<tr><th>${escapeHtml(rung.org)}</th><th>${escapeHtml(rung.rung)}</th><th>${escapeHtml(variant)}</th>${cells.join('')}</tr>`;
    }),
  );
  return `<h2>Institutional milestones</h2>
<p>Share of runs that had reached each rung not yet held at the start, by the end of each year shown.</p>
<table>
<thead><tr><th>organisation</th><th>rung</th><th>variant</th>${years.map((y) => `<th>by ${y}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody>
</table>`;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageRoot(name), 'package.json'), 'utf8')) as { version: string })
    .version;
}
