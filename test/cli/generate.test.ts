import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/load.js';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-generate-'));

describe('cica-sim generate', () => {
  it('writes a valid scenario of N states and K organisations, the same for the same seed', () => {
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    const c = join(dir, 'c.yaml');
    expect(cli('generate', '--states', '120', '--orgs', '6', '--seed', '3', '--out', a).code).toBe(0);
    expect(cli('generate', '--states', '120', '--orgs', '6', '--seed', '3', '--out', b).code).toBe(0);
    expect(cli('generate', '--states', '120', '--orgs', '6', '--seed', '4', '--out', c).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(readFileSync(c, 'utf8')).not.toBe(readFileSync(a, 'utf8'));
    const { scenario } = loadScenario(a);
    expect(Object.keys(scenario.actors)).toHaveLength(120);
    expect(Object.keys(scenario.organisations)).toHaveLength(6);
    // Overlapping blocks of ceil(2N/K) = 40 states: every state belongs to some organisation.
    const members = Object.values(scenario.organisations).flatMap((org) => org.members);
    expect(Object.values(scenario.organisations).every((org) => org.members.length === 40)).toBe(true);
    expect(new Set(members).size).toBe(120);
    expect(Object.keys(scenario.cbms)).toHaveLength(15);
  });

  it('prints to stdout without --out, and handles the smallest world', () => {
    const result = cli('generate', '--states', '2', '--orgs', '3');
    expect(result.code).toBe(0);
    const data = parse(result.stdout) as {
      actors: object;
      organisations: Record<string, { members: string[] }>;
    };
    expect(Object.keys(data.actors)).toEqual(['S1', 'S2']);
    expect(Object.values(data.organisations).map((org) => org.members)).toEqual([
      ['S1', 'S2'],
      ['S1', 'S2'],
      ['S2', 'S1'],
    ]);
  });

  it('refuses bad arguments with exit 2', () => {
    const result = cli('generate', '--states', '1', '--orgs', '3');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/expected --states as a whole number from 2 to 20000, found "1"/);
    expect(cli('generate', '--orgs', '3').code).toBe(2);
  });
});
