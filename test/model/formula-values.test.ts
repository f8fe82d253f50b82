import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

describe('bad numbers from a scenario formula are bad input', () => {
  it('exit 2, naming the formula, the state, the proposal, the step and the values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-formula-'));
    const file = join(dir, 'overflow.yaml');
    writeFileSync(
      file,
      `extends: ${JSON.stringify(fixture('tiny.yaml'))}\noverrides:\n  parameters.voting.formula: 'exp(2000 * benefit)'\n`,
    );
    const result = cli('run', file, '--seed', '1');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^cica-sim: parameters\.voting\.formula: "exp\(2000 \* benefit\)" gave Infinity instead of a finite number for (AAA|BBB|CCC) on X in ORG at step 1 \(year 2025\), with builtin = .*benefit = 0\.5000/,
    );
    expect(result.stderr).not.toMatch(/this is a bug|^\s+at /m);
  });
});
