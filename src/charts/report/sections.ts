import type { Manifest } from '../../tables/manifest.js';
import type { CheckRow, MilestoneRow, PowerRow } from '../../tables/outcome-tables.js';
import { pointLabel } from '../experiment-charts.js';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** Three decimals; two significant digits for small values, so +0.0002 does not read as +0.000. */
export const fixed = (value: number) => {
  if (!Number.isFinite(value)) return '–';
  return value === 0 || Math.abs(value) >= 0.01 ? value.toFixed(3) : value.toPrecision(2);
};
export const signed = (value: number) => `${value >= 0 ? '+' : ''}${fixed(value)}`;

/** Which runs failed, grouped by variant and message, so a reader knows what the tables leave out. */
export function failuresSummary(manifest: Manifest): string {
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
export function checksSummary(rows: CheckRow[], manifest: Manifest): string {
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
      return `<td>${row ? `${(100 * row.share).toFixed(0)}%` : '–'}</td>`;
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
export function powerSummary(rows: PowerRow[], variants: string[]): string {
  if (rows.length === 0) return '';
  const body = variants.flatMap((variant) => {
    const mine = rows.filter((r) => r.variant === variant);
    if (mine.length === 0) return [];
    const sorted = [...mine].sort((a, b) => b.banzhaf - a.banzhaf);
    const strongest = sorted
      .slice(0, 3)
      .map((r) => `${escapeHtml(r.member)} ${(100 * r.banzhaf).toFixed(1)}%`)
      .join(', ');
    const weakest = sorted[sorted.length - 1].banzhaf;
    const spread = weakest > 0 ? `${(sorted[0].banzhaf / weakest).toFixed(1)}×` : '∞';
    const passes = mine[0].passage_probability;
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

/**
 * The chance of reaching each rung not held at the start, by every fifth calendar year and the
 * last: the analysts' "how likely a full organisation by 2030" in one table.
 */
export function milestonesSummary(
  rows: MilestoneRow[],
  variants: string[],
  orgs: string[],
  points: { id: string; label: string }[],
): string {
  const tables = points
    .map((point) => milestonesAt(rows, variants, orgs, point.id))
    .map((table, k) =>
      table && points.length > 1 ? `<h3>sweep point: ${escapeHtml(points[k].label)}</h3>\n${table}` : table,
    )
    .filter((table) => table !== '');
  if (tables.length === 0) return '';
  return `<h2>Institutional milestones</h2>
<p>Share of runs that had reached each rung not yet held at the start, by the end of each year shown, with its 95% interval (Wilson's, over the runs).</p>
${tables.join('\n')}`;
}

/** The milestones table at one sweep point ('' when no rung is left to reach). */
function milestonesAt(rows: MilestoneRow[], variants: string[], orgs: string[], point: string): string {
  const mine = rows.filter((r) => r.point === point && orgs.includes(r.org) && r.held_at_start < 1);
  if (mine.length === 0) return '';
  const allYears = [...new Set(mine.map((r) => r.year))].sort((a, b) => a - b);
  const years = allYears.filter((y, k) => y % 5 === 0 || k === allYears.length - 1);
  const rungs = [...new Map(mine.map((r) => [`${r.org}|${r.rung}`, r])).values()].sort(
    (a, b) => a.org.localeCompare(b.org) || a.order - b.order,
  );
  const body = rungs.flatMap((rung) =>
    variants.map((variant) => {
      const cells = years.map((year) => {
        const row = mine.find(
          (r) => r.org === rung.org && r.rung === rung.rung && r.variant === variant && r.year === year,
        );
        if (!row) return '<td>–</td>';
        const [low, high] = wilsonInterval(row.share_reached, row.runs);
        return `<td>${(100 * row.share_reached).toFixed(0)}% <small>[${(100 * low).toFixed(0)}, ${(100 * high).toFixed(0)}]</small></td>`;
      });
      return `<tr><th>${escapeHtml(rung.org)}</th><th>${escapeHtml(rung.rung)}</th><th>${escapeHtml(variant)}</th>${cells.join('')}</tr>`;
    }),
  );
  return `<table>
<thead><tr><th>organisation</th><th>rung</th><th>variant</th>${years.map((y) => `<th>by ${y}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody>
</table>`;
}

/** Wilson's 95% interval for a share p of n runs (Wilson 1927): good near 0 and 1, unlike p ± 1.96 SE. */
export function wilsonInterval(p: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const z2 = 1.96 ** 2;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (1.96 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
