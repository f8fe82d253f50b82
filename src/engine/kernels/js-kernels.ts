import type { TrustArrays, TrustKernels } from './kernels.js';

/**
 * The pair loops in JavaScript (kernels.ts): the reference the WebAssembly ones are tested
 * against, and what runs a world too large for a WebAssembly memory. trust(i→j) is written out
 * as trust.ts trustAt computes it.
 */
export function jsKernels(store: TrustArrays): TrustKernels {
  const { n, positive, negative, basePositive, baseNegative, updatedAt, retention } = store;
  const trustOf = (cell: number, step: number) => {
    const kept = retention[step - updatedAt[cell]];
    const r0 = basePositive[cell];
    return (
      (positive[cell] * kept + r0) / ((positive[cell] + negative[cell]) * kept + r0 + baseNegative[cell])
    );
  };
  const kernels: TrustKernels = {
    above: 0,
    assess(step, list, offset, count, mean, lowest, outOffset) {
      let total = 0;
      for (let a = 0; a < count; a++) {
        const i = list[offset + a];
        const row = i * n;
        let sum = 0;
        let low = 1;
        for (let b = 0; b < count; b++) {
          if (a === b) continue;
          const trust = trustOf(row + list[offset + b], step);
          sum += trust;
          if (trust < low) low = trust;
        }
        const m = count > 1 ? sum / (count - 1) : 0.5;
        mean[outOffset + i] = m;
        lowest[outOffset + i] = low;
        total += m;
      }
      return total;
    },
    pairStats(step, list, offset, count, threshold) {
      let sum = 0;
      let above = 0;
      for (let a = 0; a < count; a++) {
        const row = list[offset + a] * n;
        for (let b = 0; b < count; b++) {
          if (a === b) continue;
          const trust = trustOf(row + list[offset + b], step);
          sum += trust;
          if (trust > threshold) above++;
        }
      }
      kernels.above = above;
      return sum;
    },
    evidence(step, list, size, done, add, subtract) {
      for (let a = 0; a < size; a++) {
        const i = list[a];
        if (!done[i]) continue;
        const row = i * n;
        for (let k = 0; k < size; k++) {
          if (k === a) continue;
          const j = list[k];
          const cell = row + j;
          const kept = retention[step - updatedAt[cell]];
          positive[cell] = positive[cell] * kept + add[j];
          negative[cell] = negative[cell] * kept + subtract[j];
          updatedAt[cell] = step;
        }
      }
    },
    penalise(step, from, fromCount, to, toCount, subtract) {
      for (let a = 0; a < fromCount; a++) {
        const row = from[a] * n;
        for (let b = 0; b < toCount; b++) {
          const cell = row + to[b];
          const kept = retention[step - updatedAt[cell]];
          positive[cell] = positive[cell] * kept + 0;
          negative[cell] = negative[cell] * kept + subtract;
          updatedAt[cell] = step;
        }
      }
    },
  };
  return kernels;
}
