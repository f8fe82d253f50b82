import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

const builtin = repoFile('scenarios/asia-2025.yaml');

/** A stack trace shows as lines starting with "at " after an error; users must never see one. */
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('the command line', () => {
  it.each([
    ['--help'],
    ['run', '--help'],
    ['validate', '--help'],
    ['schema', '--help'],
    ['power', '--help'],
    ['experiment', '--help'],
    ['sensitivity', '--help'],
    ['merge', '--help'],
    ['explain', '--help'],
    ['chart', '--help'],
    ['report', '--help'],
    ['generate', '--help'],
    ['--version'],
  ])('%s exits 0, and its examples name only shipped files that exist', (...args) => {
    const result = cli(...args);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
    const examples = result.stdout.slice(Math.max(0, result.stdout.indexOf('Example')));
    for (const path of examples.match(/\b(?:scenarios|experiments)\/[\w./*-]+\.(?:yaml|json)\b/g) ?? [])
      expect(existsSync(repoFile(path)), `${args.join(' ')}: ${path}`).toBe(true);
  });

  it.each([
    [['run'], /missing required argument/],
    [['run', builtin, '--seed', 'x'], /expected --seed as a whole number/],
    [['run', builtin, '--format', 'xml'], /Allowed choices are csv, json/],
    [['run', 'no-such-file.yaml'], /no-such-file\.yaml: file not found/],
    [['frobnicate'], /unknown command/],
  ])('bad input %j exits 2 with a message and no stack trace', (args, message) => {
    const result = cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('schema prints the JSON Schema of scenario files', () => {
    const result = cli('schema');
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['extends', 'actors', 'organisations', 'cbms', 'events', 'parameters']),
    );
  });
});
