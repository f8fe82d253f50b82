import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

/**
 * `npm run reliability-table`: copies the counts the reliability tests recorded in their last run
 * (output/reliability-counts/, see counts.ts) into docs/RELIABILITY.md, between its markers.
 */
const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const dir = repoFile('output/reliability-counts');
const doc = repoFile('docs/RELIABILITY.md');
const counts = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map(
    (name) =>
      JSON.parse(readFileSync(join(dir, name), 'utf8')) as { what: string; count: number; at: string },
  )
  .sort((a, b) => a.what.localeCompare(b.what));
const table = [
  '| count | in the last run | on |',
  '|---|---:|---|',
  ...counts.map((c) => `| ${c.what} | ${c.count.toLocaleString('en')} | ${c.at.slice(0, 10)} |`),
].join('\n');
const text = readFileSync(doc, 'utf8');
const start = '<!-- counts:start -->';
const end = '<!-- counts:end -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileAtomic(doc, `${before}\n${table}\n${after}`);
process.stdout.write(`${doc}: ${counts.length} counts\n`);
