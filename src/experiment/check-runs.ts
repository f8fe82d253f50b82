import { RUNS } from '../tables/experiment-tables.js';
import type { RunFailure } from '../tables/files.js';
import { forEachRow } from '../tables/registry.js';
import { InconsistentOutputError } from '../util/output-error.js';

/** The runs a runs.csv must hold: every world at every replication in [first, end), less failures. */
export interface PlannedRuns {
  variants: readonly string[];
  pointIds: readonly string[];
  /** Replications [first, end). */
  first: number;
  end: number;
  failures: readonly RunFailure[];
}

/** At most this many problems are named; the rest are counted. */
const NAMED_PROBLEMS = 3;

/**
 * Checks runs.csv against the plan before an experiment or a merge finishes: each planned run
 * that did not fail appears exactly once (its rows together, one per organisation), and nothing
 * else does. Throws an InconsistentOutputError naming `displayPath` otherwise. One byte per run.
 */
export function checkRunsTable(path: string, displayPath: string, planned: PlannedRuns): void {
  const { variants, pointIds, first, end } = planned;
  const replications = end - first;
  const variantIndex = new Map(variants.map((v, i) => [v, i]));
  const pointIndex = new Map(pointIds.map((p, i) => [p, i]));
  const runIndex = (variant: string, point: string, replication: number): number => {
    const v = variantIndex.get(variant);
    const p = pointIndex.get(point);
    if (v === undefined || p === undefined || replication < first || replication >= end) return -1;
    return (v * pointIds.length + p) * replications + (replication - first);
  };
  const seen = new Uint8Array(variants.length * pointIds.length * replications);
  const failed = new Uint8Array(seen.length);
  for (const f of planned.failures) {
    const run = runIndex(f.variant, f.point, f.replication);
    if (run >= 0) failed[run] = 1;
  }
  const problems: string[] = [];
  let rows = 0;
  let current = -2;
  const orgs = new Set<string>();
  forEachRow(path, RUNS, (row) => {
    rows++;
    const run = runIndex(row.variant, row.point, row.replication);
    const name = `variant ${row.variant}, point ${row.point}, replication ${row.replication}`;
    if (run < 0) {
      problems.push(`a run that was not planned (${name})`);
      return;
    }
    if (run !== current) {
      current = run;
      orgs.clear();
      if (seen[run] > 0) problems.push(`a run written twice (${name})`);
      else if (failed[run]) problems.push(`a run listed as failed (${name})`);
      seen[run]++;
    }
    if (orgs.has(row.org)) problems.push(`organisation ${row.org} twice in one run (${name})`);
    orgs.add(row.org);
  });
  let missing = 0;
  for (let run = 0; run < seen.length; run++) if (seen[run] === 0 && failed[run] === 0) missing++;
  if (missing > 0) problems.push(`${missing} planned runs missing`);
  if (problems.length > 0) {
    const named = problems.slice(0, NAMED_PROBLEMS).join('; ');
    const more = problems.length > NAMED_PROBLEMS ? `; and ${problems.length - NAMED_PROBLEMS} more` : '';
    throw new InconsistentOutputError(
      displayPath,
      `does not hold the runs planned (${rows} rows): ${named}${more}. Was another process writing this directory? Start again with --force`,
    );
  }
}
