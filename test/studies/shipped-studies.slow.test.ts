import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';
import {
  CALIBRATION_STUDY,
  CALIBRATION_TABLES,
  calibrationDataDir,
  HISTORY_STUDY,
  HISTORY_TABLES,
  historyDataDir,
} from './history-block.js';
import { dataDir, STUDIES, smallTables } from './study-tables.js';

/**
 * The three original studies, run as shipped (1,000 replications each, about two and a half
 * minutes on two cores together), give exactly the tables docs/data/studies/ holds — the tables
 * docs/TUTORIAL.md's numbers are checked against (study-blocks.test.ts). A change to the model
 * that moves a number fails here until `npm run studies-table` and the tutorial say the new one.
 */
describe('the shipped studies, run at full size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cica-studies-'));
  it.each(STUDIES)(
    '%s gives the tables docs/data/studies holds',
    (study) => {
      const out = join(dir, study);
      const run = cli('experiment', `experiments/${study}.yaml`, '--out', out, '--quiet', '--no-report');
      expect(run.code, run.stderr).toBe(0);
      for (const [name, table] of Object.entries(smallTables(out)))
        expect(table, `${study}/${name}.csv`).toBe(
          readFileSync(repoFile(join(dataDir(study), `${name}.csv`)), 'utf8'),
        );
    },
    300_000,
  );

  it('history-1999 gives the checks and scores docs/data/history-1999 holds', () => {
    const out = join(dir, HISTORY_STUDY);
    const run = cli(
      'experiment',
      `experiments/${HISTORY_STUDY}.yaml`,
      '--out',
      out,
      '--quiet',
      '--no-report',
    );
    expect(run.code, run.stderr).toBe(0);
    for (const name of HISTORY_TABLES)
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(
        readFileSync(repoFile(join(historyDataDir, name)), 'utf8'),
      );
  }, 300_000);

  it('calibrate-1999 gives the posterior and scores docs/data/calibrate-1999 holds', () => {
    const out = join(dir, CALIBRATION_STUDY);
    const run = cli('calibrate', `experiments/${CALIBRATION_STUDY}.yaml`, '--out', out, '--quiet');
    expect(run.code, run.stderr).toBe(0);
    for (const name of CALIBRATION_TABLES)
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(
        readFileSync(repoFile(join(calibrationDataDir, name)), 'utf8'),
      );
  }, 300_000);
});
