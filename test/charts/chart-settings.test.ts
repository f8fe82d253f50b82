import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeExperimentCharts } from '../../src/charts/experiment-charts.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { cli, fixture } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-chart-settings-'));
copyFileSync(fixture('charts/adopted-by-replication.vl.yaml'), join(dir, 'mine.vl.yaml'));
const experimentFile = (charts: string) => {
  const file = join(dir, `experiment-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `name: chart-settings
scenario: ${fixture('tiny.yaml')}
years: 2
replications: 4
variants:
  unanimous: {}
  consensual: { set: { organisations.ORG.rules.default: { kind: consensus } } }
charts:
${charts}`,
  );
  return file;
};

describe("an experiment's charts section", () => {
  it('picks kinds and metrics, adds its own specs over the output tables, and renders PNG on request', async () => {
    const file = experimentFile(`  kinds: [by-variant, vetoes]
  metrics: [adopted]
  custom:
    from-file: mine.vl.yaml
    inline:
      data: { name: vetoes }
      mark: bar
      encoding:
        x: { field: state, type: nominal }
        y: { field: mean_vetoes, type: quantitative }
`);
    const out = join(dir, 'picked');
    await runExperiment(loadExperiment(file), { out, threads: 1 });
    const charts = await writeExperimentCharts(out, { png: true });
    expect(charts.map((c) => c.name)).toEqual([
      'by-variant-org-adopted',
      // The vetoes kind: vetoes by state, then blocks by state.
      'vetoes-org',
      'blocks-org',
      'custom-from-file',
      'custom-inline',
    ]);
    for (const chart of charts) expect(chart.warnings, chart.name).toEqual([]);
    // The named table is inlined: the spec stands alone with runs.csv's rows as values, each with
    // only the columns the spec mentions (not org, which it never reads).
    const runs = parse(readFileSync(join(out, 'runs.csv'), 'utf8'), { columns: true });
    const mine = JSON.parse(readFileSync(join(out, 'charts', 'custom-from-file.vl.json'), 'utf8'));
    expect(mine.data.values).toHaveLength(runs.length);
    expect(mine.data.values[0]).toMatchObject({ variant: 'unanimous', replication: 0 });
    expect(mine.data.values[0]).not.toHaveProperty('org');
    // Its colour by variant gets the experiment's variant colours, as the built-in charts have.
    expect(mine.encoding.color.scale.domain).toEqual(['unanimous', 'consensual']);
    expect(mine.encoding.color.scale.range).toEqual(['#4e79a7', '#f28e2b']);
    // PNG: the signature, and twice the SVG's width.
    for (const chart of charts) {
      const png = readFileSync(join(out, 'charts', `${chart.name}.png`));
      expect(png.subarray(0, 8).toString('hex'), chart.name).toBe('89504e470d0a1a0a');
      const svgWidth = Number(
        /width="(\d+(?:\.\d+)?)"/.exec(readFileSync(join(out, 'charts', `${chart.name}.svg`), 'utf8'))?.[1],
      );
      expect(png.readUInt32BE(16), chart.name).toBe(Math.round(svgWidth * 2));
    }
    expect(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.png'))).toHaveLength(charts.length);
  });

  it("power.csv: each member's voting power under each variant's rule, as worked out by hand", async () => {
    const file = join(dir, 'power.yaml');
    writeFileSync(
      file,
      `name: power
scenario: ${fixture('tiny.yaml')}
years: 1
replications: 2
variants:
  unanimous: {}
  two-of-three: { set: { organisations.ORG.rules.default: { kind: quota, yes: { count: 2 } } } }
analyses:
  power: { org: ORG }
charts:
  kinds: [power]
`,
    );
    const out = join(dir, 'power');
    await runExperiment(loadExperiment(file), { out, threads: 1 });
    const rows = parse(readFileSync(join(out, 'power.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    // Three symmetric members: a third of the power each. Unanimity passes 1 coalition in 8;
    // two of three pass 4 in 8 ({AB, AC, BC, ABC}).
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(Number(row.banzhaf)).toBeCloseTo(1 / 3, 12);
    expect(Number(rows.find((r) => r.variant === 'unanimous')?.passage_probability)).toBe(1 / 8);
    expect(Number(rows.find((r) => r.variant === 'two-of-three')?.passage_probability)).toBe(1 / 2);
    const charts = await writeExperimentCharts(out);
    expect(charts.map((c) => c.name)).toEqual(['power']);
    expect(charts[0].warnings).toEqual([]);
  });

  it('refuses an unknown metric or organisation at its line, before any run', () => {
    const file = experimentFile('  metrics: [adopted, happiness]\n  orgs: [NATO]\n');
    const result = cli('experiment', file, '--out', join(dir, 'never-1'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /:\d+:\d+ charts\.metrics\.1: expected a metric \(members, .*\), found "happiness"/,
    );
    expect(result.stderr).toMatch(
      /charts\.orgs\.0: expected an organisation of the scenario \(ORG\), found "NATO"/,
    );
  });

  it('refuses a custom spec that names no output table or does not compile, before any run', () => {
    const unknownTable = cli(
      'experiment',
      experimentFile('  custom:\n    bad: { data: { name: results }, mark: bar }\n'),
      '--out',
      join(dir, 'never-2'),
    );
    expect(unknownTable.code).toBe(2);
    expect(unknownTable.stderr).toMatch(
      /charts\.custom\.bad: expected data from an output table \(runs, .*found data: \{ name: results \}/,
    );
    const badMark = cli(
      'experiment',
      experimentFile('  custom:\n    bad: { data: { name: runs }, mark: { type: blob } }\n'),
      '--out',
      join(dir, 'never-3'),
    );
    expect(badMark.code).toBe(2);
    expect(badMark.stderr).toMatch(/charts\.custom\.bad: expected a Vega-Lite spec/);
    const missingFile = cli(
      'experiment',
      experimentFile('  custom:\n    gone: no-such-spec.json\n'),
      '--out',
      join(dir, 'never-4'),
    );
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/no-such-spec\.json/);
  });
});
