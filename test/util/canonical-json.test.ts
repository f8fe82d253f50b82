import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/util/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps list order, so equal data hashes the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});
