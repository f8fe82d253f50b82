import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { FINDINGS_DOCS, findingsBlockOf, SHIPPED_TABLES } from './findings-block.js';

/**
 * `npm run sensitivity-table`: after `cica-sim sensitivity experiments/sensitivity.yaml`, copies
 * the study's small tables (outputs and indices of both stages) into docs/data/sensitivity/ and
 * writes the findings table built from them into docs/VALIDATION.md and docs/TUTORIAL.md, between
 * their markers. A test checks that the docs hold what these tables give.
 */
const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
for (const [from, to] of SHIPPED_TABLES)
  copyFileSync(repoFile(join('output/sensitivity', from)), repoFile(to));
const block = findingsBlockOf(repoFile('.'));
for (const doc of FINDINGS_DOCS) {
  const path = repoFile(doc);
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('<!-- sensitivity:start -->');
  const end = text.indexOf('<!-- sensitivity:end -->');
  if (start < 0 || end < 0) throw new Error(`${doc} has no sensitivity markers`);
  writeFileAtomic(
    path,
    `${text.slice(0, start)}${block}${text.slice(end + '<!-- sensitivity:end -->'.length)}`,
  );
  process.stdout.write(`${doc}: the findings of the shipped sensitivity study\n`);
}
