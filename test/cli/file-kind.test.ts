import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/cli/file-kind.js';
import { cli, repoFile } from '../helpers.js';

describe('a file of the wrong kind is recognised and named', () => {
  it('tells the kinds apart by their top-level fields', () => {
    expect(fileKindOf({ name: 'x', variants: {}, replications: 3 })).toBe('experiment');
    expect(fileKindOf({ members: [], rule: { kind: 'unanimity' } })).toBe('voting-body');
    expect(fileKindOf({ extends: 'asia-2025.yaml' })).toBe('scenario');
  });

  it.each([
    [
      ['power', 'experiments/consensus-rules.yaml'],
      'this is an experiment file; cica-sim power takes a scenario or a voting-body file (for an experiment file, try cica-sim experiment)',
    ],
    [
      ['experiment', 'scenarios/asia-2025.yaml'],
      'this is a scenario; cica-sim experiment takes an experiment file (for a scenario, try cica-sim run)',
    ],
    [
      ['run', 'experiments/bodies/eec-1958.yaml'],
      'this is a voting-body file; cica-sim run takes a scenario (for a voting-body file, try cica-sim power)',
    ],
  ])('cica-sim %s: exit 2 with one line', (args, message) => {
    const result = cli(args[0], repoFile(args[1]));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${repoFile(args[1])}: ${message}\n`);
  });
});
