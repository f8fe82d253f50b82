import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoFile } from '../helpers.js';

/**
 * The counts docs/RELIABILITY.md reports (inputs tried, faults injected, interruptions survived),
 * written by the reliability tests as they run, one file a count (test files run in parallel) in
 * output/reliability-counts/; `npm run reliability-table` copies them into the document.
 */
const DIR = repoFile('output/reliability-counts');

export function recordCount(what: string, count: number): void {
  mkdirSync(DIR, { recursive: true });
  const slug = what.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  writeFileSync(
    join(DIR, `${slug}.json`),
    `${JSON.stringify({ what, count, at: new Date().toISOString() })}\n`,
  );
}
