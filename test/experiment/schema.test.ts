import { describe, expect, it } from 'vitest';
import { ExperimentSchema } from '../../src/experiment/schema.js';

const minimal = { name: 'e', scenario: 's.yaml', replications: 10, variants: { today: {} } };
const issues = (value: unknown) =>
  (ExperimentSchema.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the experiment file schema', () => {
  it('fills the defaults: seed 1, and a power analysis of CBM proposals', () => {
    const parsed = ExperimentSchema.parse({ ...minimal, analyses: { power: { org: 'CICA' } } });
    expect(parsed.seed).toBe(1);
    expect(parsed.analyses?.power).toEqual({ org: 'CICA', kind: 'cbm' });
  });

  it('asks for at least one variant, and names the way to write one', () => {
    expect(issues({ ...minimal, variants: {} })).toEqual([
      'variants: at least one variant, e.g. `today: {}`',
    ]);
  });

  it('refuses unknown keys, chart kinds and out-of-range numbers', () => {
    expect(issues({ ...minimal, charts: { power: { org: 'CICA' } } })).toEqual([
      'charts: Unrecognized key: "power"',
    ]);
    expect(issues({ ...minimal, charts: { kinds: ['pie'] } })[0]).toMatch(
      /^charts\.kinds\.0: Invalid option/,
    );
    expect(issues({ ...minimal, replications: 0 })[0]).toMatch(/^replications: Too small/);
    expect(issues({ ...minimal, seed: 2 ** 31 + 1 })[0]).toMatch(/^seed: Too big/);
    expect(issues({ ...minimal, sweep: { 'parameters.x': [] } })[0]).toMatch(
      /^sweep\.parameters\.x: Too small/,
    );
  });
});
