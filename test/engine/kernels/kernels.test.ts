import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arenaBytes, createKernelArena, kernelBytes } from '../../../src/engine/kernels/arena.js';
import {
  addEvidence,
  createTrustStore,
  type TrustStore,
  trustAt,
  trustStoreBytes,
} from '../../../src/engine/trust.js';
import { createRng, type Rng } from '../../../src/util/rng.js';
import { BYTES_MODULE, wasmBytesModule } from './build-wasm.js';

/** A store of n states in an arena of its own (WebAssembly or not) with random evidence. */
function randomStore(rng: Rng, n: number, steps: number, wasm: boolean, seedOf: string): TrustStore {
  const extra = arenaBytes([
    [n, 4],
    [n, 8],
    [n, 8],
    [n, 1],
  ]);
  const arena = createKernelArena(trustStoreBytes(n, steps) + extra, { wasm });
  const base = (scale: number) => Float64Array.from({ length: n * n }, () => scale * (0.5 + rng.next()));
  const own = createRng(seedOf);
  const store = createTrustStore(n, 0.9 + 0.1 * own.next(), steps, base(5), base(5), arena);
  for (let cell = 0; cell < n * n; cell++) {
    // Some cells never touched, some with evidence expressed at an earlier step.
    if (own.next() < 0.2) continue;
    store.positive[cell] = 3 * own.next();
    store.negative[cell] = own.next() < 0.5 ? 0 : own.next();
    store.updatedAt[cell] = Math.floor(own.next() * (steps - 5)); // never after the steps read below
  }
  return Object.assign(store, { extra: arena });
}

/** The same random store twice, once in each arena kind, and a list of distinct states in both. */
function pair(seed: string, n: number, steps: number) {
  const [rngW, rngJ] = [createRng(seed), createRng(seed)];
  const wasm = randomStore(rngW, n, steps, true, `${seed}/cells`) as TrustStore & {
    extra: ReturnType<typeof createKernelArena>;
  };
  const js = randomStore(rngJ, n, steps, false, `${seed}/cells`) as TrustStore & {
    extra: ReturnType<typeof createKernelArena>;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  const pick = createRng(`${seed}/list`);
  for (let k = n - 1; k > 0; k--) {
    const r = Math.floor(pick.next() * (k + 1));
    [order[k], order[r]] = [order[r], order[k]];
  }
  const count = 1 + Math.floor(pick.next() * n);
  const lists = [wasm, js].map((store) => {
    const list = store.extra.i32(n);
    list.set(order);
    return list;
  });
  return { wasm, js, lists, count, pick };
}

const bits = (array: Float64Array | Int32Array) =>
  Array.from(array, (x) => (Object.is(x, -0) ? '-0' : String(x)));

describe('the pair loops in WebAssembly and in JavaScript', () => {
  it('wasm-bytes.ts is the compiled .wat files (npm run kernels)', async () => {
    expect(readFileSync(BYTES_MODULE, 'utf8')).toBe(await wasmBytesModule());
  });

  it('assess and pairStats give bit-identical results on random stores, and equal trustAt summed by hand', () => {
    for (let t = 0; t < 40; t++) {
      const n = 2 + (t % 13) * 5;
      const steps = 40;
      const { wasm, js, lists, count, pick } = pair(`assess-${t}`, n, steps);
      const step = steps - Math.floor(pick.next() * 5);
      const outs = [wasm, js].map((store) => {
        const mean = store.extra.f64(n);
        const lowest = store.extra.f64(n);
        const total = store.kernels.assess(step, lists[store === wasm ? 0 : 1], 0, count, mean, lowest, 0);
        const threshold = 0.3 + 0.4 * ((t % 5) / 4);
        const sum = store.kernels.pairStats(step, lists[store === wasm ? 0 : 1], 0, count, threshold);
        return { total, mean: bits(mean), lowest: bits(lowest), sum, above: store.kernels.above };
      });
      expect(outs[0]).toEqual(outs[1]);
      // A second method: the sum of trustAt over the ordered pairs, in the same order.
      let sum = 0;
      for (let a = 0; a < count; a++)
        for (let b = 0; b < count; b++) if (a !== b) sum += trustAt(js, lists[1][a], lists[1][b], step);
      expect(outs[0].sum).toBe(sum);
    }
  });

  it('evidence leaves bit-identical stores, and adds what addEvidence would by hand', () => {
    for (let t = 0; t < 40; t++) {
      const n = 2 + (t % 11) * 6;
      const { wasm, js, lists, count, pick } = pair(`evidence-${t}`, n, 40);
      const done = Array.from({ length: n }, () => (pick.next() < 0.8 ? 1 : 0));
      const add = Array.from({ length: n }, () => pick.next());
      const subtract = Array.from({ length: n }, () => pick.next() / 3);
      const before = {
        positive: js.positive.slice(),
        negative: js.negative.slice(),
        at: js.updatedAt.slice(),
      };
      const i = lists[1][0];
      for (const store of [wasm, js]) {
        const flags = store.extra.u8(n);
        flags.set(done);
        const [plus, minus] = [store.extra.f64(n), store.extra.f64(n)];
        plus.set(add);
        minus.set(subtract);
        store.kernels.evidence(40, lists[store === wasm ? 0 : 1], count, flags, plus, minus);
      }
      expect([bits(wasm.positive), bits(wasm.negative), bits(wasm.updatedAt)]).toEqual([
        bits(js.positive),
        bits(js.negative),
        bits(js.updatedAt),
      ]);
      // By hand for the first listed state and the second: decayed to step 40, then its additions.
      if (count > 1 && done[i]) {
        const j = lists[1][1];
        const cell = i * n + j;
        const kept = js.retention[40 - before.at[cell]];
        expect([js.positive[cell], js.negative[cell], js.updatedAt[cell]]).toEqual([
          before.positive[cell] * kept + add[j],
          before.negative[cell] * kept + subtract[j],
          40,
        ]);
      }
    }
  });

  it('penalise leaves bit-identical stores, equal to addEvidence pair by pair', () => {
    for (let t = 0; t < 30; t++) {
      const n = 3 + (t % 9) * 7;
      const { wasm, js, lists, count, pick } = pair(`penalise-${t}`, n, 40);
      const split = Math.floor(pick.next() * count);
      const penalty = pick.next();
      const byHand = randomStore(createRng(`penalise-${t}`), n, 40, false, `penalise-${t}/cells`);
      for (const store of [wasm, js]) {
        const list = lists[store === wasm ? 0 : 1];
        store.kernels.penalise(38, list, split, list.subarray(split), count - split, penalty);
      }
      for (let a = 0; a < split; a++)
        for (let b = split; b < count; b++) addEvidence(byHand, lists[1][a], lists[1][b], 38, 0, penalty);
      expect([bits(wasm.positive), bits(wasm.negative), bits(wasm.updatedAt)]).toEqual([
        bits(js.positive),
        bits(js.negative),
        bits(js.updatedAt),
      ]);
      expect([bits(js.positive), bits(js.negative), bits(js.updatedAt)]).toEqual([
        bits(byHand.positive),
        bits(byHand.negative),
        bits(byHand.updatedAt),
      ]);
    }
  });

  it('takes a caller’s own list (copied in), and rejects an output array from outside its memory', () => {
    const { wasm, js, count } = pair('foreign', 9, 10);
    const plain = Int32Array.from({ length: 9 }, (_, i) => 8 - i);
    expect(wasm.kernels.pairStats(10, plain, 0, count, 0.5)).toBe(
      js.kernels.pairStats(10, plain, 0, count, 0.5),
    );
    expect(() =>
      wasm.kernels.assess(10, plain, 0, count, new Float64Array(9), new Float64Array(9), 0),
    ).toThrow(/outside its memory/);
  });
});

describe('the kernel arena', () => {
  it('hands a memory back zeroed to the next run of its size, and refuses use after release', () => {
    const bytes = trustStoreBytes(7, 5);
    const first = createKernelArena(bytes);
    const store = createTrustStore(
      7,
      0.9,
      5,
      new Float64Array(49).fill(1),
      new Float64Array(49).fill(1),
      first,
    );
    store.positive.fill(3);
    store.updatedAt.fill(4);
    first.release();
    expect(() => first.f64(1)).toThrow(/after its run handed it back/);
    const second = createKernelArena(bytes);
    const again = createTrustStore(
      7,
      0.9,
      5,
      new Float64Array(49).fill(2),
      new Float64Array(49).fill(1),
      second,
    );
    expect(again.positive.buffer).toBe(store.positive.buffer);
    expect([Math.max(...again.positive), Math.max(...again.updatedAt), again.basePositive[0]]).toEqual([
      0, 0, 2,
    ]);
  });

  it('falls back to plain arrays and the JavaScript loops beyond WebAssembly’s 4 GiB', () => {
    expect(createKernelArena(2 ** 32 + 1).wasm).toBe(false);
    expect(createKernelArena(kernelBytes(10)).wasm).toBe(true);
  });
});
