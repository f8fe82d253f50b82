import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import {
  CALIBRATION_MARKERS,
  CALIBRATION_STUDY,
  CALIBRATION_TABLES,
  calibrationBlockOf,
  calibrationDataDir,
  HISTORY_DOC,
  HISTORY_MARKERS,
  HISTORY_STUDY,
  HISTORY_TABLES,
  historyBlockOf,
  historyDataDir,
} from './history-block.js';
import { markers, studyBlockOf } from './study-blocks.js';
import { dataDir, STUDIES, smallTables, TUTORIAL } from './study-tables.js';

/**
 * `npm run studies-table`: after the three studies and the history study ran at full size into
 * output/<study>/ (`npx cica-sim experiment experiments/<study>.yaml`), copies their small tables
 * into docs/data/ and writes each study's table into docs/TUTORIAL.md (the history study's into
 * docs/VALIDATION.md) between its markers.
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

// The history study: its checks and scores, and their table in docs/VALIDATION.md.
mkdirSync(repoFile(historyDataDir), { recursive: true });
for (const name of HISTORY_TABLES)
  writeFileAtomic(
    repoFile(join(historyDataDir, name)),
    readFileSync(repoFile(join('output', HISTORY_STUDY, name)), 'utf8'),
  );
mkdirSync(repoFile(calibrationDataDir), { recursive: true });
for (const name of CALIBRATION_TABLES)
  writeFileAtomic(
    repoFile(join(calibrationDataDir, name)),
    readFileSync(repoFile(join('output', CALIBRATION_STUDY, name)), 'utf8'),
  );
let validation = readFileSync(repoFile(HISTORY_DOC), 'utf8');
for (const [markers, block] of [
  [HISTORY_MARKERS, historyBlockOf(repoFile('.'))],
  [CALIBRATION_MARKERS, calibrationBlockOf(repoFile('.'))],
] as const) {
  const [from, to] = markers.map((marker) => validation.indexOf(marker));
  if (from < 0 || to < 0) throw new Error(`${HISTORY_DOC} has no markers ${markers[0]}`);
  validation = `${validation.slice(0, from)}${block}${validation.slice(to + markers[1].length)}`;
}
writeFileAtomic(repoFile(HISTORY_DOC), validation);
process.stdout.write(`${HISTORY_STUDY}: ${historyDataDir}/ and its table in ${HISTORY_DOC}\n`);
