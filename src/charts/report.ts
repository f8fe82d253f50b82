import { join } from 'node:path';
import { lockDirectory } from '../tables/lock.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { WrittenChart } from './experiment-charts.js';
import { judgeFindings } from './report/findings.js';
import { gatherReport } from './report/gather.js';
import { renderReport } from './report/render.js';

/**
 * DIR/report.html: one self-contained page — the experiment's question and settings, what the
 * runs say in words (each variant against the reference, where the 95% interval excludes no
 * change), a summary table (whole-run means with paired differences and intervals), the chance
 * of reaching each institutional rung, every chart by section (interactive: tooltips, and
 * clicking a legend entry highlights that variant; vega-embed with no actions, so nothing links
 * out), and how to reproduce it. Three steps: gather the data (manifest and tables), judge the
 * findings, render the page.
 */
export function writeReport(dir: string, charts: WrittenChart[]): string {
  const data = gatherReport(dir);
  const path = join(dir, 'report.html');
  // One writer at a time in the experiment's directory.
  const lock = lockDirectory(dir, { command: 'cica-sim report' });
  try {
    writeFileAtomic(path, renderReport(data, judgeFindings(data), charts));
  } finally {
    lock.release();
  }
  return path;
}
