import { describe, expect, it } from 'vitest';
import { loadSensitivity } from '../../../src/experiment/sensitivity/load.js';
import { rankFactors, sobolStage } from '../../../src/experiment/sensitivity/stages.js';
import { repoFile } from '../../helpers.js';

describe("a screening's second stage", () => {
  it('ranks factors by μ* relative to the largest of each output, the best of any output', () => {
    const rows = [
      // Output A (μ* up to 10): a 10 → 1, b 5 → 0.5, c 1 → 0.1.
      { output: 'A', factor: 'a', mu_star: 10, mu: 0, sigma: 0 },
      { output: 'A', factor: 'b', mu_star: 5, mu: 0, sigma: 0 },
      { output: 'A', factor: 'c', mu_star: 1, mu: 0, sigma: 0 },
      // Output B (μ* up to 0.02, another unit): c 0.02 → 1, b 0.012 → 0.6, a 0 → 0.
      { output: 'B', factor: 'a', mu_star: 0, mu: 0, sigma: 0 },
      { output: 'B', factor: 'b', mu_star: 0.012, mu: 0, sigma: 0 },
      { output: 'B', factor: 'c', mu_star: 0.02, mu: 0, sigma: 0 },
    ];
    // Scores by hand: a 1, b 0.6, c 1, d 0 → a and c (tied: the file's order), then b, then d.
    expect(rankFactors(rows, ['a', 'b', 'c', 'd'], 3)).toEqual(['a', 'c', 'b']);
    expect(rankFactors(rows, ['a', 'b', 'c', 'd'], 10)).toEqual(['a', 'c', 'b', 'd']);
  });

  it("the shipped study's Sobol' stage: the chosen factors, N × (k + 2) points, its own hash", () => {
    const study = loadSensitivity(repoFile('experiments/sensitivity.yaml'), { size: 4, replications: 1 });
    expect(study.factors.length).toBeGreaterThan(60);
    expect(study.sobolStage).toEqual({ top: 10, samples: 4, replications: 1 });
    const chosen = study.factors
      .slice(0, 10)
      .map((f) => f.path)
      .reverse();
    const stage = sobolStage(study, chosen);
    expect(stage.method).toBe('sobol');
    expect(stage.factors.map((f) => f.path)).toEqual(chosen);
    expect(stage.design.points).toBe(4 * 12);
    expect(stage.values[0]).toHaveLength(10);
    expect(stage.hash).not.toBe(study.hash);
    expect(sobolStage(study, chosen).hash).toBe(stage.hash);
    expect(stage.sobolStage).toBeNull();
  });
});
