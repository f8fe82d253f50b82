import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { quantileSeq } from 'mathjs';
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
    // With its sweep, each metric against the swept probability; vetoes by state; trust per variant.
    for (const metric of ['adoption-rate', 'ambition', 'mean-trust', 'cohesion', 'vetoes'])
      expect(names).toContain(`sweep-implementation-probability-org-${metric}`);
    // Vetoes by state, and blocks by state under any rule.
    expect(names).toContain('vetoes-org');
    expect(names).toContain('blocks-org');
    expect(names).toContain('trust-unanimous');
    expect(names).toContain('trust-consensual');
    // The findings figure leads: every variant's paired difference in every key metric.
    expect(names[0]).toBe('findings');
    expect(charts).toHaveLength(1 + 1 + 5 * 3 + 5 + 2 + 2);
  });

  it('sweep charts show the median and 5–95% of whole-run values at each swept value (mathjs as the reference)', () => {
    const spec = charts.find((c) => c.name === 'sweep-implementation-probability-org-adoption-rate')
      ?.spec as unknown as { data: { values: Record<string, number | string>[] } };
    const runs = parse(readFileSync(join(out, 'runs.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    for (const [point, value] of [
      ['p0', 0.5],
      ['p1', 0.9],
    ] as const) {
      const values = runs
        .filter((r) => r.variant === 'consensual' && r.point === point && r.adoption_rate !== '')
        .map((r) => Number(r.adoption_rate));
      const row = spec.data.values.find((d) => d.variant === 'consensual' && d.value === value);
      expect(row?.median).toBeCloseTo(quantileSeq(values, 0.5) as number, 12);
      expect(row?.p05).toBeCloseTo(quantileSeq(values, 0.05) as number, 12);
      expect(row?.p95).toBeCloseTo(quantileSeq(values, 0.95) as number, 12);
      expect(row?.n).toBe(values.length);
    }
  });

  it('the trust heat map holds every ordered pair once, in one block per pair of subregions', () => {
    const spec = charts.find((c) => c.name === 'trust-unanimous')?.spec as unknown as {
      data: { values: { truster: string; trusted: string; p50: number }[] };
      concat: unknown[];
    };
    // Three states, one subregion: six ordered pairs in a single block.
    expect(spec.concat).toHaveLength(1);
    expect(spec.data.values.map((d) => `${d.truster}>${d.trusted}`).sort()).toEqual([
      'AAA>BBB',
      'AAA>CCC',
      'BBB>AAA',
      'BBB>CCC',
      'CCC>AAA',
      'CCC>BBB',
    ]);
    for (const d of spec.data.values) expect(d.p50).toBeGreaterThan(0);
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
    expect((html.match(/<div class="chart[^"]*" id="chart-\d+"/g) ?? []).length).toBe(charts.length);
    // It leads with the findings figure, then the findings table; the words fold away.
    const figure = html.indexOf('<div class="chart findings-figure" id="chart-0">');
    expect(figure).toBeGreaterThan(html.indexOf('<h2>What the runs say</h2>'));
    expect(html.indexOf('<table class="findings">')).toBeGreaterThan(figure);
    expect(html.indexOf('<details><summary>Each variant in words</summary>')).toBeLessThan(
      html.indexOf('<h2>Summary</h2>'),
    );
    expect(html).toContain('<h1>tiny-experiment</h1>');
    expect(html).toMatch(/<tr><th>ORG<\/th><th>consensual<\/th>/);
    expect(html).toContain('npx cica-sim experiment');
    expect(html).toMatch(/cica-sim \d+\.\d+\.\d+, Node v\d+/);
  });
});
