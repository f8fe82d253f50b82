/// <reference lib="dom" />
import { startPage } from './page.js';
import { startWorker } from './worker.js';

/**
 * The playground's one script. In the page it builds the controls and runs (page.ts); the same
 * script, started from a Blob of its own text, is each Web Worker (worker.ts) — so the file holds
 * one copy of the engine.
 */
if (typeof document === 'undefined') {
  startWorker(self as unknown as Parameters<typeof startWorker>[0]);
} else {
  startPage();
}
