// The web app in a real browser (Debian's Chromium through playwright-core)
// against the real server on a free port: start page, a section's report,
// search and a question, plus screenshots in /tmp to look at.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectProblems, startBrowserRig, waitForExpression, type BrowserRig } from '../testing/chromium.js';
import type { RunningServer } from './start.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-browser-'));
const db = join(work, 'index.db');
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

let rig: BrowserRig;

before(async () => {
  rig = await startBrowserRig(db, problems);
  ({ server, browser } = rig);
});

after(async () => {
  await rig?.close();
  rmSync(work, { recursive: true, force: true });
});

async function newPage(width: number, height: number): Promise<Page> {
  return collectProblems(await browser.newPage({ viewport: { width, height } }), problems);
}

test('start page, section report, search and ask in Chromium', { timeout: 120_000 }, async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const page = await newPage(1280, 900);

  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1, name: /Regeerakkoord 2019-2024/ }).waitFor();
  const justitie = page.locator('li.chapter', { has: page.getByRole('link', { name: /Justitie/ }) });
  await justitie.waitFor();
  // The counts come with the page: the server counted the stored assessments before it listened.
  await justitie.locator('.counts').waitFor();
  assert.match(await justitie.locator('.counts').innerText(), /gerealiseerd/);
  assert.match(await justitie.locator('.counts-slot .hint').innerText(), /^\d+ van de \d+ statussen zijn te controleren\.$/);
  await page.screenshot({ path: '/tmp/beloftemeter-home.png', fullPage: false });

  // Keyboard: the first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Naar de inhoud');

  // In-app navigation to the section through the chapter's list of sections.
  await justitie.locator('summary').click();
  assert.equal(await justitie.locator('details').getAttribute('open'), '');
  await justitie.locator('a[href="/sectie/justitie/3.4"]').click();
  await page.waitForURL(/\/sectie\/justitie\/3\.4$/);
  await page.getByRole('heading', { level: 1, name: /3\.4 Dankzij een gecoördineerde uitwisseling van gegevens/ }).waitFor();
  const rows = page.locator('table.commitments tbody tr');
  await rows.first().waitFor();
  assert.equal(await page.evaluate('document.activeElement?.tagName'), 'H1', 'after in-app navigation, focus is on the new heading');
  assert.equal(await rows.count(), 2);
  // Clickable breadcrumbs, up to the chapter.
  assert.equal(await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Justitie' }).getAttribute('href'), '/sectie/justitie/3');
  // The section's own scoreboard: counts in words with percentages, and the bar beside them.
  const sectionCounts = page.getByRole('list', { name: '2 engagementen per status' });
  assert.match(await sectionCounts.innerText(), /\d+ (gerealiseerd|in uitvoering|aangekondigd|geen spoor) \(\d+%\)/);
  assert.equal(await page.locator('main .status-bar').count(), 1);
  assert.match(await rows.first().innerText(), /LIVC-R/);
  assert.match(await rows.first().locator('.status').innerText(), /gerealiseerd|in uitvoering|aangekondigd|geen spoor/);
  const themis = page.locator('ol.references a[href^="http://themis.vlaanderen.be/"]').first();
  assert.ok(await themis.isVisible(), 'a reference links to its themis URI');
  await page.screenshot({ path: '/tmp/beloftemeter-section.png', fullPage: true });

  // A deep link works on a fresh load too.
  await page.goto(`${server.url}/sectie/justitie/3.4`);
  await page.locator('table.commitments tbody tr').first().waitFor();

  // Search.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
  await page.getByLabel('Zoekterm').fill('verbindingsofficier');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const firstHit = page.locator('li.hit').first();
  await firstHit.waitFor();
  assert.match(await firstHit.innerText(), /verbindingsofficier/i);
  assert.match((await firstHit.locator('h3 a').getAttribute('href')) ?? '', /^\/document\/[0-9A-F]{24}$/);
  assert.match((await firstHit.getByRole('link', { name: 'bron' }).getAttribute('href')) ?? '', /^http:\/\/themis\.vlaanderen\.be\//);
  assert.match(page.url(), /\/zoeken\?q=verbindingsofficier$/);
  await page.screenshot({ path: '/tmp/beloftemeter-search.png' });

  // Search per dossier (the default): the five stages of the LIVC-R decree are one hit; its page shows the timeline.
  await page.getByLabel('Zoekterm').fill('lokale integrale veiligheidscellen radicalisme');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const grouped = page.locator('li.hit', { has: page.locator('.dossier-line', { hasText: 'Dossier van 5 stappen' }) });
  await grouped.first().waitFor();
  assert.equal(await grouped.count(), 1, 'the dossier appears once');
  await grouped.locator('h3 a').click();
  const steps = page.getByRole('list', { name: /Tijdlijn van het dossier/ }).locator('li');
  await steps.first().waitFor();
  assert.equal(await steps.count(), 5);
  assert.equal(await page.locator('.timeline li[aria-current="step"]').count(), 1, 'the shown decision is marked');
  assert.match(await page.locator('main').innerText(), /LIVC R/, 'the decision text is shown');
  assert.doesNotMatch(await page.locator('main').innerText(), /\[object /);
  assert.match(await page.locator('.timeline').innerText(), /principiële goedkeuring[\s\S]*bekrachtiging en afkondiging/);
  // Another stage is one click away, and its page marks that stage.
  const previous = await page.locator('h1').innerText();
  await steps.locator('a').first().click();
  await waitForExpression(page, `document.querySelector('h1')?.textContent !== ${JSON.stringify(previous)}`);
  assert.equal(await page.locator('.timeline li[aria-current="step"]').count(), 1);
  await page.screenshot({ path: '/tmp/beloftemeter-document.png', fullPage: true });

  // The real total, and more results on request.
  await page.goto(`${server.url}/zoeken?q=kinderopvang&perDossier=false`);
  await page.locator('li.hit').first().waitFor();
  assert.match(await page.locator('#inhoud h2').first().innerText(), /^\d+ documenten bevatten een zoekterm van “kinderopvang”$/);
  const shownBefore = await page.locator('li.hit').count();
  await page.getByRole('button', { name: 'Meer resultaten' }).click();
  await waitForExpression(page, `document.querySelectorAll('li.hit').length > ${shownBefore}`);

  // Only the decisions a minister proposed.
  await page.goto(`${server.url}/zoeken`);
  await page.getByLabel('Zoekterm').fill('radicalisering');
  await page.getByLabel('Minister').fill('Somers');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/minister=Somers/);
  await page.locator('li.hit').first().waitFor();
  const metas = await page.locator('li.hit .meta').allInnerTexts();
  assert.ok(metas.length > 0 && metas.every((m) => /Somers/.test(m)), `every hit names the minister: ${metas.join(' | ')}`);
  assert.equal(await page.getByLabel('Minister').inputValue(), 'Somers', 'the form keeps the filter');

  // A parliamentary question's page shows question and answer.
  await page.goto(`${server.url}/document/parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord`);
  await page.getByRole('heading', { name: 'Antwoord' }).waitFor();
  assert.match(await page.locator('main').innerText(), /samenwerkingsakkoord/i);

  // Without grouping, the stages take several places.
  await page.goto(`${server.url}/zoeken?q=${encodeURIComponent('lokale integrale veiligheidscellen radicalisme')}&perDossier=false`);
  await page.locator('li.hit').first().waitFor();
  assert.equal(await page.getByLabel('Stappen van één dossier samen tonen').isChecked(), false);
  assert.equal(await page.locator('.dossier-line').count(), 0);

  // Ask.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vraag stellen' }).click();
  await page.getByLabel('Uw vraag').fill('wat deed de regering rond LIVC-R?');
  await page.getByRole('button', { name: 'Vraag stellen' }).click();
  const citation = page.locator('.answer a.citation').first();
  await citation.waitFor();
  assert.match(await citation.innerText(), /^\[\d+\]$/);
  const target = (await citation.getAttribute('href'))!;
  assert.ok(await page.locator(target).isVisible(), `citation ${target} points at a listed source`);
  await page.screenshot({ path: '/tmp/beloftemeter-ask.png', fullPage: true });
  await page.close();

  // A promise from its section, its evidence on the app's own document page, and back to the same place.
  const promises = await newPage(1200, 800);
  await promises.goto(`${server.url}/sectie/justitie/3.4`);
  await promises.locator('table.commitments tbody tr').first().locator('a[href^="/belofte/"]').click();
  await promises.waitForURL(/\/belofte\/justitie\/3\.4\/1$/);
  await promises.getByRole('heading', { level: 1, name: /Belofte 1 uit 3\.4/ }).waitFor();
  assert.match(await promises.locator('.promise-text').innerText(), /LIVC-R/);
  // How far it got when: dated steps, each linked to its decision.
  const progress = promises.getByRole('region', { name: 'Verloop volgens de beslissingen' }).locator('li');
  assert.ok((await progress.count()) > 0);
  assert.match(await progress.first().innerText(), /^\d{1,2} [a-z]+ \d{4} · (aangekondigd|in uitvoering|gerealiseerd) door /);
  const evidence = promises.locator('ol.references li a[href^="/document/"]').first();
  await evidence.scrollIntoViewIfNeeded();
  const scrolled = Number(await promises.evaluate('window.scrollY'));
  await evidence.click();
  await promises.waitForURL(/\/document\//);
  await promises.locator('h1').waitFor();
  await promises.goBack();
  await promises.locator('.promise-text').waitFor();
  await waitForExpression(promises, `Math.abs(window.scrollY - ${scrolled}) < 5`, 5000);
  await promises.screenshot({ path: '/tmp/beloftemeter-promise.png', fullPage: true });

  // All promises, filtered by status and chapter; the counts follow; the export link carries the filters.
  await promises.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beloften' }).click();
  await promises.getByRole('heading', { level: 1, name: 'Alle beloften' }).waitFor();
  await promises.getByLabel('Hoofdstuk').selectOption('justitie/3');
  await promises.getByLabel('Status', { exact: true }).selectOption('gerealiseerd');
  await promises.getByRole('button', { name: 'Toon beloften' }).click();
  await promises.waitForURL(/status=gerealiseerd/);
  const listed = promises.locator('table.promises tbody tr');
  await listed.first().waitFor();
  assert.ok((await listed.allInnerTexts()).every((row) => /gerealiseerd/.test(row)));
  assert.match(await promises.getByRole('status').innerText(), /^\d+ beloften gevonden/);
  const csv = (await promises.getByRole('link', { name: 'CSV' }).getAttribute('href'))!;
  assert.match(csv, /chapter=justitie%2F3/);
  assert.match(csv, /status=gerealiseerd/);
  const download = await promises.request.get(`${server.url}${csv}`);
  assert.equal(download.status(), 200);
  assert.equal((await download.text()).trimEnd().split('\r\n').length - 1, await listed.count());

  // The scoreboard: totals in words and a bar; the method page explains the statuses.
  await promises.goto(`${server.url}/`);
  const board = promises.locator('section.scoreboard');
  await board.waitFor();
  assert.match(await board.innerText(), /\d+ beloften[\s\S]*\d+ gerealiseerd \(\d+%\)[\s\S]*te controleren/);
  assert.equal(await board.locator('.status-bar').getAttribute('aria-hidden'), 'true', 'the bar is decoration; the counts are text');
  await board.getByRole('link', { name: /hoe vaak ze klopt/ }).click();
  await promises.getByRole('heading', { level: 1, name: /Hoe de Beloftemeter een status geeft/ }).waitFor();
  assert.match(await promises.locator('main').innerText(), /Wat "geen spoor" wel en niet zegt/);

  // An unknown promise is the app's own 404 page (the browser logs the two 404 answers; they are the point here).
  const seen = problems.length;
  const missing = await promises.goto(`${server.url}/belofte/justitie/3.4/99`);
  assert.equal(missing?.status(), 404);
  await promises.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
  await promises.close();
  problems.splice(seen, problems.length - seen, ...problems.slice(seen).filter((p) => !/status of 404/.test(p)));

  // 360 px wide: nothing wider than the viewport.
  const phone = await newPage(360, 740);
  await phone.goto(`${server.url}/sectie/justitie/3.4`);
  await phone.locator('table.commitments tbody tr').first().waitFor();
  const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
  await phone.screenshot({ path: '/tmp/beloftemeter-mobile.png', fullPage: false });
  await phone.close();

  assert.deepEqual(problems, [], 'no console errors, CSP violations or server errors');
});
