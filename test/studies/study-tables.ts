import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARE, type CompareRow, SUMMARIES, type SummaryRow } from '../../src/tables/experiment-tables.js';
import { MILESTONES, type MilestoneRow } from '../../src/tables/outcome-tables.js';
import { formatTable, parseTable } from '../../src/tables/registry.js';

/**
 * The three original studies' numbers in docs/TUTORIAL.md come from their tables, kept small in
 * docs/data/studies/<study>/ (the metrics the tutorial quotes; summaries over all points; the
 * milestones of 2030 and 2035): `npm run studies-table` copies them from output/<study>/ after
 * the studies ran and writes each study's table between its markers in the tutorial. A test
 * checks that the tutorial holds what these tables give, and that its sentences say what they
 * show; a slow test runs the studies and checks the tables are what they give today.
 */
export const STUDIES = ['enlargement', 'consensus-rules', 'institutionalisation'] as const;
export type Study = (typeof STUDIES)[number];

export const TUTORIAL = 'docs/TUTORIAL.md';

/** The metrics the tutorial's tables and sentences use. */
export const STUDY_METRICS = [
  'adoption_rate',
  'ambition',
  'compliance',
  'cohesion',
  'mean_trust',
  'cbms_in_force',
  'vetoes',
  'blocks',
  'next_rung_reached',
  'years_to_next_rung',
];
const MILESTONE_YEARS = [2030, 2035];

export interface StudyTables {
  compare: CompareRow[];
  summaries: SummaryRow[];
  milestones: MilestoneRow[];
}

/** A study's small tables, as text, from its full output tables (each filtered, then written as the registry writes it). */
export function smallTables(fullDir: string): Record<'compare' | 'summaries' | 'milestones', string> {
  const read = <Row>(file: string, declaration: Parameters<typeof parseTable<Row>>[0]) =>
    parseTable(declaration, readFileSync(join(fullDir, file), 'utf8'));
  return {
    compare: formatTable(
      COMPARE,
      read('compare.csv', COMPARE).filter((r) => STUDY_METRICS.includes(r.metric)),
    ),
    summaries: formatTable(
      SUMMARIES,
      read('summaries.csv', SUMMARIES).filter((r) => r.point === 'all' && STUDY_METRICS.includes(r.metric)),
    ),
    milestones: formatTable(
      MILESTONES,
      read('milestones.csv', MILESTONES).filter(
        (r) => MILESTONE_YEARS.includes(r.year) && r.held_at_start < 1,
      ),
    ),
  };
}

export const dataDir = (study: Study) => `docs/data/studies/${study}`;

export function readStudyTables(root: string, study: Study): StudyTables {
  const read = (name: string) => readFileSync(join(root, dataDir(study), `${name}.csv`), 'utf8');
  return {
    compare: parseTable(COMPARE, read('compare')),
    summaries: parseTable(SUMMARIES, read('summaries')),
    milestones: parseTable(MILESTONES, read('milestones')),
  };
}
