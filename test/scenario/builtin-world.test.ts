import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/cli/schema.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

const loaded = loadScenario(repoFile('scenarios/asia-2025.yaml'));
const { scenario } = loaded;
const table = parse(readFileSync(repoFile('scenarios/data/actors.csv'), 'utf8'), { columns: true }) as Record<
  string,
  string
>[];
const withStatus = (column: string, status: string) =>
  table
    .filter((row) => row[column] === status)
    .map((row) => row.iso3)
    .sort();

describe('the built-in world, scenarios/asia-2025.yaml', () => {
  it('lists memberships exactly as the status columns of data/actors.csv', () => {
    const { CICA, SCO, ASEAN } = scenario.organisations;
    expect([...CICA.members].sort()).toEqual(withStatus('cica_status', 'member'));
    expect([...CICA.observers].sort()).toEqual(withStatus('cica_status', 'observer'));
    expect([...SCO.members].sort()).toEqual(withStatus('sco_status', 'member'));
    expect(SCO.observers).toEqual([]);
    expect([...SCO.partners].sort()).toEqual(withStatus('sco_status', 'partner'));
    expect([...ASEAN.members].sort()).toEqual(withStatus('asean_status', 'member'));
  });

  it('matches the facts in SOURCES.md: 28 CICA members with Kuwait, 9 observer states with Turkmenistan, ASEAN with Timor-Leste', () => {
    expect(scenario.organisations.CICA.members).toHaveLength(28);
    expect(scenario.organisations.CICA.members).toContain('KWT');
    expect(scenario.organisations.CICA.observers).toHaveLength(9);
    expect(scenario.organisations.CICA.observers).toContain('TKM');
    expect(scenario.organisations.ASEAN.members).toContain('TLS');
    expect(scenario.organisations.CICA.rules.default.kind).toBe('consensus');
    expect(Object.keys(scenario.actors)).toHaveLength(45);
  });

  it('gives every state capabilities, salience and sovereignty from the tables', () => {
    const japan = scenario.actors.JPN;
    expect(japan.population).toBe(125.1);
    expect(japan.salience.militaryPolitical).toBe(0.7);
    expect(japan.sovereignty).toBe(0.5);
    expect(scenario.actors.KAZ.groups).toEqual(['OIC', 'EAEU', 'CSTO', 'OTS', 'ECO']);
    expect(scenario.relations.find((r) => r.a === 'IND' && r.b === 'PAK')).toMatchObject({
      kind: 'conflict',
      intensity: 0.9,
    });
  });

  it('ships the JSON Schema that `cica-sim schema` prints, and points editors at it', () => {
    const shipped = JSON.parse(readFileSync(repoFile('scenarios/scenario.schema.json'), 'utf8'));
    expect(shipped).toEqual(scenarioJsonSchema());
    expect(readFileSync(repoFile('scenarios/asia-2025.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./scenario.schema.json',
    );
  });
});
