import { join } from 'node:path';
import { DRAWS } from '../tables/calibration-tables.js';
import { readTable } from '../tables/registry.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { renderSvg } from './render.js';
import { marginalChart } from './specs/marginal.js';

/** A calibration's charts: each calibrated parameter's prior and posterior marginal, as charts/marginal-<path>.vl.json and .svg. */
export async function writeCalibrationCharts(dir: string): Promise<string[]> {
  const rows = readTable(dir, DRAWS);
  const paths = Object.keys(rows[0] ?? {}).filter((column) => !(column in DRAWS.columns));
  const written: string[] = [];
  for (const path of paths) {
    const spec = marginalChart(rows, path);
    const name = `marginal-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const { svg } = await renderSvg(spec);
    writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 1)}\n`);
    writeFileAtomic(join(dir, 'charts', `${name}.svg`), svg);
    written.push(name);
  }
  return written;
}
