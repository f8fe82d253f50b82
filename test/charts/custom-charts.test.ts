import { describe, expect, it } from 'vitest';
import { inlineTables, namedTables, withVariantColours } from '../../src/charts/custom-charts.js';

describe("an experiment's own charts", () => {
  const spec = {
    layer: [{ data: { name: 'runs' }, mark: 'point', encoding: { color: { field: 'variant' } } }],
    transform: [{ lookup: 'point', from: { data: { name: 'points' }, key: 'point' } }],
  };

  it('name output tables as data at any depth; each is inlined as its rows', () => {
    expect([...namedTables(spec)]).toEqual(['runs', 'points']);
    const inlined = inlineTables(spec, (name) => [{ table: name }]) as typeof spec & {
      layer: { data: { values: unknown[] } }[];
    };
    expect(inlined.layer[0].data).toEqual({ values: [{ table: 'runs' }] });
    expect(JSON.stringify(inlined)).toContain('{"data":{"values":[{"table":"points"}]}');
    expect(spec.layer[0].data).toEqual({ name: 'runs' }); // the spec itself is not changed
  });

  it('colour variants as the built-in charts do, unless the spec has a scale of its own', () => {
    const coloured = withVariantColours(spec, ['a', 'b']) as typeof spec;
    const colour = coloured.layer[0].encoding.color as { scale?: { domain: string[] } };
    expect(colour.scale?.domain).toEqual(['a', 'b']);
    const own = { encoding: { color: { field: 'variant', scale: { scheme: 'greys' } } } };
    expect(withVariantColours(own, ['a'])).toEqual(own);
  });
});
