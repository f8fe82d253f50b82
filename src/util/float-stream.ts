/**
 * Numbers written one after another into a growing Float64Array, and read back in the same order:
 * the format of what worker threads send the main thread (metrics/packed-world.ts). Lists are
 * written as their length, then their values.
 */
export class FloatWriter {
  private buffer = new Float64Array(4096);
  private length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = value;
  }

  list(values: ArrayLike<number>): void {
    this.push(values.length);
    if (this.length + values.length > this.buffer.length) this.grow(values.length);
    for (let k = 0; k < values.length; k++) this.buffer[this.length++] = values[k];
  }

  result(): Float64Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(more: number): void {
    const grown = new Float64Array(Math.max(this.buffer.length * 2, this.length + more));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

export class FloatReader {
  at = 0;

  constructor(readonly data: Float64Array) {}

  next(): number {
    return this.data[this.at++];
  }
}
