import type { TrustArrays, TrustKernels } from './kernels.js';
import { TRUST_KERNELS_WASM } from './wasm-bytes.js';

interface Exports {
  setStore(n: number, P: number, N: number, R0: number, S0: number, U: number, RET: number): void;
  assess(step: number, list: number, count: number, mean: number, lowest: number): number;
  pairStats(step: number, list: number, count: number, threshold: number, above: number): number;
  evidence(step: number, list: number, size: number, done: number, positive: number, negative: number): void;
  penalise(
    step: number,
    from: number,
    fromCount: number,
    to: number,
    toCount: number,
    negative: number,
  ): void;
}

let compiled: WebAssembly.Module | null = null;

/** The module, compiled on first use (under 4 KiB, so a browser's main thread may compile it too). */
function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(TRUST_KERNELS_WASM), (c) => c.charCodeAt(0)));
  return compiled;
}

/**
 * The pair loops in WebAssembly (trust-kernels.wat) over `memory`, where the store's arrays and
 * every list, flag and output passed in must lie; `scratch` (8 bytes) and `listCopy` (n states)
 * are the kernels' own, there too. A list from elsewhere (a caller's plain array) is copied in.
 */
export function wasmKernels(
  memory: WebAssembly.Memory,
  reused: WebAssembly.Instance | null,
  store: TrustArrays,
  scratch: Float64Array,
  listCopy: Int32Array,
): TrustKernels & { instance: WebAssembly.Instance } {
  const instance = reused ?? new WebAssembly.Instance(kernelModule(), { env: { memory } });
  const exports = instance.exports as unknown as Exports;
  const { buffer } = memory;
  const address = (bytes: number) => addressOf(buffer, bytes);
  const listAddress = () => listAddressOf(buffer, listCopy);
  const at = (array: ArrayBufferView, index: number, bytes: number) => address(bytes)(array, index);
  const [assessList, statsList, evidenceList, fromList, toList] = [
    listAddress(),
    listAddress(),
    listAddress(),
    address(4),
    address(4),
  ];
  const [meanAt, lowestAt, doneAt, positiveAt, negativeAt] = [
    address(8),
    address(8),
    address(1),
    address(8),
    address(8),
  ];
  const aboveAt = at(scratch, 0, 8);
  exports.setStore(
    store.n,
    at(store.positive, 0, 8),
    at(store.negative, 0, 8),
    at(store.basePositive, 0, 8),
    at(store.baseNegative, 0, 8),
    at(store.updatedAt, 0, 4),
    at(store.retention, 0, 8),
  );
  const kernels: TrustKernels & { instance: WebAssembly.Instance } = {
    instance,
    above: 0,
    assess: (step, list, offset, count, mean, lowest, outOffset) =>
      exports.assess(
        step,
        assessList(list, offset, count),
        count,
        meanAt(mean, outOffset),
        lowestAt(lowest, outOffset),
      ),
    pairStats(step, list, offset, count, threshold) {
      const sum = exports.pairStats(step, statsList(list, offset, count), count, threshold, aboveAt);
      kernels.above = scratch[0];
      return sum;
    },
    evidence: (step, list, size, done, positive, negative) =>
      exports.evidence(
        step,
        evidenceList(list, 0, size),
        size,
        doneAt(done, 0),
        positiveAt(positive, 0),
        negativeAt(negative, 0),
      ),
    penalise: (step, from, fromCount, to, toCount, negative) =>
      exports.penalise(step, fromList(from, 0), fromCount, toList(to, 0), toCount, negative),
  };
  return kernels;
}

/**
 * The byte address of array[index] in `buffer`, for an array that comes back call after call: its
 * address is looked up once (a typed array's buffer and byteOffset cost tens of nanoseconds each).
 */
function addressOf(buffer: ArrayBuffer, bytes: number) {
  let last: ArrayBufferView | null = null;
  let base = 0;
  return (array: ArrayBufferView, index: number) => {
    if (array !== last) {
      if (array.buffer !== buffer) throw new Error('a trust kernel was given an array outside its memory');
      last = array;
      base = array.byteOffset;
    }
    return base + index * bytes;
  };
}

/** The byte address of list[offset ..] in `buffer`; a list from elsewhere is copied into `listCopy` first. */
function listAddressOf(buffer: ArrayBuffer, listCopy: Int32Array) {
  let last: Int32Array | null = null;
  let inMemory = false;
  return (list: Int32Array, offset: number, count: number) => {
    if (list !== last) {
      last = list;
      inMemory = list.buffer === buffer;
    }
    if (inMemory) return list.byteOffset + offset * 4;
    listCopy.set(list.subarray(offset, offset + count));
    return listCopy.byteOffset;
  };
}
