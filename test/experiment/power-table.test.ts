import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { powerTable } from '../../src/experiment/power-table.js';
import { POWER } from '../../src/tables/outcome-tables.js';
import { parseTable } from '../../src/tables/registry.js';
import { fixture } from '../helpers.js';

// tiny.yaml: AAA, BBB and CCC with populations 10, 20 and 30, under unanimity.
const file = join(mkdtempSync(join(tmpdir(), 'cica-power-table-')), 'power.yaml');
writeFileSync(
  file,
  `name: power
scenario: ${JSON.stringify(fixture('tiny.yaml'))}
replications: 1
variants:
  unanimous: {}
  half-the-people:
    set: { organisations.ORG.rules.default: { kind: quota, yes: { population: { share: 0.5 } } } }
sweep:
  parameters.implementation.probability: [0.5, 0.9]
analyses:
  power: { org: ORG }
`,
);

describe('powerTable: who holds power under each variant, worked by hand', () => {
  const experiment = loadExperiment(file);
  const rows = parseTable(POWER, powerTable(experiment, { org: 'ORG', kind: 'cbm' }));

  it('unanimity: a third each, and one coalition in eight passes', () => {
    const unanimous = rows.filter((r) => r.variant === 'unanimous');
    expect(unanimous.map((r) => r.member)).toEqual(['AAA', 'BBB', 'CCC']);
    for (const row of unanimous) {
      expect(row.banzhaf).toBeCloseTo(1 / 3, 15);
      expect(row.shapley_shubik).toBeCloseTo(1 / 3, 15);
      expect(row.passage_probability).toBe(1 / 8);
      expect(row).toMatchObject({ org: 'ORG', kind: 'cbm', rule: 'unanimity', method: 'exact' });
    }
  });

  it('half the population (30 of 60): CCC alone suffices', () => {
    // Winning: {C}, {A,B}, {A,C}, {B,C}, {A,B,C} — 5 of 8. Swings: A 1 ({B}), B 1 ({A}), C 3
    // ({}, {A}, {B}): Banzhaf 1/5, 1/5, 3/5. Orders: C is pivotal in 4 of 6, A and B in 1 each.
    const half = rows.filter((r) => r.variant === 'half-the-people');
    expect(half.map((r) => r.banzhaf)).toEqual([0.2, 0.2, 0.6]);
    expect(half[2].shapley_shubik).toBeCloseTo(4 / 6, 15);
    expect(half[0].shapley_shubik).toBeCloseTo(1 / 6, 15);
    expect(half[0].passage_probability).toBe(5 / 8);
  });

  it('one row per member and variant, at the first sweep point only', () => {
    expect(rows).toHaveLength(6);
  });
});
