import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, watchPage } from '../chromium.js';
import { fixture, repoFile } from '../helpers.js';

/**
 * Opens report.html in headless Chromium (Debian's, installed by .ci/run when missing) and checks
 * what a reader would: every chart drawn, no error in the console, no request leaving the file.
 * A screenshot is kept in output/test-artifacts/report.png.
 */

describe('report.html in a browser', () => {
  it('draws every chart with no console error and no request leaving the file', async () => {
    expect(
      existsSync(CHROMIUM),
      "install Debian's chromium (apt-get install chromium) to run this test",
    ).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), 'cica-report-')), 'run');
    execFileSync(process.execPath, [
      repoFile('dist/cli/main.js'),
      'experiment',
      fixture('experiment.yaml'),
      '--out',
      out,
      '--quiet',
    ]);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const { errors, requests } = watchPage(page);
      await page.goto(`file://${join(out, 'report.html')}`);
      await page.evaluate(() =>
        (globalThis as unknown as { chartsRendered: Promise<unknown> }).chartsRendered.then(() => true),
      );
      const charts = await page.locator('.chart').count();
      // The tiny experiment's 26 charts (the findings figure, vetoes and blocks by state among them).
      expect(charts).toBe(26);
      expect(await page.locator('.chart svg').count()).toBe(charts);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      // It fits a 1280 px window: wide tables and charts scroll inside themselves.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      mkdirSync(repoFile('output/test-artifacts'), { recursive: true });
      await page.screenshot({ path: repoFile('output/test-artifacts/report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
