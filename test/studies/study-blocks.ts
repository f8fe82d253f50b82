import type { CompareRow } from '../../src/tables/experiment-tables.js';
import { readStudyTables, type Study, type StudyTables } from './study-tables.js';

/**
 * Each study's table for docs/TUTORIAL.md, from its small tables: paired differences with their
 * 95% intervals (rates and shares in percentage points), whole-run means, and the chance of each
 * rung by 2030 and 2035.
 */
/** A signed number at `digits` decimals; no sign where it rounds to zero. */
const plain = (digits: number) => (x: number) => {
  const rounded = Math.abs(x).toFixed(digits);
  return Number(rounded) === 0 ? rounded : `${x > 0 ? '+' : '−'}${rounded}`;
};
const points = (x: number) => plain(1)(100 * x);
const interval = (low: number, high: number, f: (x: number) => string) => `[${f(low)}, ${f(high)}]`;

/** "−1.2 [−1.4, −0.9]", or "·" where the interval holds zero (no clear difference). */
function difference(
  tables: StudyTables,
  variant: string,
  org: string,
  metric: string,
  format: (x: number) => string,
): string {
  const row = tables.compare.find((r) => r.variant === variant && r.org === org && r.metric === metric);
  if (!row || row.mean_difference === null || row.ci95_low === null || row.ci95_high === null) return '—';
  const text = `${format(row.mean_difference)} ${interval(row.ci95_low, row.ci95_high, format)}`;
  return row.ci95_low > 0 || row.ci95_high < 0 ? text : `${text} ·`;
}

function mean(tables: StudyTables, variant: string, org: string, metric: string, digits: number): string {
  const row = tables.summaries.find((r) => r.variant === variant && r.org === org && r.metric === metric);
  return row?.mean === null || row?.mean === undefined ? '—' : row.mean.toFixed(digits);
}

function variantsOf(tables: StudyTables): { reference: string; variants: string[] } {
  const compared: CompareRow[] = tables.compare;
  const reference = compared[0]?.reference ?? '';
  return { reference, variants: [...new Set(compared.map((r) => r.variant))] };
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) => [row(cells), row(cells.map((_, k) => (k === 0 ? '---' : '---:')))];

function enlargementTable(tables: StudyTables): string[] {
  const { reference, variants } = variantsOf(tables);
  // A variant about SCO or ASEAN is read in that organisation; the rest in CICA.
  const orgOf = (variant: string) =>
    variant.startsWith('sco') ? 'SCO' : variant.startsWith('asean') ? 'ASEAN' : 'CICA';
  return [
    `Each variant against “${reference}”, paired run by run (1,000 runs each): mean difference [95% interval]; · marks an interval that holds zero.`,
    '',
    ...header([
      'variant',
      'in',
      'adoption rate (points)',
      'ambition',
      'cohesion (points)',
      'measures in force',
      'vetoes',
      'next rung by the end (points)',
    ]),
    ...variants.map((v) => {
      const org = orgOf(v);
      return row([
        v,
        org,
        difference(tables, v, org, 'adoption_rate', points),
        difference(tables, v, org, 'ambition', plain(3)),
        difference(tables, v, org, 'cohesion', points),
        difference(tables, v, org, 'cbms_in_force', plain(2)),
        difference(tables, v, org, 'vetoes', plain(1)),
        difference(tables, v, org, 'next_rung_reached', points),
      ]);
    }),
  ];
}

function rulesTable(tables: StudyTables): string[] {
  const { reference, variants } = variantsOf(tables);
  return [
    `CICA's measures under each rule: the whole-run mean over 1,000 runs, and the paired difference from “${reference}” [95% interval]; · marks an interval that holds zero.`,
    '',
    ...header([
      'rule',
      'adoption rate',
      'change (points)',
      'ambition: change',
      'compliance: change (points)',
      'cohesion: change (points)',
      'measures in force',
      'vetoes',
      'blocks',
    ]),
    ...[reference, ...variants].map((v) =>
      row([
        v,
        mean(tables, v, 'CICA', 'adoption_rate', 3),
        v === reference ? '' : difference(tables, v, 'CICA', 'adoption_rate', points),
        v === reference ? '' : difference(tables, v, 'CICA', 'ambition', plain(3)),
        v === reference ? '' : difference(tables, v, 'CICA', 'compliance', points),
        v === reference ? '' : difference(tables, v, 'CICA', 'cohesion', points),
        mean(tables, v, 'CICA', 'cbms_in_force', 1),
        mean(tables, v, 'CICA', 'vetoes', 1),
        mean(tables, v, 'CICA', 'blocks', 1),
      ]),
    ),
  ];
}

function institutionalisationTable(tables: StudyTables): string[] {
  const { reference, variants } = variantsOf(tables);
  const cica = tables.milestones.filter((r) => r.org === 'CICA');
  const rungs = [...new Map(cica.map((r) => [r.order, r.rung])).entries()].sort((a, b) => a[0] - b[0]);
  const share = (variant: string, rung: string, year: number) => {
    const found = cica.find((r) => r.variant === variant && r.rung === rung && r.year === year);
    return found ? `${Math.round(100 * found.share_reached)}%` : '—';
  };
  return [
    `CICA on each path: the share of 1,000 runs that reached each rung it did not hold at the start by the end of 2030 and 2035, and the paired difference from “${reference}” [95% interval]; · marks an interval that holds zero.`,
    '',
    ...header([
      'path',
      ...rungs.flatMap(([, rung]) => [`${rung} by 2030`, `by 2035`]),
      'years to the next rung: change',
      'mean trust: change',
      'cohesion: change (points)',
    ]),
    ...[reference, ...variants].map((v) =>
      row([
        v,
        ...rungs.flatMap(([, rung]) => [share(v, rung, 2030), share(v, rung, 2035)]),
        v === reference ? '' : difference(tables, v, 'CICA', 'years_to_next_rung', plain(2)),
        v === reference ? '' : difference(tables, v, 'CICA', 'mean_trust', plain(4)),
        v === reference ? '' : difference(tables, v, 'CICA', 'cohesion', points),
      ]),
    ),
  ];
}

const TABLES: Record<Study, (tables: StudyTables) => string[]> = {
  enlargement: enlargementTable,
  'consensus-rules': rulesTable,
  institutionalisation: institutionalisationTable,
};

export const markers = (study: Study) => [`<!-- study:${study}:start -->`, `<!-- study:${study}:end -->`];

/** A study's table between its markers, from its small tables under `root`. */
export function studyBlockOf(root: string, study: Study): string {
  const [start, end] = markers(study);
  return [start, ...TABLES[study](readStudyTables(root, study)), end].join('\n');
}
