import { describe, expect, it } from 'vitest';
import { deepMerge, parsePath, replacedPaths, setByPath } from '../../src/input/paths.js';

describe('field paths', () => {
  it('split on dots, refusing empty segments and the object machinery', () => {
    expect(parsePath('parameters.trust.forgetting')).toEqual(['parameters', 'trust', 'forgetting']);
    expect(parsePath('')).toHaveProperty('error');
    expect(parsePath('a..b')).toEqual({
      error: 'expected a field path without empty segments, found "a..b"',
    });
    expect(parsePath('a.__proto__.b')).toEqual({ error: '"__proto__" is not allowed in a field path' });
  });

  it('set a value, creating mappings on the way, into lists by index', () => {
    const target: Record<string, unknown> = { events: [{ year: 2025 }], parameters: { trust: 1 } };
    expect(setByPath(target, ['organisations', 'CICA', 'agendaSize'], 3)).toBeUndefined();
    expect(setByPath(target, ['events', '0', 'year'], 2030)).toBeUndefined();
    expect(setByPath(target, ['events', '1'], { year: 2031 })).toBeUndefined();
    expect(target).toEqual({
      events: [{ year: 2030 }, { year: 2031 }],
      parameters: { trust: 1 },
      organisations: { CICA: { agendaSize: 3 } },
    });
    expect(setByPath(target, ['events', '5', 'year'], 1)).toBe('events.5 is past the end of a list');
    expect(setByPath(target, ['parameters', 'trust', 'x'], 1)).toBe(
      'parameters.trust is a number, not a mapping or list',
    );
    expect(setByPath(target, ['events', '9'], 1)).toBe('expected a list index from 0 to 2, found "9"');
  });

  it('merge mappings key by key, replacing leaves and lists, and list the paths a merge replaces', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const over = { a: { c: [3] }, e: 2, ['__proto__']: { polluted: true } };
    expect(deepMerge(base, over)).toEqual({ a: { b: 1, c: [3] }, d: 'x', e: 2 });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' }); // neither input changed
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(replacedPaths({ a: { b: 1, c: [3] }, e: 2 })).toEqual(['a.b', 'a.c', 'e']);
  });
});
