import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sensitivityFindingsMarkdown } from '../../src/charts/sensitivity-findings.js';
import { parseTable } from '../../src/tables/registry.js';
import { MORRIS_INDICES, OUTPUTS, SOBOL_INDICES } from '../../src/tables/sensitivity-tables.js';

/** The shipped study's tables, from its output directory to docs/data/sensitivity/. */
export const SHIPPED_TABLES: [string, string][] = [
  ['outputs.csv', 'docs/data/sensitivity/screening-outputs.csv'],
  ['indices.csv', 'docs/data/sensitivity/screening-indices.csv'],
  ['sobol/outputs.csv', 'docs/data/sensitivity/sobol-outputs.csv'],
  ['sobol/indices.csv', 'docs/data/sensitivity/sobol-indices.csv'],
];

export const FINDINGS_DOCS = ['docs/VALIDATION.md', 'docs/TUTORIAL.md'];

/** The findings table between its markers, from the shipped tables under `root`. */
export function findingsBlockOf(root: string): string {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const table = sensitivityFindingsMarkdown(
    {
      outputs: parseTable(OUTPUTS, read(SHIPPED_TABLES[0][1])),
      indices: parseTable(MORRIS_INDICES, read(SHIPPED_TABLES[1][1])),
    },
    {
      outputs: parseTable(OUTPUTS, read(SHIPPED_TABLES[2][1])),
      indices: parseTable(SOBOL_INDICES, read(SHIPPED_TABLES[3][1])),
    },
  );
  return `<!-- sensitivity:start -->\n${table}\n<!-- sensitivity:end -->`;
}
