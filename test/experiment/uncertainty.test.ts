import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/world.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { jobSeed } from '../../src/experiment/seeds.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { summarizeRun } from '../../src/metrics/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { COMPARE, RUNS } from '../../src/tables/experiment-tables.js';
import { parseTable } from '../../src/tables/registry.js';
import { fixture } from '../helpers.js';

const experiment = loadExperiment(fixture('uncertain-experiment.yaml'));
const uncertainty = experiment.uncertainty as NonNullable<typeof experiment.uncertainty>;

describe('an experiment with parameter uncertainty', () => {
  it('draws a Latin hypercube over the replications: one replication in each stratum of each range', () => {
    expect(uncertainty.factors.map((f) => f.path)).toEqual([
      'parameters.implementation.probability',
      'parameters.trust.forgetting',
      'parameters.amendment.rounds',
    ]);
    // forgetting: {} is its documented range, [0.95, 0.995].
    expect(uncertainty.factors[1]).toMatchObject({ kind: 'range', min: 0.95, max: 0.995 });
    const strata = uncertainty.values.map((draw) => Math.floor(((draw[0] as number) - 0.5) / (0.45 / 8)));
    expect([...strata].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Two listed values over eight strata: each drawn four times.
    expect(uncertainty.values.filter((draw) => draw[2] === 0)).toHaveLength(4);
    // A path a variant sets itself is not drawn for it: consensual keeps its forgetting of 0.9.
    expect(uncertainty.applies).toEqual([
      [true, true, true],
      [true, false, true],
    ]);
  });

  it('runs each replication with its draw under every variant, as the scenario with those values would run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cica-uncertain-'));
    expect((await runExperiment(experiment, { out, threads: 2 })).status).toBe('complete');
    const runs = parseTable(RUNS, readFileSync(join(out, 'runs.csv'), 'utf8'));
    expect(runs).toHaveLength(2 * 8);
    for (const row of runs) {
      const draw = uncertainty.values[row.replication];
      expect(row['parameters.implementation.probability']).toBe(draw[0]);
      expect(row['parameters.amendment.rounds']).toBe(draw[2]);
      expect(row['parameters.trust.forgetting']).toBe(row.variant === 'consensual' ? null : draw[1]);
    }
    // A second method: replication 5 of each variant, loaded with its values as overrides and run alone.
    for (const variant of ['unanimous', 'consensual']) {
      const draw = uncertainty.values[5];
      const overrides: Record<string, unknown> = {
        'parameters.implementation.probability': draw[0],
        'parameters.amendment.rounds': draw[2],
        ...(variant === 'consensual'
          ? { 'organisations.ORG.rules.default': { kind: 'consensus' }, 'parameters.trust.forgetting': 0.9 }
          : { 'parameters.trust.forgetting': draw[1] }),
      };
      const { scenario } = loadScenario(fixture('tiny.yaml'), { overrides });
      const alone = summarizeRun(simulateRecorded(compileWorld(scenario, { years: 3 }), jobSeed(9, 5)));
      const row = runs.find((r) => r.variant === variant && r.replication === 5);
      expect(row?.adopted).toBe(alone.ORG.adopted);
      expect(row?.mean_trust).toBe(alone.ORG.mean_trust);
    }
    // compare.csv: the shares of replications where consensual − unanimous is above and below zero,
    // counted again from runs.csv.
    const compare = parseTable(COMPARE, readFileSync(join(out, 'compare.csv'), 'utf8'));
    for (const metric of ['adopted', 'mean_trust']) {
      const differences = Array.from({ length: 8 }, (_, r) => {
        const of = (v: string) =>
          runs.find((row) => row.variant === v && row.replication === r)?.[metric] as number;
        return of('consensual') - of('unanimous');
      });
      const row = compare.find((c) => c.metric === metric);
      expect(row?.share_positive).toBe(differences.filter((d) => d > 0).length / 8);
      expect(row?.share_negative).toBe(differences.filter((d) => d < 0).length / 8);
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.uncertainty.factors).toHaveLength(3);
  });
});
