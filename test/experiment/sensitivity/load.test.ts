import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSensitivity } from '../../../src/experiment/sensitivity/load.js';
import { formatProblem, InputError } from '../../../src/input/errors.js';
import { repoFile } from '../../helpers.js';

function problemsOf(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cica-sensitivity-load-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(file, text.replace('SCENARIO', repoFile('scenarios/asia-2025.yaml')));
  try {
    loadSensitivity(file);
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map((p) => formatProblem(p).replace(`${file}:`, ''));
    throw error;
  }
  return [];
}

describe('loading a sensitivity study', () => {
  it('the shipped quick study: its factors, outputs and a Morris design of r × (k + 1) points', () => {
    const study = loadSensitivity(repoFile('experiments/sensitivity-quick.yaml'));
    expect(study.factors.map((f) => f.path)).toEqual([
      'parameters.trust.forgetting',
      'parameters.trust.priorStrength',
      'parameters.enlargement.openness',
    ]);
    expect(study.outputs.map((o) => o.name)).toEqual([
      'CICA.adoption_rate',
      'CICA.adoption_rate.unanimity-vs-consensus',
    ]);
    expect(study.design.points).toBe(6 * 4);
    expect(study.values[0]).toHaveLength(3);
    // The size and replications from the command line change the hash (a resume must match them).
    const quick = loadSensitivity(repoFile('experiments/sensitivity-quick.yaml'), {
      size: 2,
      replications: 1,
    });
    expect(quick.design.points).toBe(2 * 4);
    expect(quick.hash).not.toBe(study.hash);
  });

  it('reports every problem in one pass, each at its line: paths, ranges, whole numbers, outputs', () => {
    const problems = problemsOf(`name: bad
scenario: SCENARIO
method: morris
variants:
  consensus: {}
factors:
  parameters.trust.forgeting: { min: 0.9, max: 0.99 }
  parameters.amendment.rounds: { min: 0, max: 3 }
  parameters.trust.priorStrength: { min: 5, max: 2000 }
  parameters.voting.temperature: { min: 0, max: 1, scale: log }
outputs:
  - { org: CICAA, metric: adoption_rat }
  - { org: CICA, metric: adoption_rate, difference: { variant: unanimity, reference: consensus } }
`);
    expect(problems).toEqual([
      '10:41 factors.parameters.voting.temperature.min: a log scale needs a positive range, found min 0',
      '7:31 parameters.trust.forgeting: unknown field; did you mean `forgetting`?',
      '9:35 parameters.trust.priorStrength: expected a number ≤ 1000, found 2000',
      '8:32 parameters.amendment.rounds: expected a whole number, found 1.5 (a whole-number field is sampled from a list: { values: [0, 1, 2] })',
      '12:12 outputs.0.org: expected an organisation of the scenario (CICA, SCO, ASEAN), found "CICAA" (did you mean CICA?)',
      expect.stringMatching(
        /^12:27 outputs\.0\.metric: expected a whole-run metric \(.*\), found "adoption_rat" \(did you mean adoption_rate\?\)$/,
      ),
      '13:64 outputs.1.difference.variant: expected a variant of this file (consensus), found "unanimity"',
    ]);
  });

  it('a listed value the schema refuses is reported at its factor', () => {
    const problems = problemsOf(`name: bad
scenario: SCENARIO
method: lhs
factors:
  parameters.amendment.enabled: { values: [true, maybe] }
outputs:
  - { org: CICA, metric: adoption_rate }
`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^5:33 parameters\.amendment\.enabled: /);
  });

  it('a factor written {} takes its documented range; a path without one is told to give its range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-sensitivity-load-'));
    const file = join(dir, 'study.yaml');
    writeFileSync(
      file,
      `name: documented
scenario: ${repoFile('scenarios/asia-2025.yaml')}
method: lhs
samples: 4
factors:
  parameters.trust.priorStrength: {}
  parameters.amendment.rounds: {}
outputs:
  - { org: CICA, metric: adoption_rate }
`,
    );
    // docs/PARAMETERS.md: priorStrength [10, 90] log; rounds {1, 2, 3, 4, 5}.
    expect(loadSensitivity(file).factors).toEqual([
      { path: 'parameters.trust.priorStrength', kind: 'range', min: 10, max: 90, scale: 'log' },
      { path: 'parameters.amendment.rounds', kind: 'values', values: [1, 2, 3, 4, 5] },
    ]);
    const problems = problemsOf(`name: bad
scenario: SCENARIO
method: lhs
factors:
  organisations.CICA.rules.cbm.k: {}
outputs:
  - { org: CICA, metric: adoption_rate }
`);
    expect(problems[0]).toBe(
      '5:35 factors.organisations.CICA.rules.cbm.k: no documented range for this path (docs/PARAMETERS.md): give { min, max } or { values: [...] }',
    );
  });
});
