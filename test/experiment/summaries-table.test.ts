import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariesTable } from '../../src/experiment/summaries-table.js';
import { SUMMARIES } from '../../src/tables/experiment-tables.js';
import { parseTable } from '../../src/tables/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-summaries-'));

describe('summaries.csv', () => {
  it('per point and over all points: mean and type-7 quantiles, worked by hand; empty metrics have n = 0', () => {
    // Variant v, metric a: 1, 2, 3, 4 at p0 and 10, 20 at p1 (interleaved, as replications are);
    // metric b empty in every run.
    const runs = join(dir, 'runs.csv');
    writeFileSync(
      runs,
      [
        'variant,point,replication,seed,org,a,b',
        'v,p0,0,1,O,1,',
        'v,p1,0,1,O,10,',
        'v,p0,1,2,O,2,',
        'v,p1,1,2,O,20,',
        'v,p0,2,3,O,3,',
        'v,p0,3,4,O,4,',
        '',
      ].join('\n'),
    );
    const layout = {
      variants: ['v'],
      points: [
        { id: 'p0', values: {} },
        { id: 'p1', values: {} },
      ],
      sweptPaths: [],
      calendars: [],
    };
    const rows = parseTable(SUMMARIES, summariesTable(runs, layout, ['a', 'b']));
    const row = (point: string, metric: string) => rows.find((r) => r.point === point && r.metric === metric);
    // p0: 1..4 → h = 3p: p05 = 1.15, q1 = 1.75, median 2.5, q3 3.25, p95 3.85.
    expect(row('p0', 'a')).toEqual({
      variant: 'v',
      point: 'p0',
      org: 'O',
      metric: 'a',
      mean: 2.5,
      p05: expect.closeTo(1.15, 12),
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      p95: expect.closeTo(3.85, 12),
      n: 4,
    });
    // All points: 1, 2, 3, 4, 10, 20 → h = 5p: 1.25, 2.25, 3.5, 8.5, 17.5; mean 40 / 6.
    expect(row('all', 'a')).toMatchObject({ q1: 2.25, median: 3.5, q3: 8.5, n: 6 });
    expect(row('all', 'a')?.mean).toBeCloseTo(40 / 6, 12);
    expect(row('all', 'a')?.p05).toBeCloseTo(1.25, 12);
    expect(row('all', 'a')?.p95).toBeCloseTo(17.5, 12);
    expect(row('p1', 'b')).toMatchObject({ mean: null, median: null, n: 0 });
    expect(rows.map((r) => `${r.point}/${r.metric}`)).toEqual([
      'p0/a',
      'p0/b',
      'p1/a',
      'p1/b',
      'all/a',
      'all/b',
    ]);
  });
});
