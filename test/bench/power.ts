import { analysePower } from '../../dist/rules/power/analyse.js';
import { loadVotingBody } from '../../dist/scenario/voting-body.js';

/**
 * Milliseconds of one in-process power analysis of a shipped voting body: the median of repeats
 * after half a second of warm-up (the JIT compiles the hot loops; a user analysing many rules, or
 * the playground, runs warm).
 */
export function powerMilliseconds(body: string, repeats: number): number {
  const { members, rule } = loadVotingBody(
    new URL(`../../experiments/bodies/${body}.yaml`, import.meta.url).pathname,
  );
  const warm = performance.now();
  while (performance.now() - warm < 500) analysePower(members, rule);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    analysePower(members, rule);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
