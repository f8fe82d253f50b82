import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-extends-'));
const tiny = relative(dir, fixture('tiny.yaml'));

function load(text: string, options = {}) {
  const path = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return loadScenario(path, options);
}

describe('extends and overrides', () => {
  it('merges mappings key by key and replaces lists', () => {
    const { scenario } = load(
      `extends: ${tiny}\norganisations:\n  ORG:\n    members: [AAA, BBB]\n    rules: { cbm: { kind: consensus } }\nparameters:\n  trust: { forgetting: 0.9 }\n`,
    );
    expect(scenario.organisations.ORG.members).toEqual(['AAA', 'BBB']);
    // The parent's default rule stays; the child adds a cbm rule.
    expect(scenario.organisations.ORG.rules.default).toEqual({ kind: 'unanimity' });
    expect(scenario.organisations.ORG.rules.cbm).toEqual({ kind: 'consensus' });
    expect(scenario.parameters.trust.forgetting).toBe(0.9);
    // Untouched parent parameters survive.
    expect(scenario.parameters.trust.priorStrength).toBe(10);
    expect(scenario.parameters.voting.temperature).toBe(0.5);
  });

  it("applies the file's overrides by path after its own fields, then the caller's", () => {
    const { scenario } = load(
      `extends: ${tiny}\nparameters: { trust: { forgetting: 0.9 } }\noverrides:\n  parameters.trust.forgetting: 0.8\n  organisations.ORG.rules.default: { kind: consensus-minus, k: 1 }\n  actors.CCC.salience.human: 0.9\n`,
    );
    expect(scenario.parameters.trust.forgetting).toBe(0.8);
    expect(scenario.organisations.ORG.rules.default).toEqual({ kind: 'consensus-minus', k: 1 });
    expect(scenario.actors.CCC.salience.human).toBe(0.9);
    const again = load(`extends: ${tiny}\n`, { overrides: { 'parameters.trust.forgetting': 0.7 } });
    expect(again.scenario.parameters.trust.forgetting).toBe(0.7);
  });

  it('hashes the resolved scenario: a change of value changes the hash, a change of layout does not', () => {
    const a = load(`extends: ${tiny}\nparameters: { trust: { forgetting: 0.9 } }\n`);
    const b = load(
      `extends: ${tiny}\nparameters:\n  trust:\n    forgetting: 0.9   # same value, other layout\n`,
    );
    const c = load(`extends: ${tiny}\nparameters: { trust: { forgetting: 0.91 } }\n`);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('accepts JSON as well as YAML', () => {
    const path = join(dir, 'child.json');
    writeFileSync(path, JSON.stringify({ extends: tiny, years: 3 }));
    expect(loadScenario(path).scenario.years).toBe(3);
  });
});
