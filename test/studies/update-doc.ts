import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { markers, studyBlockOf } from './study-blocks.js';
import { dataDir, STUDIES, smallTables, TUTORIAL } from './study-tables.js';

/**
 * `npm run studies-table`: after the three studies ran at full size into output/<study>/
 * (`npx cica-sim experiment experiments/<study>.yaml`), copies their small tables into
 * docs/data/studies/ and writes each study's table into docs/TUTORIAL.md between its markers.
 */
const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const tutorial = repoFile(TUTORIAL);
let text = readFileSync(tutorial, 'utf8');
for (const study of STUDIES) {
  mkdirSync(repoFile(dataDir(study)), { recursive: true });
  for (const [name, table] of Object.entries(smallTables(repoFile(join('output', study)))))
    writeFileAtomic(repoFile(join(dataDir(study), `${name}.csv`)), table);
  const [start, end] = markers(study);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${TUTORIAL} has no markers for ${study}`);
  text = `${text.slice(0, from)}${studyBlockOf(repoFile('.'), study)}${text.slice(to + end.length)}`;
  process.stdout.write(`${study}: docs/data/studies/${study}/ and its table in ${TUTORIAL}\n`);
}
writeFileAtomic(tutorial, text);
