import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpuUsage } from 'node:process';
import { pathToFileURL } from 'node:url';

/**
 * `npm run paired -- <distA> <distB> [blocks] [runsPerBlock]`: two builds of the
 * engine (two `dist/` folders, say the current one and a copy of an older one) side by side in one
 * process, on ten-year runs of the built-in world, in alternating blocks (A then B, then B then A)
 * of CPU time. Prints each side's best and median blocks and the median of the blocks' paired
 * ratios (B's speed over A's). On a shared machine whose speed moves by a fifth within minutes,
 * pairs taken seconds apart are what can show a change of a few percent: run it both ways round;
 * a build against itself reads 0.98–1.03 (docs/PERFORMANCE.md). A build inside a checkout (a
 * `git worktree` of an older commit, say) runs that checkout's built-in world
 * (`<dist>/../scenarios/`), so a build from before a model change runs the world and model of its
 * day, as its own `npm run bench` did; a bare copy of a dist/ runs this checkout's world.
 */
type Run = (seed: number) => void;

const current = new URL('../../scenarios/asia-2025.yaml', import.meta.url).pathname;

async function load(dist: string): Promise<Run> {
  const at = (path: string) => pathToFileURL(`${dist}/${path}`).href;
  const { compileWorld } = await import(at('engine/world.js'));
  const { simulateRecorded } = await import(at('metrics/simulate-recorded.js'));
  const { loadScenario } = await import(at('scenario/load.js'));
  const own = join(resolve(dist), '..', 'scenarios', 'asia-2025.yaml');
  const scenario = existsSync(own) ? own : current;
  const world = compileWorld(loadScenario(scenario).scenario, { years: 10 });
  return (seed) => simulateRecorded(world, seed);
}

const [distA, distB] = process.argv.slice(2, 4);
if (!distA || !distB) {
  console.error('usage: npm run paired -- <distA> <distB> [blocks] [runsPerBlock]');
  process.exit(2);
}
const blocks = Number(process.argv[4] ?? 60);
const perBlock = Number(process.argv[5] ?? 50);
const [a, b] = [await load(distA), await load(distB)];
for (let seed = 0; seed < 150; seed++) {
  a(seed);
  b(seed);
}
const cpu = () => {
  const used = cpuUsage();
  return used.user + used.system;
};
const timed = (run: Run, first: number) => {
  const start = cpu();
  for (let r = 0; r < perBlock; r++) run(first + r);
  return cpu() - start;
};
const times: [number[], number[]] = [[], []];
const ratios: number[] = [];
for (let k = 0; k < blocks; k++) {
  const first = 1000 + k * perBlock;
  // Who goes first alternates, so neither side always runs on a cache the other warmed.
  let aTime: number;
  let bTime: number;
  if (k % 2 === 0) {
    aTime = timed(a, first);
    bTime = timed(b, first);
  } else {
    bTime = timed(b, first);
    aTime = timed(a, first);
  }
  times[0].push(aTime);
  times[1].push(bTime);
  ratios.push(aTime / bTime);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const rate = (microseconds: number) => Math.round(perBlock / (microseconds / 1e6));
console.log(
  `A ${rate(Math.min(...times[0]))} runs/s best, ${rate(median(times[0]))} median | ` +
    `B ${rate(Math.min(...times[1]))} best, ${rate(median(times[1]))} median | ` +
    `B/A speed, median of paired blocks: ${median(ratios).toFixed(3)}`,
);
