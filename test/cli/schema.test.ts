import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrationJsonSchema,
  experimentJsonSchema,
  scenarioJsonSchema,
  sensitivityJsonSchema,
  votingBodyJsonSchema,
} from '../../src/cli/schema.js';
import { parametersMarkdown } from '../../src/scenario/parameters-doc.js';
import { repoFile } from '../helpers.js';

describe('the shipped JSON Schemas are what `cica-sim schema` prints', () => {
  it.each([
    ['scenarios/scenario.schema.json', scenarioJsonSchema],
    ['experiments/experiment.schema.json', experimentJsonSchema],
    ['experiments/sensitivity.schema.json', sensitivityJsonSchema],
    ['experiments/calibration.schema.json', calibrationJsonSchema],
    ['experiments/bodies/voting-body.schema.json', votingBodyJsonSchema],
  ] as const)('%s', (path, generate) => {
    expect(JSON.parse(readFileSync(repoFile(path), 'utf8'))).toEqual(generate());
  });

  it('docs/PARAMETERS.md is what `cica-sim schema --parameters` prints, and lists every parameter', () => {
    const shipped = readFileSync(repoFile('docs/PARAMETERS.md'), 'utf8');
    expect(shipped).toBe(`${parametersMarkdown()}\n`);
    for (const path of [
      'parameters.trust.forgetting',
      'parameters.amendment.rounds',
      'parameters.events.clashRate',
      'parameters.trust.relationEffect.conflict',
    ]) {
      expect(shipped).toContain(`| \`${path}\` |`);
    }
    expect(shipped).toMatch(
      /\| `parameters\.trust\.forgetting` \| `0\.98` \| \[0, 1\] \| \[0\.95, 0\.995\] \| share of the evidence gathered in the run kept/,
    );
    // Every parameter says what it means.
    expect(shipped).not.toMatch(/\| {2}\|$/m);
  });

  it('and the shipped files point their editors at them', () => {
    const firstLine = (path: string) => readFileSync(repoFile(path), 'utf8').split('\n')[0];
    expect(firstLine('experiments/example.yaml')).toBe(
      '# yaml-language-server: $schema=./experiment.schema.json',
    );
    expect(firstLine('experiments/sensitivity-quick.yaml')).toBe(
      '# yaml-language-server: $schema=./sensitivity.schema.json',
    );
    expect(firstLine('experiments/bodies/eec-1958.yaml')).toBe(
      '# yaml-language-server: $schema=./voting-body.schema.json',
    );
    expect(firstLine('scenarios/examples/cica-rules.yaml')).toBe(
      '# yaml-language-server: $schema=../scenario.schema.json',
    );
  });
});
