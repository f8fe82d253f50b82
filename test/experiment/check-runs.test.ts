import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRunsTable, type PlannedRuns } from '../../src/experiment/check-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-check-runs-'));
// Two variants, one point, replications 2 and 3 (a shard); two organisations per run.
const planned: PlannedRuns = { variants: ['a', 'b'], pointIds: ['p0'], first: 2, end: 4, failures: [] };
const header = 'variant,point,replication,seed,org,adopted';
const run = (variant: string, replication: number) => [
  `${variant},p0,${replication},9,CICA,1`,
  `${variant},p0,${replication},9,SCO,2`,
];

function check(lines: string[], plan: PlannedRuns = planned): string {
  const path = join(dir, `runs-${Math.random()}.csv`);
  writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
  try {
    checkRunsTable(path, 'out/runs.csv', plan);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('checkRunsTable: each planned run once, nothing else', () => {
  const whole = [...run('a', 2), ...run('a', 3), ...run('b', 2), ...run('b', 3)];

  it('accepts the planned runs, in any order of runs', () => {
    expect(check(whole)).toBe('ok');
    expect(check([...run('b', 3), ...run('a', 2), ...run('b', 2), ...run('a', 3)])).toBe('ok');
  });

  it('names runs written twice, by two writers appending the same rows', () => {
    expect(check([...whole, ...run('a', 3)])).toBe(
      'out/runs.csv does not hold the runs planned (10 rows): a run written twice (variant a, point p0, replication 3). Was another process writing this directory? Start again with --force',
    );
    // Back to back: the same run's organisations twice in one group.
    expect(check([...run('a', 2), ...run('a', 2), ...run('a', 3), ...run('b', 2), ...run('b', 3)])).toMatch(
      /organisation CICA twice in one run \(variant a, point p0, replication 2\); organisation SCO twice/,
    );
  });

  it('counts missing runs, and runs outside the plan', () => {
    expect(check(whole.slice(0, 6))).toMatch(/\(6 rows\): 1 planned runs missing\./);
    expect(check([...whole, ...run('a', 4), ...run('c', 2)])).toMatch(
      /a run that was not planned \(variant a, point p0, replication 4\); a run that was not planned \(variant a, point p0, replication 4\); a run that was not planned \(variant c, point p0, replication 2\); and 1 more\./,
    );
  });

  it('expects no rows for a failed run, and a row for every other', () => {
    const failures = [{ variant: 'b', point: 'p0', replication: 2, seed: 9, message: 'Error: x' }];
    const withFailure = { ...planned, failures };
    expect(check([...run('a', 2), ...run('a', 3), ...run('b', 3)], withFailure)).toBe('ok');
    expect(check(whole, withFailure)).toMatch(
      /a run listed as failed \(variant b, point p0, replication 2\)/,
    );
  });
});
