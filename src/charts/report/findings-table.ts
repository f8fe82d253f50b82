import { metricLabel } from '../theme.js';
import type { Finding } from './findings.js';
import { escapeHtml, signed } from './sections.js';

/**
 * The findings as a compact table under the findings figure: one row per organisation and
 * variant, one column per charted metric; a cell shows the mean paired difference with an arrow
 * where its 95% interval excludes zero, and a muted dot where it does not (the interval is in the
 * cell's tooltip).
 */
export function findingsTable(findings: Finding[], metrics: string[]): string {
  if (findings.length === 0) return '';
  const shown = metrics.filter((m) =>
    findings.some((f) => f.clear.some((c) => c.metric === m) || f.unclear.includes(m)),
  );
  const rows = findings.map((finding) => {
    const cells = shown.map((metric) => {
      const clear = finding.clear.find((c) => c.metric === metric);
      if (clear) {
        const arrow = clear.direction === 'higher' ? '▲' : '▼';
        const title = `95% interval ${signed(clear.low)} to ${signed(clear.high)}`;
        return `<td class="clear ${clear.direction}" title="${title}">${arrow} ${signed(clear.mean)}</td>`;
      }
      const known = finding.unclear.includes(metric);
      return `<td class="unclear" title="${known ? 'the 95% interval holds zero' : 'not defined'}">${known ? '·' : ''}</td>`;
    });
    return `<tr><th>${escapeHtml(finding.org)}</th><th>${escapeHtml(finding.variant)}</th>${cells.join('')}</tr>`;
  });
  return `<div class="wide"><table class="findings">
<thead><tr><th>organisation</th><th>variant</th>${shown.map((m) => `<th>${escapeHtml(metricLabel(m))}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>`;
}
