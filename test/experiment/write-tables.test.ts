import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAnalyses } from '../../src/experiment/analyses.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { layoutOf, runsHeader } from '../../src/experiment/tables.js';
import { writeTables } from '../../src/experiment/write-tables.js';
import { createAggregate } from '../../src/metrics/aggregate.js';
import { TABLES } from '../../src/tables/files.js';
import { POWER } from '../../src/tables/outcome-tables.js';
import { readTable } from '../../src/tables/registry.js';
import { fixture } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-write-tables-'));
// The fixture: 2 variants × 2 sweep points of the tiny world (one organisation, three states).
const experiment = loadExperiment(fixture('experiment.yaml'));
const world = {
  steps: 12,
  orgIds: ['ORG'],
  stateIds: ['AAA', 'BBB', 'CCC'],
  subregions: ['X', 'X', 'X'],
  rungNames: [[]],
};

describe('the tables and analyses stages', () => {
  it('write every table of the registry that applies, each under its declared header', () => {
    const out = join(dir, 'tables');
    const runs = join(dir, 'runs.csv');
    writeFileSync(runs, runsHeader(['members']));
    const aggregate = createAggregate(['members'], 2, 2, [world, world, world, world]);
    writeTables(out, aggregate, layoutOf(experiment), [], runs);
    const written = (
      ['timeseries', 'compare', 'points', 'summaries', 'vetoes', 'trust', 'milestones', 'admissions'] as const
    ).filter((name) => existsSync(join(out, TABLES[name].file)));
    // With a sweep, points.csv too; without checks, no checks.csv.
    expect(written).toHaveLength(8);
    expect(existsSync(join(out, 'checks.csv'))).toBe(false);
    for (const name of written) {
      const header = readFileSync(join(out, TABLES[name].file), 'utf8').split('\n')[0];
      expect(header.startsWith(Object.keys(TABLES[name].columns).join(',')), name).toBe(true);
    }
    expect(readFileSync(join(out, 'points.csv'), 'utf8')).toBe(
      'point,parameters.implementation.probability\np0,0.5\np1,0.9\n',
    );
  });

  it('write power.csv only when the experiment asks for it', () => {
    const without = join(dir, 'no-power');
    writeAnalyses(without, experiment);
    expect(existsSync(join(without, 'power.csv'))).toBe(false);
    const withPower = join(dir, 'power');
    writeAnalyses(withPower, { ...experiment, analyses: { power: { org: 'ORG', kind: 'cbm' } } });
    const rows = readTable(withPower, POWER);
    // Two variants × three members, each a third of the power in the symmetric tiny world.
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row.banzhaf).toBeCloseTo(1 / 3, 12);
    expect(rows.map((r) => r.rule)).toEqual([...Array(3).fill('unanimity'), ...Array(3).fill('consensus')]);
  });
});
