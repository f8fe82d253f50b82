import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import type { InputError } from '../../src/input/errors.js';
import { fixture } from '../helpers.js';

describe('loadExperiment: every problem of the file in one pass', () => {
  it("lists each variant's problems and the analyses', not just the first", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cica-load-exp-')), 'e.yaml');
    writeFileSync(
      file,
      `name: e
scenario: ${JSON.stringify(fixture('tiny.yaml'))}
replications: 2
variants:
  today: {}
  one: { set: { parameters.trust.forgetting: 2 } }
  two: { set: { parameters.voting.temperature: -1 } }
analyses:
  power: { org: ORGG }
`,
    );
    let problems: string[] = [];
    try {
      loadExperiment(file);
    } catch (error) {
      problems = (error as InputError).problems.map(
        (p) => `${'line' in p.location ? p.location.line : '-'} ${p.path}`,
      );
    }
    expect(problems).toEqual([
      '6 parameters.trust.forgetting',
      '7 parameters.voting.temperature',
      '9 analyses.power.org',
    ]);
  });
});
