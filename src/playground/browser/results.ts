/// <reference lib="dom" />
import type { TopLevelSpec } from 'vega-lite';
import { metricLabel } from '../../charts/theme.js';
import type { PlaygroundResults } from '../runs.js';
import { findingRows, format, type NamedChart, resultCharts } from '../views.js';
import { h } from './dom.js';

/** vega-embed, inlined in the page by the CLI (charts/report/libraries.ts). */
declare const vegaEmbed: (
  element: HTMLElement,
  spec: TopLevelSpec,
  options: Record<string, unknown>,
) => Promise<unknown>;

/** Draws one chart into a figure; resolves when it is drawn. */
export function drawChart(container: HTMLElement, chart: NamedChart): Promise<unknown> {
  const target = h('div', { class: 'chart', id: `chart-${chart.id}` });
  container.append(target);
  return vegaEmbed(target, chart.spec, { actions: false, renderer: 'svg' });
}

/** The findings table in words, then every chart; resolves when all are drawn. */
export async function showResults(
  container: HTMLElement,
  results: PlaygroundResults,
  org: string,
): Promise<void> {
  container.replaceChildren();
  const rows = findingRows(results, org);
  const cell = (x: number | null) => (x === null ? '—' : format(x));
  const table = h(
    'table',
    { id: 'findings-table' },
    h('caption', {}, `${org}: each set's median over runs, and B − A paired by replication (95% interval)`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['metric', 'A', 'B', 'B − A', '95% interval', 'in words'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { class: r.low !== null && r.high !== null && (r.low > 0 || r.high < 0) ? 'clear' : 'unclear' },
          h('th', { scope: 'row' }, metricLabel(r.metric)),
          h('td', {}, cell(r.a)),
          h('td', {}, cell(r.b)),
          h('td', {}, cell(r.difference)),
          h('td', {}, r.low === null ? '—' : `${cell(r.low)} to ${cell(r.high)}`),
          h('td', {}, r.words),
        ),
      ),
    ),
  );
  container.append(h('h2', {}, 'Findings'), table);
  const charts = h('div', { class: 'charts' });
  container.append(charts);
  await Promise.all(resultCharts(results, org).map((chart) => drawChart(charts, chart)));
}
