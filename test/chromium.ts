import type { Page } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive (`.ci/run` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * What a reader would notice on a page: every console error and uncaught exception, and every
 * request that leaves the file (file:, blob: and data: URLs are the page's own).
 */
export function watchPage(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (!/^(file|blob|data):/.test(request.url())) requests.push(request.url());
  });
  return { errors, requests };
}
