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

export function jobCount(space: JobSpace): number {
  return space.variants * space.points * space.replications;
}

export function jobAt(space: JobSpace, index: number): Job {
  const perReplication = space.variants * space.points;
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
  const perReplication = space.variants * space.points;
  const first = Math.floor(((shard.index - 1) * space.replications) / shard.count);
  const last = Math.floor((shard.index * space.replications) / shard.count);
  return { start: first * perReplication, end: last * perReplication };
}
