import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { gatherReport } from '../../../src/charts/report/gather.js';
import { renderReport } from '../../../src/charts/report/render.js';
import { loadExperiment } from '../../../src/experiment/load.js';
import { runExperiment } from '../../../src/experiment/run-experiment.js';
import { fixture } from '../../helpers.js';

const out = join(mkdtempSync(join(tmpdir(), 'cica-render-')), 'run');
await runExperiment(loadExperiment(fixture('experiment.yaml')), { out, threads: 1 });
const data = gatherReport(out);
const html = renderReport(
  data,
  [
    {
      org: 'ORG',
      variant: 'consensual',
      clear: [{ metric: 'adoption_rate', direction: 'higher', mean: 0.25, low: 0.1, high: 0.4, holds: 0.8 }],
      unclear: ['cohesion'],
    },
  ],
  [],
);

describe('renderReport', () => {
  it('says each finding in words, with its interval', () => {
    expect(html).toContain(
      '<li><b>consensual</b> — ORG: adoption rate (adopted / proposed) higher (+0.250, 95% interval 0.100 to 0.400); no clear change in cohesion (share of member pairs trusting &gt; ½).</li>',
    );
  });

  it('writes the settings as run: 2 variants × 2 points × 6 replications = 24 runs, from seed 5', () => {
    const setting = (name: string) =>
      html.match(new RegExp(`<tr><th>${name}</th><td style="text-align:left">([^<]*)</td></tr>`))?.[1];
    expect(setting('variants')).toBe('unanimous, consensual');
    expect(setting('replications')).toBe('6');
    expect(setting('seed')).toBe('5');
    expect(setting('runs')).toBe('24');
  });

  it("shows each variant's whole-run mean adoption rate, computed here again from runs.csv", () => {
    const runs = parse(readFileSync(join(out, 'runs.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    for (const variant of ['unanimous', 'consensual']) {
      const values = runs
        .filter((r) => r.variant === variant && r.adoption_rate !== '')
        .map((r) => Number(r.adoption_rate));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const row = html.match(new RegExp(`<tr><th>ORG</th><th>${variant}</th><td>([-\\d.]+)`))?.[1];
      expect(Number(row)).toBeCloseTo(mean, 3);
    }
  });

  it('needs no network: the chart libraries are inlined, and nothing is fetched', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="?https?:/);
    expect(html).toContain('vegaEmbed(');
  });
});
