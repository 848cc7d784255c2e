// Debian's Chromium through playwright-core, as the browser tests use it: the
// flags it needs on a closed network, and pages whose console errors (CSP
// violations included) and page errors are collected as problems.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    assert.fail(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium) to run the browser test`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** Reports the page's console errors and uncaught errors to `problems`: the app must run under its policy without any. */
export function collectProblems(page: Page, problems: string[]): Page {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return page;
}
