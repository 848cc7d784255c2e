// Debian's Chromium through playwright-core, as the browser tests use it: the
// flags it needs on a closed network, and pages whose console errors (CSP
// violations included) and page errors are collected as problems.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import { startServer, type RunningServer } from '../server/start.js';
import { makeDataFolder } from './fixture-data.js';
import { runCli } from './run-cli.js';

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

export interface BrowserRig {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * What a browser test runs against: an index ingested from the small fixture
 * folder into `db`, then `prepare` (accounts, say), the real server on a free
 * port logging into `problems`, and Chromium.
 */
export async function startBrowserRig(db: string, problems: string[], prepare: () => Promise<void> = async () => {}): Promise<BrowserRig> {
  const ingest = await runCli(['ingest', '--data', makeDataFolder(), '--quiet', '--db', db]);
  assert.equal(ingest.code, 0, ingest.stderr);
  await prepare();
  const server = await startServer({ db, host: '127.0.0.1', port: 0, generator: extractiveGenerator, answerer: extractiveAnswerer, log: (m) => problems.push(`server: ${m}`) });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until `expression` (JavaScript in the page) is truthy. Polled with
 * page.evaluate, which the page's Content-Security-Policy allows: Playwright's
 * own waitForFunction evaluates a string with eval inside the page, which the
 * policy refuses whenever the first check is not already true.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
