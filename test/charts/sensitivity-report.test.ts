import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render.js';
import { writeSensitivityReport } from '../../src/charts/sensitivity-report.js';
import { distributionChart, morrisChart, sobolChart } from '../../src/charts/specs/sensitivity.js';

const OUTPUTS_HEADER =
  'output,org,metric,variant,reference,points,mean,sd,p05,p50,p95,share_positive,share_negative,noise_share';

/** A study directory written by hand: its manifest and tables. */
function studyDir(method: 'morris' | 'sobol' | 'lhs', tables: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cica-sensitivity-report-'));
  const manifest = {
    kind: 'sensitivity',
    experiment: { name: 'hand', file: 'hand.yaml', hash: 'sha256:0' },
    seed: 1,
    replications: 4,
    years: 10,
    variants: ['consensus', 'unanimity'],
    sensitivity: {
      method,
      size: 2,
      points: 4,
      factors: ['parameters.a', 'parameters.b'],
      outputs: ['X.rate', 'X.rate.unanimity-vs-consensus'],
    },
    jobs: { total: 32, done: 32, shard: null },
    status: 'complete',
    failures: [],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(tables)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('the report of a sensitivity study', () => {
  it('says in words what each output hangs on and whether a finding keeps its sign', async () => {
    const dir = studyDir('morris', {
      'outputs.csv': [
        OUTPUTS_HEADER,
        'X.rate,X,rate,consensus,,4,0.5,0.1,0.4,0.5,0.6,1,0,0.05',
        'X.rate.unanimity-vs-consensus,X,rate,unanimity,consensus,4,-0.1,0.05,-0.2,-0.1,0.01,0.25,0.75,0.3',
      ].join('\n'),
      'indices.csv': [
        'output,factor,mu_star,mu,sigma',
        'X.rate,parameters.a,0.2,0.2,0.01',
        'X.rate,parameters.b,0.01,-0.01,0',
        'X.rate.unanimity-vs-consensus,parameters.a,0.05,0.05,0.02',
        'X.rate.unanimity-vs-consensus,parameters.b,0.04,-0.04,0.01',
      ].join('\n'),
      'samples.csv':
        'point,parameters.a,parameters.b,X.rate,X.rate.unanimity-vs-consensus\ns0,0,0,0.5,-0.1\n',
    });
    const html = readFileSync(await writeSensitivityReport(dir), 'utf8');
    // a's μ* is 0.2; b's 0.01 is under a tenth of it, so only a leads the rate.
    expect(html).toContain(
      '<tr><th>X.rate</th><td>mean 0.500 (5–95%: 0.400 to 0.600)</td><td>a (μ* 0.200)</td><td>5%</td></tr>',
    );
    // The finding is below 0 at 75% of the points: it depends on the parameters; both factors lead it.
    expect(html).toContain(
      'unanimity − consensus is below 0 at 75% of the sample points: <b>depends on the parameters</b>',
    );
    expect(html).toContain('a (μ* 0.050), b (μ* 0.040)');
    expect(html.match(/<svg/g)).toHaveLength(2);
  });

  it("draws Morris's plane, Sobol' bars and a distribution without a Vega warning", async () => {
    const morris = morrisChart('X', [{ output: 'X', factor: 'parameters.a', mu_star: 1, mu: 1, sigma: 0.2 }]);
    const sobol = sobolChart('X', [
      {
        output: 'X',
        factor: 'parameters.a',
        first: 0.5,
        first_low: 0.4,
        first_high: 0.6,
        total: 0.7,
        total_low: 0.6,
        total_high: 0.8,
      },
    ]);
    const distribution = distributionChart('X', [
      { point: 's0', X: 0.1 },
      { point: 's1', X: -0.2 },
    ]);
    for (const spec of [morris, sobol, distribution]) {
      const { svg, warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
      expect(svg).toContain('<svg');
    }
  });
});
