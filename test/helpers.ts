import { fileURLToPath } from 'node:url';
import type { Rng } from '../src/engine/rng.js';

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const repoFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** A stream that returns the given numbers in order, so a test can decide every draw by hand. */
export function scriptedRng(draws: number[]): Rng & { remaining: () => number } {
  let next = 0;
  return {
    next() {
      if (next >= draws.length) throw new Error(`scripted stream ran out after ${draws.length} draws`);
      return draws[next++];
    },
    remaining: () => draws.length - next,
  };
}
