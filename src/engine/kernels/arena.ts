import { jsKernels } from './js-kernels.js';
import type { TrustArrays, TrustKernels } from './kernels.js';
import {
  type MemberArrays,
  type MemberKernels,
  type MemberParameters,
  wasmMemberKernels,
} from './member-kernels.js';
import { wasmKernels } from './wasm-kernels.js';

/**
 * Where a run keeps the arrays the pair loops touch (kernels.ts): one WebAssembly memory sized at
 * the start and never grown (so views stay valid), or, for a world beyond WebAssembly's 4 GiB or
 * when asked, plain typed arrays and the JavaScript loops. Arrays are handed out in order, each
 * aligned to 8 bytes; arenaBytes says how much a set of them takes.
 */
export interface KernelArena {
  readonly wasm: boolean;
  f64(length: number): Float64Array;
  i32(length: number): Int32Array;
  u8(length: number): Uint8Array;
  i8(length: number): Int8Array;
  /** The loops over `store`, whose arrays came from this arena (room for kernelBytes(n) left). */
  kernels(store: TrustArrays): TrustKernels;
  /**
   * The member kernels (member-kernels.ts) over `store` and `arrays`, all from this arena; null
   * where the arena is plain arrays (their loops then run in JavaScript).
   */
  memberKernels(store: TrustArrays, arrays: MemberArrays, parameters: MemberParameters): MemberKernels | null;
  /**
   * Hands the memory back for the next run of this thread (simulate does, at the end of a run):
   * a memory costs more to make than a short run's step. Nothing handed out may be used after.
   */
  release(): void;
}

/** A WebAssembly memory with its kernels' instances, idle between runs of one size. */
interface Reusable {
  memory: WebAssembly.Memory;
  instance: WebAssembly.Instance | null;
  memberInstance: WebAssembly.Instance | null;
  /** Bytes handed out in its last use: zeroed before the next. */
  used: number;
}
const idle = new Map<number, Reusable[]>();
/**
 * Idle memories kept: one per size (a thread runs one run at a time), and only small ones — a
 * large world's step costs far more than making its memory, and an idle one would hold its size.
 */
const IDLE_PER_SIZE = 1;
const IDLE_MAX_BYTES = 32 * 1024 * 1024;

const PAGE = 65536;
const MAX_PAGES = 65536;

/** Bytes of arrays of these lengths and element sizes, each aligned to 8. */
export function arenaBytes(arrays: readonly (readonly [length: number, bytesPerElement: number])[]): number {
  let bytes = 0;
  for (const [length, size] of arrays) bytes += align(length * size);
  return bytes;
}

/** What the kernels keep in the arena for a world of n states: 8 bytes of results and a list of n. */
export const kernelBytes = (n: number) =>
  arenaBytes([
    [1, 8],
    [n, 4],
  ]);

export function createKernelArena(bytes: number, options: { wasm?: boolean } = {}): KernelArena {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  const useWasm = (options.wasm ?? true) && typeof WebAssembly !== 'undefined' && pages <= MAX_PAGES;
  if (!useWasm) return jsArena();
  const reused = idle.get(pages)?.pop();
  if (reused) new Uint8Array(reused.memory.buffer, 0, reused.used).fill(0);
  const memory = reused?.memory ?? newMemory(pages);
  // A memory this engine cannot reserve (a large world on a small machine): plain arrays then.
  if (!memory) return jsArena();
  const held: Reusable = reused ?? { memory, instance: null, memberInstance: null, used: 0 };
  let next = 0;
  let released = false;
  const take = (length: number, size: number) => {
    if (released) throw new Error('the kernel arena was used after its run handed it back');
    const at = next;
    next += align(length * size);
    if (next > pages * PAGE) throw new Error(`the kernel arena of ${bytes} bytes is full`);
    return at;
  };
  return {
    wasm: true,
    f64: (length) => new Float64Array(memory.buffer, take(length, 8), length),
    i32: (length) => new Int32Array(memory.buffer, take(length, 4), length),
    u8: (length) => new Uint8Array(memory.buffer, take(length, 1), length),
    i8: (length) => new Int8Array(memory.buffer, take(length, 1), length),
    kernels(store) {
      const kernels = wasmKernels(memory, held.instance, store, this.f64(1), this.i32(store.n));
      held.instance = kernels.instance;
      return kernels;
    },
    memberKernels(store, arrays, parameters) {
      const kernel = wasmMemberKernels(memory, held.memberInstance, store, arrays, parameters);
      held.memberInstance = kernel.instance;
      return kernel;
    },
    release() {
      if (released) return;
      released = true;
      held.used = next;
      if (pages * PAGE > IDLE_MAX_BYTES) return;
      const list = idle.get(pages) ?? [];
      if (list.length < IDLE_PER_SIZE) list.push(held);
      idle.set(pages, list);
    },
  };
}

function newMemory(pages: number): WebAssembly.Memory | null {
  try {
    return new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function jsArena(): KernelArena {
  return {
    wasm: false,
    f64: (length) => new Float64Array(length),
    i32: (length) => new Int32Array(length),
    u8: (length) => new Uint8Array(length),
    i8: (length) => new Int8Array(length),
    kernels: (store) => jsKernels(store),
    memberKernels: () => null,
    release() {},
  };
}

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
