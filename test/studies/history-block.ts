import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, SCORES } from '../../src/tables/outcome-tables.js';
import { parseTable } from '../../src/tables/registry.js';

/**
 * The history study's results in docs/VALIDATION.md: its checks.csv and scores.csv, kept in
 * docs/data/history-1999/ (`npm run studies-table` copies them from output/history-1999/), and a
 * table written from them between the markers. A test keeps the page equal to the tables; the
 * slow suite runs the study and checks the tables.
 */
export const HISTORY_STUDY = 'history-1999';
export const HISTORY_DOC = 'docs/VALIDATION.md';
export const HISTORY_TABLES = ['checks.csv', 'scores.csv'] as const;
export const historyDataDir = `docs/data/${HISTORY_STUDY}`;
export const HISTORY_MARKERS = ['<!-- history-1999:start -->', '<!-- history-1999:end -->'] as const;

const fixed = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits).replace(/^-/, '−'));

/** The table between the markers: each fact, how often the runs reproduced it, its scores and skills. */
export function historyBlockOf(root: string): string {
  const read = (name: string) => readFileSync(join(root, historyDataDir, name), 'utf8');
  const checks = parseTable(CHECKS, read('checks.csv'));
  const scores = parseTable(SCORES, read('scores.csv'));
  const lines = [
    '| organisation | fact | window | runs reproducing it | score | model | constant hazard | skill | persistence | skill |',
    '|---|---|---|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const check of checks) {
    const mine = scores.filter((s) => s.fact === check.fact && s.org === check.org);
    const hazard = mine.find((s) => s.baseline === 'constant-hazard');
    const persistence = mine.find((s) => s.baseline === 'persistence');
    const first = mine[0];
    const share = `${Math.round(100 * check.share)}%`;
    if (!hazard || !persistence) {
      lines.push(
        `| ${check.org} | ${check.fact} | ${first?.period ?? ''} | ${share} | ${first?.note ?? 'not scored'} | | | | | |`,
      );
      continue;
    }
    const digits = hazard.score === 'crps' ? 2 : 3;
    lines.push(
      `| ${check.org} | ${check.fact} | ${hazard.period} | ${share} | ${hazard.score} | ${fixed(hazard.model_score, digits)} | ${fixed(hazard.baseline_score, digits)} | ${fixed(hazard.skill, 2)} | ${fixed(persistence.baseline_score, digits)} | ${fixed(persistence.skill, 2)} |`,
    );
  }
  return [HISTORY_MARKERS[0], ...lines, HISTORY_MARKERS[1]].join('\n');
}

/** The shipped calibration (experiments/calibrate-1999.yaml): its posterior and posterior-predictive scores. */
export const CALIBRATION_STUDY = 'calibrate-1999';
export const CALIBRATION_TABLES = ['posterior.csv', 'scores.csv'] as const;
export const calibrationDataDir = `docs/data/${CALIBRATION_STUDY}`;
export const CALIBRATION_MARKERS = ['<!-- calibrate-1999:start -->', '<!-- calibrate-1999:end -->'] as const;

/** Type-7 quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  return (
    sorted[low] + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] ?? sorted[low]) - sorted[low])
  );
}

/** The posterior of each parameter, then each fact's score at the defaults and calibrated, with the calibrated skills. */
export function calibrationBlockOf(root: string): string {
  const read = (dirName: string, name: string) => readFileSync(join(root, dirName, name), 'utf8');
  const posteriorText = read(calibrationDataDir, 'posterior.csv').trim().split('\n');
  const header = posteriorText[0].split(',');
  const draws = posteriorText.slice(1).map((line) => line.split(',').map(Number));
  const parameterLines = header.flatMap((name, k) => {
    if (['draw', 'seed', 'distance'].includes(name)) return [];
    const values = draws.map((d) => d[k]).sort((a, b) => a - b);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return [
      `| ${name} | ${fixed(mean, 3)} | ${fixed(quantile(values, 0.05), 3)} to ${fixed(quantile(values, 0.95), 3)} |`,
    ];
  });
  const defaults = parseTable(SCORES, read(historyDataDir, 'scores.csv'));
  const calibrated = parseTable(SCORES, read(calibrationDataDir, 'scores.csv'));
  const scoreLines = calibrated
    .filter((s) => s.baseline === 'constant-hazard')
    .map((s) => {
      const before = defaults.find((d) => d.fact === s.fact && d.org === s.org && d.baseline === s.baseline);
      const persistence = calibrated.find(
        (d) => d.fact === s.fact && d.org === s.org && d.baseline === 'persistence',
      );
      const digits = s.score === 'crps' ? 2 : 3;
      return `| ${s.org} | ${s.fact} | ${s.period} | ${fixed(before?.model_score ?? null, digits)} | ${fixed(s.model_score, digits)} | ${fixed(s.skill, 2)} | ${fixed(persistence?.skill ?? null, 2)} |`;
    });
  return [
    CALIBRATION_MARKERS[0],
    `${draws.length} accepted draws: each parameter's posterior mean and 5–95% range.`,
    '',
    '| parameter | posterior mean | 5–95% |',
    '|---|---:|---|',
    ...parameterLines,
    '',
    'Each fact scored at the built-in defaults and calibrated (posterior predictive), with the calibrated skill against each baseline.',
    '',
    '| organisation | fact | window | defaults | calibrated | skill vs constant hazard | skill vs persistence |',
    '|---|---|---|---:|---:|---:|---:|',
    ...scoreLines,
    CALIBRATION_MARKERS[1],
  ].join('\n');
}
