import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSeed } from '../../src/experiment/seeds.js';
import { COMPARE } from '../../src/tables/experiment-tables.js';
import { readTable } from '../../src/tables/registry.js';
import { CHROMIUM, watchPage } from '../chromium.js';
import { cli, repoFile } from '../helpers.js';

/**
 * playground.html in Debian's Chromium, from file://, as a student uses it: choose a rule preset,
 * press Run from the keyboard, read the charts — with no console error, no request leaving the
 * file, and nothing wider than a 1280 px window. Then the numbers: replication 0 of set A is
 * `cica-sim run` with that replication's seed, and the downloaded experiment, run by `cica-sim
 * experiment`, gives the page's paired differences. A screenshot is kept in
 * output/test-artifacts/playground.png.
 */
const OUT = join(mkdtempSync(join(tmpdir(), 'cica-playground-')), 'page');
const PAGE = `file://${join(OUT, 'playground.html')}`;

interface PageResults {
  seconds: number;
  replications: { replication: number; seed: number; summaries: Record<string, Record<string, number>>[] }[];
  compare: {
    org: string;
    metric: string;
    mean_difference: number | null;
    ci95_low: number | null;
    n: number;
  }[];
}

let browser: Browser;

async function openPage(url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { errors, requests } = watchPage(page);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.status === 'ready');
  return { page, errors, requests };
}

async function runAndWait(page: Page): Promise<string> {
  await page.focus('[data-testid=run]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => ['done', 'failed', 'cancelled'].includes(document.body.dataset.status ?? ''),
    null,
    {
      timeout: 90_000,
    },
  );
  return page.evaluate(() => document.body.dataset.status ?? '');
}

describe('playground.html in a browser', () => {
  beforeAll(async () => {
    expect(
      existsSync(CHROMIUM),
      "install Debian's chromium (apt-get install chromium) to run this test",
    ).toBe(true);
    const made = cli('playground', '--out', OUT);
    expect(made.code, made.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  it('is one file under 3 MB whose controls all have labels', async () => {
    expect(statSync(join(OUT, 'playground.html')).size).toBeLessThan(3 * 1024 ** 2);
    const { page, errors } = await openPage(PAGE);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((control) => {
          const labels = (control as HTMLInputElement).labels;
          const named =
            control.getAttribute('aria-label') ||
            (control.tagName === 'BUTTON' && control.textContent?.trim());
          return !named && (!labels || labels.length === 0);
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    // A state the eligibility rule excludes is shown as such, and cannot be ticked.
    expect(await page.locator('#member-USA').isDisabled()).toBe(true);
    expect(await page.textContent('label[for=member-USA]')).toContain(
      'not eligible: needs territory in Asia',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a rule as it is typed, with the message `cica-sim validate` gives', async () => {
    const { page } = await openPage(PAGE);
    await page.fill('#rule-text', '{ kind: consensus-minus, k: -1 }');
    await expect.poll(() => page.textContent('#rule-problems')).toContain('organisations.CICA.rules.cbm.k');
    const shown = (await page.textContent('#rule-problems')) ?? '';
    // The same rule in a scenario file, through `cica-sim validate`.
    const scenario = join(OUT, '..', 'bad-rule.yaml');
    writeFileSync(
      scenario,
      `extends: ${repoFile('scenarios/asia-2025.yaml')}\noverrides:\n  organisations.CICA.rules.cbm: { kind: consensus-minus, k: -1 }\n`,
    );
    const validate = cli('validate', scenario);
    expect(validate.code).toBe(2);
    const problem = /organisations\.CICA\.rules\.cbm\.k: .*/.exec(validate.stderr)?.[0];
    expect(problem).toBe('organisations.CICA.rules.cbm.k: expected a number ≥ 0, found -1');
    expect(shown).toContain(problem);
    expect(await page.locator('[data-testid=run]').isDisabled()).toBe(true);
    await page.close();
  });

  it('runs after a change of rule, draws its charts, and matches the CLI number for number', async () => {
    const { page, errors, requests } = await openPage(PAGE);
    await page.selectOption('[data-testid=rule-preset]', 'consensus-minus');
    await page.fill('#replications', '60');
    expect(await runAndWait(page)).toBe('done');
    expect(await page.locator('.chart svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#findings-table')).toContain('adoption rate');
    expect(await page.locator('#power svg').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    mkdirSync(repoFile('output/test-artifacts'), { recursive: true });
    await page.screenshot({ path: repoFile('output/test-artifacts/playground.png'), fullPage: true });

    const results = (await page.evaluate(
      () => (globalThis as { playgroundResults?: unknown }).playgroundResults,
    )) as PageResults;
    // Replication 0 of set A (today) is `cica-sim run` with that replication's seed.
    const first = results.replications[0];
    expect(first.seed).toBe(jobSeed(1, 0));
    const run = cli(
      'run',
      'scenarios/asia-2025.yaml',
      '--seed',
      String(first.seed),
      '--years',
      '10',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const organisations = JSON.parse(run.stdout).organisations as Record<string, Record<string, number>>;
    for (const [org, metrics] of Object.entries(organisations))
      for (const [metric, value] of Object.entries(metrics))
        if (metric in first.summaries[0][org])
          // JSON writes NaN (undefined: no rung left to reach) as null.
          expect(first.summaries[0][org][metric], `${org} ${metric}`).toBe(value ?? Number.NaN);

    // The downloaded experiment gives the page's paired differences.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const experimentFile = join(OUT, 'playground.yaml');
    await download.saveAs(experimentFile);
    expect(readFileSync(experimentFile, 'utf8')).toContain('organisations.CICA.rules.cbm');
    const experiment = cli(
      'experiment',
      experimentFile,
      '--out',
      join(OUT, 'experiment'),
      '--quiet',
      '--no-report',
    );
    expect(experiment.code, experiment.stderr).toBe(0);
    const cliCompare = readTable(join(OUT, 'experiment'), COMPARE);
    for (const row of cliCompare.filter((r) => r.org === 'CICA')) {
      const mine = results.compare.find((r) => r.org === row.org && r.metric === row.metric);
      expect(mine?.n, row.metric).toBe(row.n);
      expect(mine?.mean_difference, row.metric).toBe(row.mean_difference);
      expect(mine?.ci95_low, row.metric).toBe(row.ci95_low);
    }
    await page.close();
  }, 180_000);

  it('keeps its state in the link, and cancels a run', async () => {
    const { page } = await openPage(PAGE);
    await page.selectOption('[data-testid=rule-preset]', 'two-thirds');
    await page.check('#member-JPN');
    const link = page.url();
    expect(link).toContain('#');
    const second = await openPage(link);
    expect(await second.page.inputValue('[data-testid=rule-preset]')).toBe('two-thirds');
    expect(await second.page.isChecked('#member-JPN')).toBe(true);
    await second.page.fill('#replications', '2000');
    await second.page.click('[data-testid=run]');
    await second.page.click('#cancel');
    await second.page.waitForFunction(() => document.body.dataset.status === 'cancelled');
    expect(await second.page.textContent('#status-line')).toBe('cancelled');
    await second.page.close();
    await page.close();
  }, 60_000);

  it("runs a scenario's formula with mathjs in the page, as the CLI does", async () => {
    const dir = join(OUT, '..', 'formula');
    const scenario = join(dir, 'formula.yaml');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      scenario,
      `extends: ${repoFile('scenarios/asia-2025.yaml')}\noverrides:\n  parameters.voting.formula: 'builtin + 0.1 * (trust_proposer - trust_members)'\n`,
    );
    expect(cli('playground', scenario, '--out', dir).code).toBe(0);
    const { page, errors } = await openPage(`file://${join(dir, 'playground.html')}`);
    await page.fill('#replications', '4');
    await page.fill('#years', '3');
    expect(await runAndWait(page)).toBe('done');
    const results = (await page.evaluate(
      () => (globalThis as { playgroundResults?: unknown }).playgroundResults,
    )) as PageResults;
    const first = results.replications[0];
    const run = cli('run', scenario, '--seed', String(first.seed), '--years', '3', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const cica = JSON.parse(run.stdout).organisations.CICA as Record<string, number | null>;
    for (const metric of ['adopted', 'mean_trust', 'ambition', 'vetoes'])
      expect(first.summaries[0].CICA[metric], metric).toBe(cica[metric] ?? Number.NaN);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
