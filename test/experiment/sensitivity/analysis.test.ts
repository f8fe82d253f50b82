import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseStudy, pointMeans } from '../../../src/experiment/sensitivity/analysis.js';
import { studyDesign } from '../../../src/experiment/sensitivity/design.js';
import type { ResolvedSensitivity } from '../../../src/experiment/sensitivity/load.js';

/** A study of 2 points × 2 replications × 2 variants with one factor, and runs.csv written by hand. */
function handStudy(): { study: ResolvedSensitivity; runs: string } {
  const design = studyDesign({ method: 'lhs', size: 2, levels: 4 }, 1, 1);
  const study = {
    name: 'hand',
    file: 'hand.yaml',
    hash: 'sha256:0',
    seed: 1,
    years: 1,
    method: 'lhs',
    size: 2,
    levels: 4,
    replications: 2,
    variants: ['a', 'b'],
    scenarios: [],
    scenarioHashes: [],
    factors: [{ path: 'parameters.x', kind: 'range', min: 0, max: 1, scale: 'linear' }],
    outputs: [
      { name: 'X.rate', org: 'X', metric: 'rate', variant: 0, reference: null },
      { name: 'X.rate.b-vs-a', org: 'X', metric: 'rate', variant: 1, reference: 0 },
    ],
    design,
    values: [[0.25], [0.75]],
    sobolStage: null,
  } as ResolvedSensitivity;
  const runs = [
    'variant,point,replication,seed,org,rate',
    'a,s0,0,11,X,0.2',
    'b,s0,0,11,X,0.1',
    'a,s0,1,12,X,0.4',
    'b,s0,1,12,X,0.1',
    'a,s1,0,11,X,0.6',
    'b,s1,0,11,X,0.7',
    'a,s1,1,12,X,0.8',
    'b,s1,1,12,X,0.5',
    'a,s1,1,12,Y,9',
  ].join('\n');
  return { study, runs: `${runs}\n` };
}

describe('the analysis of a study', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cica-sensitivity-'));
  const { study, runs } = handStudy();
  const runsPath = join(dir, 'runs.csv');
  writeFileSync(runsPath, runs);

  it("takes each point's mean over its replications, and a finding's paired difference", () => {
    const [plain, finding] = pointMeans(study, runsPath);
    // By hand: s0 (0.2 + 0.4)/2 = 0.3, s1 (0.6 + 0.8)/2 = 0.7; another organisation's row is ignored.
    expect(plain.means[0]).toBeCloseTo(0.3, 12);
    expect(plain.means[1]).toBeCloseTo(0.7, 12);
    // Differences b − a: s0: −0.1, −0.3 → −0.2; s1: +0.1, −0.3 → −0.1.
    expect(finding.means[0]).toBeCloseTo(-0.2, 12);
    expect(finding.means[1]).toBeCloseTo(-0.1, 12);
    // Noise of a point mean: sample variance / n. s0 plain: values 0.2, 0.4 → var 0.02, /2 = 0.01.
    expect(plain.noise[0]).toBeCloseTo(0.01, 12);
    // s1 finding: 0.1, −0.3 → var 0.08, /2 = 0.04.
    expect(finding.noise[1]).toBeCloseTo(0.04, 12);
  });

  it('outputs.csv: spread over points, the shares either side of 0, and the share that is noise', () => {
    const { outputs } = analyseStudy(study, runsPath);
    const [plain, finding] = outputs;
    expect(plain.mean).toBeCloseTo(0.5, 12);
    // Point means 0.3 and 0.7: sample variance 0.08; noise (0.01 + 0.01)/2 = 0.01 → share 0.125.
    expect(plain.sd).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(plain.noise_share).toBeCloseTo(0.125, 12);
    expect(plain.share_positive).toBe(1);
    expect(finding.variant).toBe('b');
    expect(finding.reference).toBe('a');
    expect(finding.share_negative).toBe(1);
    // Finding: point means −0.2, −0.1 → variance 0.005; noise (0.01 + 0.04)/2 = 0.025 > 0.005 → all noise.
    expect(finding.noise_share).toBe(1);
  });
});
