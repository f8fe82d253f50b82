import { describe, expect, it } from 'vitest';
import { FloatReader, FloatWriter } from '../../src/util/float-stream.js';

describe('FloatWriter and FloatReader: numbers and lists, read back in order', () => {
  it('round-trips values and length-prefixed lists, past the initial buffer', () => {
    const writer = new FloatWriter();
    const long = Float64Array.from({ length: 10_000 }, (_, k) => k / 3);
    writer.push(1.5);
    writer.list([Number.NaN, -0, 7]);
    writer.list(long);
    writer.push(Number.POSITIVE_INFINITY);
    const data = writer.result();
    expect(data.length).toBe(1 + 4 + 10_001 + 1);

    const reader = new FloatReader(data);
    expect(reader.next()).toBe(1.5);
    expect(reader.next()).toBe(3);
    expect(reader.next()).toBeNaN();
    expect(Object.is(reader.next(), -0)).toBe(true);
    expect(reader.next()).toBe(7);
    expect(reader.next()).toBe(10_000);
    for (let k = 0; k < 10_000; k++) expect(reader.next()).toBe(k / 3);
    expect(reader.next()).toBe(Number.POSITIVE_INFINITY);
    expect(reader.at).toBe(data.length);
  });

  it('returns a copy: writing more does not change an earlier result', () => {
    const writer = new FloatWriter();
    writer.push(1);
    const first = writer.result();
    writer.push(2);
    expect(Array.from(first)).toEqual([1]);
    expect(Array.from(writer.result())).toEqual([1, 2]);
  });
});
