import { describe, expect, it } from 'vitest';
import { inlineTables, namedTables, withVariantColours } from '../../src/charts/custom-charts.js';

describe("an experiment's own charts", () => {
  const spec = {
    layer: [{ data: { name: 'runs' }, mark: 'point', encoding: { color: { field: 'variant' } } }],
    transform: [{ lookup: 'point', from: { data: { name: 'points' }, key: 'point' } }],
  };

  it('name output tables as data at any depth; each is inlined as its rows', () => {
    expect([...namedTables(spec)]).toEqual(['runs', 'points']);
    const inlined = inlineTables(spec, (name) => [{ variant: name, point: 'p0' }]) as typeof spec & {
      layer: { data: { values: unknown[] } }[];
    };
    expect(inlined.layer[0].data).toEqual({ values: [{ variant: 'runs', point: 'p0' }] });
    expect(JSON.stringify(inlined)).toContain('{"data":{"values":[{"variant":"points","point":"p0"}]}');
    expect(spec.layer[0].data).toEqual({ name: 'runs' }); // the spec itself is not changed
  });

  it('keep only the columns the spec mentions: as fields, in transforms, in expressions', () => {
    const own = {
      data: { name: 'runs' },
      transform: [
        { filter: 'datum.ambition > 0' },
        { aggregate: [{ op: 'median', field: 'adoption_rate', as: 'rate' }], groupby: ['variant'] },
      ],
      mark: 'point',
      encoding: { x: { field: 'rate' }, color: { field: 'variant' } },
    };
    const row = { variant: 'a', point: 'p0', adoption_rate: 0.4, ambition: 0.2, members: 28, adopted: 3 };
    const inlined = inlineTables(own, () => [row]) as { data: { values: Record<string, unknown>[] } };
    // members and adopted are dropped; point stays, conservatively, as the word appears (mark: 'point').
    expect(inlined.data.values).toEqual([{ variant: 'a', point: 'p0', adoption_rate: 0.4, ambition: 0.2 }]);
  });

  it('colour variants as the built-in charts do, unless the spec has a scale of its own', () => {
    const coloured = withVariantColours(spec, ['a', 'b']) as typeof spec;
    const colour = coloured.layer[0].encoding.color as { scale?: { domain: string[] } };
    expect(colour.scale?.domain).toEqual(['a', 'b']);
    const own = { encoding: { color: { field: 'variant', scale: { scheme: 'greys' } } } };
    expect(withVariantColours(own, ['a'])).toEqual(own);
  });
});
