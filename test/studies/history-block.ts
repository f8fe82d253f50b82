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
