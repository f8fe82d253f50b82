import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PRESETS, presetOf } from '../../src/playground/presets.js';
import { RuleSchema } from '../../src/rules/schema.js';
import { repoFile } from '../helpers.js';

describe('the rule presets', () => {
  it('are the rules of the consensus-rules study, and each is recognised back with its k', () => {
    const study = parse(readFileSync(repoFile('experiments/consensus-rules.yaml'), 'utf8'));
    const studyRules = Object.values(study.variants).map(
      (v) => (v as { set: Record<string, unknown> }).set['organisations.CICA.rules.cbm'],
    );
    const presetRules = PRESETS.map((p) => p.rule(p.id === 'opt-in' ? 10 : 1));
    for (const rule of presetRules) {
      expect(RuleSchema.safeParse(rule).success).toBe(true);
      expect(studyRules).toContainEqual(rule);
    }
    expect(presetOf({ kind: 'consensus-minus', k: 2 })).toEqual({ id: 'consensus-minus', k: 2 });
    expect(presetOf({ kind: 'opt-in', minParticipants: 7 })).toEqual({ id: 'opt-in', k: 7 });
    expect(presetOf({ kind: 'quota', yes: { count: { share: 0.6667 } } })).toEqual({ id: 'two-thirds' });
    expect(presetOf({ kind: 'quota', yes: { count: { share: 0.5 } } })).toEqual({ id: 'custom' });
  });
});
