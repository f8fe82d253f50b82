import { fileURLToPath } from 'node:url';
import type { RunRandom } from '../src/engine/random.js';
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

/** Every stream of a run replaced by one scripted stream, for phases tested on a one-organisation world. */
export function scriptedRandom(draws: number[]): RunRandom & { remaining: () => number } {
  const rng = scriptedRng(draws);
  return {
    events: rng,
    agenda: [rng],
    votes: [rng],
    enlargement: [rng],
    partnership: rng,
    implementation: [rng],
    reform: [rng],
    remaining: rng.remaining,
  };
}
