import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

const quick = repoFile('experiments/sensitivity-quick.yaml');

describe('cica-sim sensitivity', () => {
  it('names the wrong kind of file, either way round', () => {
    const scenario = cli('sensitivity', repoFile('scenarios/asia-2025.yaml'));
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(
      /this is a scenario; cica-sim sensitivity takes a sensitivity study file/,
    );
    const experiment = cli('experiment', quick);
    expect(experiment.code).toBe(2);
    expect(experiment.stderr).toMatch(
      /this is a sensitivity study file; .* \(for a sensitivity study file, try cica-sim sensitivity\)/,
    );
  });
});
