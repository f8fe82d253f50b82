import { jobSeed } from './seeds.js';

/**
 * Jobs are variant × sweep point × replication, numbered replication-major:
 *   job = (replication × points + point) × variants + variant.
 * All jobs of one replication are adjacent, so a run compares variants within a replication
 * (paired differences) with memory that does not grow with replications, and shards — contiguous
 * ranges of whole replications — never split a pair.
 */
export interface JobSpace {
  variants: number;
  points: number;
  replications: number;
  seed: number;
}

export interface Job {
  index: number;
  variant: number;
  point: number;
  replication: number;
  seed: number;
}

/**
 * A world is one variant at one sweep point: the scenario its runs simulate. Worlds are numbered
 * variant-major, w = variant × points + point — the order of the loaded scenarios, of the
 * aggregate's worlds and of the manifest. Every file that needs a world's number asks here.
 */
export function worldIndex(space: Pick<JobSpace, 'points'>, variant: number, point: number): number {
  return variant * space.points + point;
}

/** The variant and sweep point of world w. */
export function worldAt(space: Pick<JobSpace, 'points'>, w: number): { variant: number; point: number } {
  const variant = Math.floor(w / space.points);
  return { variant, point: w - variant * space.points };
}

/** Runs in one replication: one per world. */
export function runsPerReplication(space: Pick<JobSpace, 'variants' | 'points'>): number {
  return space.variants * space.points;
}

export function jobCount(space: JobSpace): number {
  return runsPerReplication(space) * space.replications;
}

export function jobAt(space: JobSpace, index: number): Job {
  const perReplication = runsPerReplication(space);
  const replication = Math.floor(index / perReplication);
  const within = index - replication * perReplication;
  const point = Math.floor(within / space.variants);
  const variant = within - point * space.variants;
  return { index, variant, point, replication, seed: jobSeed(space.seed, replication) };
}

/** Shard i of n (1-based): its half-open range of jobs, made of whole replications. */
export function shardRange(
  space: JobSpace,
  shard: { index: number; count: number },
): { start: number; end: number } {
  const perReplication = runsPerReplication(space);
  const first = Math.floor(((shard.index - 1) * space.replications) / shard.count);
  const last = Math.floor((shard.index * space.replications) / shard.count);
  return { start: first * perReplication, end: last * perReplication };
}
