/**
 * The seed of a job depends only on the experiment's seed and the replication — not on the
 * variant, the sweep point, the thread or the shard — so every variant of replication r sees the
 * same random numbers (common random numbers: comparisons are paired). FNV-1a over the text
 * "seed/replication" gives a 32-bit integer, which `cica-sim run --seed` accepts, so any single
 * job can be rerun on its own.
 */
export function jobSeed(experimentSeed: number, replication: number): number {
  const text = `${experimentSeed}/${replication}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
