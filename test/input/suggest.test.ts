import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closestName, editDistance, fieldVocabulary, unknownFieldHint } from '../../src/input/suggest.js';
import { cli, repoFile } from '../helpers.js';

describe('did you mean', () => {
  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('forgeting', 'forgetting')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest name only when it is close enough to be a typo', () => {
    expect(closestName('enlargment', ['enlargement', 'events', 'agenda'])).toBe('enlargement');
    expect(closestName('zzz', ['trust', 'voting'])).toBeUndefined();
  });

  it('knows where a field belongs, and prefers the fields that may stand at the place', () => {
    const schema = z.strictObject({
      charts: z.strictObject({ metrics: z.array(z.string()).optional() }).optional(),
      analyses: z.strictObject({ power: z.string().optional() }).optional(),
      checks: z.array(z.strictObject({ metric: z.string() })).optional(),
    });
    const vocabulary = fieldVocabulary(schema);
    expect(vocabulary.get('power')).toEqual(['analyses.power']);
    expect(vocabulary.get('metric')).toEqual(['checks.*.metric']);
    expect(unknownFieldHint('power', 'charts', vocabulary)).toBe('; `power` belongs at `analyses.power`');
    // metrix is one edit from metric (elsewhere) but two from metrics (here): metrics is meant.
    expect(unknownFieldHint('metrix', 'charts', vocabulary)).toBe('; did you mean `metrics`?');
  });

  it("in a user's files: a misspelt parameter and a field in the wrong section", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-suggest-'));
    const scenario = join(dir, 's.yaml');
    writeFileSync(
      scenario,
      `extends: ${JSON.stringify(repoFile('scenarios/asia-2025.yaml'))}\nparameters:\n  enlargment: { crowding: 0.1 }\n`,
    );
    const experiment = join(dir, 'e.yaml');
    writeFileSync(
      experiment,
      `name: e\nscenario: ${JSON.stringify(scenario)}\nreplications: 2\nvariants:\n  today: {}\ncharts:\n  power: { org: CICA }\n`,
    );
    const result = cli('validate', scenario, experiment);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      's.yaml:3:15 parameters.enlargment: unknown field; did you mean `enlargement`?',
    );
    expect(result.stderr).toContain(
      'e.yaml:7:10 charts.power: unknown field; `power` belongs at `analyses.power`',
    );
  });
});

describe("a typo in an experiment variant's override", () => {
  it("is reported at the variant's line in the experiment file, not in the scenario it changes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-override-typo-'));
    const experiment = join(dir, 'e.yaml');
    writeFileSync(
      experiment,
      `name: e\nscenario: ${JSON.stringify(repoFile('scenarios/asia-2025.yaml'))}\nreplications: 2\nvariants:\n  today: {}\n  typo:\n    set:\n      parameters.enlargment.crowding: 0.1\n      organisations.CICA.rulez.cbm: { kind: unanimity }\n`,
    );
    const result = cli('validate', experiment);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /e\.yaml:8:\d+ parameters\.enlargment: unknown field; did you mean `enlargement`\?/,
    );
    expect(result.stderr).toMatch(
      /e\.yaml:9:\d+ organisations\.CICA\.rulez: unknown field; did you mean `rules`\?/,
    );
    expect(result.stderr).not.toContain('asia-2025.yaml');
  });
});
