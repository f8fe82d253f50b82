/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The playground in Debian's Chromium (issue #19): the page's size, and how long 200 ten-year
 * replications of the built-in world take in its Web Workers — both sets, so 400 runs — from
 * pressing Run to the last result, and to the last chart drawn. The median of three presses.
 * Null when Chromium is not installed.
 */
const CHROMIUM = '/usr/bin/chromium';

export async function playgroundFigures(
  presses = 3,
): Promise<{ mib: number; runSeconds: number; chartSeconds: number } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const out = mkdtempSync(join(tmpdir(), 'cica-bench-playground-'));
  const cli = new URL('../../dist/cli/main.js', import.meta.url).pathname;
  const made = spawnSync(process.execPath, [cli, 'playground', '--out', out], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  const file = join(out, 'playground.html');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const runs: number[] = [];
  const charts: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => document.body.dataset.status === 'ready');
    for (let k = 0; k < presses; k++) {
      const started = Date.now();
      await page.click('[data-testid=run]');
      await page.waitForFunction(() => document.body.dataset.status === 'done', null, { timeout: 120_000 });
      charts.push((Date.now() - started) / 1000);
      runs.push(
        await page.evaluate(
          () =>
            (globalThis as unknown as { playgroundResults: { seconds: number } }).playgroundResults.seconds,
        ),
      );
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { mib: statSync(file).size / 1024 ** 2, runSeconds: median(runs), chartSeconds: median(charts) };
}
