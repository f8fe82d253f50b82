import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { writeExperimentCharts } from '../../src/charts/experiment-charts.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { fixture } from '../helpers.js';

const out = join(mkdtempSync(join(tmpdir(), 'cica-charts-')), 'run');
await runExperiment(loadExperiment(fixture('experiment.yaml')), { out, threads: 1 });
const charts = await writeExperimentCharts(out);

describe('experiment charts', () => {
  it('cover every key metric of every organisation, over time, by variant and as paired differences', () => {
    const names = charts.map((c) => c.name);
    expect(names).toContain('membership-and-stage');
    for (const metric of ['adoption-rate', 'ambition', 'mean-trust', 'cohesion', 'vetoes']) {
      for (const kind of ['over-time', 'by-variant', 'difference'])
        expect(names).toContain(`${kind}-org-${metric}`);
    }
    expect(charts).toHaveLength(1 + 5 * 3);
  });

  it('compile with vega-lite and render with vega without a single warning', () => {
    for (const chart of charts) expect(chart.warnings, chart.name).toEqual([]);
  });

  it('are written as valid Vega-Lite specs with their data inlined, and well-formed SVG', () => {
    for (const { name } of charts) {
      const spec = JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8'));
      expect(spec.$schema).toMatch(/vega-lite\/v6/);
      expect(Array.isArray(spec.data.values) && spec.data.values.length > 0, name).toBe(true);
      const svg = readFileSync(join(out, 'charts', `${name}.svg`), 'utf8');
      expect(XMLValidator.validate(svg), name).toBe(true);
      expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });

  it('say what they show in words, and label sweep points by their values', () => {
    const overTime = charts.find((c) => c.name === 'over-time-org-adoption-rate')?.spec as unknown as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(overTime)).toContain('ORG: adoption rate (adopted / proposed)');
    expect(JSON.stringify(overTime)).toContain('implementation.probability = 0.9');
    const svg = readFileSync(
      join(out, 'charts', 'difference-org-adopted.svg').replace('adopted', 'adoption-rate'),
      'utf8',
    );
    expect(svg).toContain('change from “unanimous”');
    expect(existsSync(join(out, 'charts', 'membership-and-stage.svg'))).toBe(true);
  });
});

describe('report.html', () => {
  it('is one self-contained file: libraries inlined, every chart, the summary, how to reproduce', async () => {
    const { writeReport } = await import('../../src/charts/report.js');
    const html = readFileSync(writeReport(out, charts), 'utf8');
    // Nothing is fetched: no external scripts, stylesheets or images.
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/<img[^>]+src="?https?:/i);
    // vega, vega-lite and vega-embed are inlined, and every chart has its place.
    expect(html).toContain('vegaEmbed');
    expect((html.match(/<div class="chart" id="chart-\d+"/g) ?? []).length).toBe(charts.length);
    expect(html).toContain('<h1>tiny-experiment</h1>');
    expect(html).toMatch(/<tr><th>ORG<\/th><th>consensual<\/th>/);
    expect(html).toContain('npx cica-sim experiment');
    expect(html).toMatch(/cica-sim \d+\.\d+\.\d+, Node v\d+/);
  });
});
