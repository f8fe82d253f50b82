import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoFile } from '../helpers.js';
import { calibrationBlockOf, HISTORY_DOC, historyBlockOf } from './history-block.js';
import { studyBlockOf } from './study-blocks.js';
import { readStudyTables, STUDIES, type Study, type StudyTables, TUTORIAL } from './study-tables.js';

/**
 * docs/TUTORIAL.md against the shipped studies' tables (docs/data/studies/): each study's table
 * is what its tables give (`npm run studies-table` writes it), and each number its sentences
 * quote is recomputed here from the same tables — so a re-run that moves a number fails this test
 * until the sentence says the new number.
 */
const tutorial = readFileSync(repoFile(TUTORIAL), 'utf8');
const tables = Object.fromEntries(STUDIES.map((s) => [s, readStudyTables(repoFile('.'), s)])) as Record<
  Study,
  StudyTables
>;

function compare(study: Study, variant: string, org: string, metric: string) {
  const row = tables[study].compare.find(
    (r) => r.variant === variant && r.org === org && r.metric === metric,
  );
  if (!row || row.mean_difference === null || row.ci95_low === null || row.ci95_high === null)
    throw new Error(`no difference for ${study} ${variant} ${org} ${metric}`);
  return { mean: row.mean_difference, low: row.ci95_low, high: row.ci95_high };
}
const mean = (study: Study, variant: string, metric: string, org = 'CICA') => {
  const row = tables[study].summaries.find(
    (r) => r.variant === variant && r.org === org && r.metric === metric,
  );
  if (row?.mean === null || row?.mean === undefined)
    throw new Error(`no mean for ${study} ${variant} ${metric}`);
  return row.mean;
};
const minus = (text: string) => text.replace(/^-/, '−');
const fixed = (x: number, digits: number) => minus(x.toFixed(digits));
/** A difference in points with its interval: "−1.2 [−1.4, −0.9]", or by magnitude: "3.5 points [3.3, 3.7]". */
const signedPoints = ({ mean, low, high }: { mean: number; low: number; high: number }) =>
  `${fixed(100 * mean, 1)} [${fixed(100 * low, 1)}, ${fixed(100 * high, 1)}]`;
const pointsBy = ({ mean, low, high }: { mean: number; low: number; high: number }) => {
  const [a, b] = [Math.abs(100 * low), Math.abs(100 * high)].sort((x, y) => x - y);
  return `${Math.abs(100 * mean).toFixed(1)} points [${a.toFixed(1)}, ${b.toFixed(1)}]`;
};
const share = (study: Study, variant: string, rung: string, year: number) => {
  const row = tables[study].milestones.find(
    (r) => r.variant === variant && r.org === 'CICA' && r.rung === rung && r.year === year,
  );
  if (!row) throw new Error(`no milestone for ${variant} ${rung} ${year}`);
  return `${Math.round(100 * row.share_reached)}%`;
};

/** Each sentence fragment the tutorial quotes, built from the tables. */
const CLAIMS: [Study, () => string][] = [
  [
    'enlargement',
    () => `(Laos most: ${signedPoints(compare('enlargement', 'laos-joins', 'CICA', 'adoption_rate'))})`,
  ],
  [
    'enlargement',
    () =>
      `and the six together by ${pointsBy(compare('enlargement', 'eligible-observers-join', 'CICA', 'adoption_rate'))}`,
  ],
  [
    'enlargement',
    () =>
      `${Math.abs(compare('enlargement', 'eligible-observers-join', 'CICA', 'cbms_in_force').mean).toFixed(1)} fewer measures in force after\nten years and ${Math.round(compare('enlargement', 'eligible-observers-join', 'CICA', 'vetoes').mean)} more vetoes`,
  ],
  [
    'enlargement',
    () =>
      `SCO without Iran and Belarus decides ${pointsBy(compare('enlargement', 'sco-before-2023', 'SCO', 'adoption_rate')).replace(' points', ' points more\noften')}`,
  ],
  [
    'enlargement',
    () =>
      `ASEAN without Timor-Leste ${pointsBy(compare('enlargement', 'asean-before-timor-leste', 'ASEAN', 'adoption_rate')).replace(' points', ' points more often')}`,
  ],
  [
    'enlargement',
    () =>
      `the counterfactual with all nine now costs ${pointsBy(compare('enlargement', 'all-observers-join-counterfactual', 'CICA', 'adoption_rate'))}`,
  ],
  [
    'consensus-rules',
    () =>
      `Unanimity decides least often (${fixed(100 * compare('consensus-rules', 'unanimity', 'CICA', 'adoption_rate').mean, 1)} points against consensus`,
  ],
  [
    'consensus-rules',
    () =>
      `consensus minus one +${(100 * compare('consensus-rules', 'consensus-minus-one', 'CICA', 'adoption_rate').mean).toFixed(1)} points`,
  ],
  [
    'consensus-rules',
    () =>
      `${Math.round(mean('consensus-rules', 'consensus', 'blocks'))} in ten years under consensus\n(a lone objector), ${Math.round(mean('consensus-rules', 'consensus-minus-one', 'blocks'))} under consensus minus one (the second objector), ${Math.round(mean('consensus-rules', 'two-thirds', 'blocks'))} under two thirds, ${Math.round(mean('consensus-rules', 'double-majority', 'blocks'))}\nunder the double majority`,
  ],
  [
    'consensus-rules',
    () =>
      mean('consensus-rules', 'opt-in', 'blocks') < 1
        ? 'almost none under opt-in'
        : 'opt-in blocks more than once a run',
  ],
  [
    'institutionalisation',
    () =>
      `The next rung, a Fund, comes by 2035 in ${share('institutionalisation', 'gradual', 'Fund', 2035)} of runs on the gradual\npath, ${share('institutionalisation', 'fast-track', 'Fund', 2035)} on the fast track, ${share('institutionalisation', 'deepening-first', 'Fund', 2035)} deepening first`,
  ],
  [
    'institutionalisation',
    () => {
      const d = compare('institutionalisation', 'fast-track', 'CICA', 'years_to_next_rung');
      return `The fast track reaches the Fund ${Math.abs(d.mean).toFixed(1)} years sooner [${Math.abs(d.high).toFixed(1)}, ${Math.abs(d.low).toFixed(1)}]`;
    },
  ],
  [
    'institutionalisation',
    () => {
      const d = compare('institutionalisation', 'fast-track', 'CICA', 'mean_trust');
      return d.low > 0 && d.mean < 0.001
        ? `mean trust even rises by a ten-thousandth, +${d.mean.toFixed(4)}: clear in the\npairing`
        : 'the fast track changes mean trust by more than a ten-thousandth, or not clearly';
    },
  ],
  [
    'institutionalisation',
    () =>
      `but delays the Fund by ${compare('institutionalisation', 'widening-first', 'CICA', 'years_to_next_rung').mean.toFixed(1)} years`,
  ],
];

describe('the shipped studies in docs/TUTORIAL.md', () => {
  it.each(STUDIES)('%s: the table is what docs/data/studies gives (npm run studies-table)', (study) => {
    expect(tutorial).toContain(studyBlockOf(repoFile('.'), study));
  });

  it.each(CLAIMS.map(([study, claim], k) => [k, study, claim] as const))(
    'sentence %i of %s says what the tables say',
    (_k, _study, claim) => {
      const said = claim().replace(/\n/g, ' ');
      expect(tutorial.replace(/\n/g, ' ').includes(said), `${TUTORIAL} should say: ${said}`).toBe(true);
    },
  );
});

describe('the history study in docs/VALIDATION.md', () => {
  it('holds the table docs/data/history-1999 gives (npm run studies-table)', () => {
    expect(readFileSync(repoFile(HISTORY_DOC), 'utf8')).toContain(historyBlockOf(repoFile('.')));
  });
});

describe('the shipped calibration in docs/VALIDATION.md', () => {
  it('holds the posterior and scores docs/data/calibrate-1999 gives (npm run studies-table)', () => {
    expect(readFileSync(repoFile(HISTORY_DOC), 'utf8')).toContain(calibrationBlockOf(repoFile('.')));
  });
});
