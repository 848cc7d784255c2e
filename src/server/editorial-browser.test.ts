// The editors' workflow in a real browser (Debian's Chromium through
// playwright-core) against the real server: a reader sees no form; an editor
// logs in, reviews a promise (status, a rejected source, a public note that
// looks like markup, an internal note), meets a conflicting change, finds the
// queue and the filtered list, logs out; a reader then sees the review but not
// the internal note. Writes without a session or CSRF token are refused.
// Screenshots go to /tmp to look at.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectProblems, startBrowserRig, waitForExpression, type BrowserRig } from '../testing/chromium.js';
import { runCliProcess } from '../testing/run-cli.js';
import type { RunningServer } from './start.js';

const PROMISE = 'justitie/3.4/1';
const PASSWORD = 'correct horse battery';
const NOTE = 'Het decreet is er, maar <script>window.__xss = 1</script> de uitvoering niet.\nTweede regel.';
const INTERNAL = 'Intern: nagevraagd bij het kabinet (dossier geheim-4711).';
const work = mkdtempSync(join(tmpdir(), 'beloftemeter-editorial-'));
const db = join(work, 'index.db');
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

let rig: BrowserRig;

before(async () => {
  rig = await startBrowserRig(db, problems, async () => {
    const account = await runCliProcess(['--db', db, 'user', 'add', 'anna', '--role', 'editor'], {}, undefined, `${PASSWORD}\n`);
    assert.equal(account.code, 0, account.stderr);
  });
  ({ server, browser } = rig);
});

after(async () => {
  await rig?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A page in a context of its own (its own cookies: a reader and an editor do not share a session). */
async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  return collectProblems(await context.newPage(), problems);
}

/** The refusals this test provokes on purpose: Chromium logs each failed request as a console error. */
function provokedRefusals(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of problems) {
    const status = p.match(/^console: Failed to load resource: the server responded with a status of (\d+)/)?.[1];
    if (status) counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/** The server's note that it serves a saved review (a new data generation): information, not a problem. */
function isDataRefresh(problem: string): boolean {
  return /^server: gegevens bijgewerkt: generatie \d+$/.test(problem);
}

async function overflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
}

/** POSTs a review from inside the page (same origin, the page's cookies); `csrf` false leaves the header out. */
async function postReview(page: Page, body: unknown, csrf: boolean): Promise<{ status: number; body: { error?: string } }> {
  return page.evaluate(
    async ({ path, body, csrf }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (csrf) headers['x-csrf-token'] = ((await (await fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
      const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { error?: string } };
    },
    { path: `/api/reviews/${PROMISE}`, body, csrf },
  );
}

test('an editor reviews a promise; readers see the review but not the internal note', { timeout: 120_000 }, async () => {
  const page = await newPage(1200, 900);
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });

  // A reader: no form, and the header offers to log in.
  await page.goto(`${server.url}/belofte/${PROMISE}`);
  await page.getByRole('heading', { level: 1, name: /Belofte 1 uit 3\.4/ }).waitFor();
  await menu.getByRole('link', { name: 'Aanmelden' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Beoordelen door de redactie' }).count(), 0);
  assert.equal(await page.locator('form.review-form').count(), 0);
  const machineStatus = (await page.locator('.verdict .status').innerText()).trim();
  const sourceTitles = await page.locator('ol.references li > a[href^="/document/"]').allInnerTexts();
  assert.ok(sourceTitles.length >= 2, 'the promise has at least two sources to judge');

  // The login page, reached from the header, remembers where the editor was.
  await menu.getByRole('link', { name: 'Aanmelden' }).click();
  await page.waitForURL(/\/inloggen\?terug=%2Fbelofte%2Fjustitie%2F3\.4%2F1$/);
  await page.getByRole('heading', { level: 1, name: 'Aanmelden voor de redactie' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill('anna');
  await page.getByLabel('Wachtwoord').fill('verkeerd wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
  assert.equal(await page.getByRole('alert').innerText(), 'Aanmelden mislukt. Gebruikersnaam of wachtwoord klopt niet.');
  await page.screenshot({ path: '/tmp/beloftemeter-login.png' });

  await page.getByLabel('Gebruikersnaam').fill('anna');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(new RegExp(`/belofte/${PROMISE.replace(/\./g, '\\.')}$`));
  const section = page.locator('section#beoordelen');
  await section.getByRole('heading', { name: 'Beoordelen door de redactie' }).waitFor();
  await menu.getByRole('button', { name: 'Afmelden (anna)' }).waitFor();
  assert.equal(await menu.getByRole('link', { name: 'Redactie' }).getAttribute('href'), '/redactie');
  assert.equal(await menu.getByRole('link', { name: 'Aanmelden' }).count(), 0);

  // The form starts from the current (machine's) status; nothing is judged yet.
  const status = section.getByRole('group', { name: 'Status' });
  assert.equal(await status.locator('input:checked').getAttribute('value'), (await page.locator('.verdict .status').getAttribute('class'))!.replace(/^status status-/, ''));
  assert.equal(await section.getByLabel('Oordeel over bron [2]').inputValue(), '');
  await section.screenshot({ path: '/tmp/beloftemeter-review-form-desktop.png' });

  // Review: another status, source [2] rejected, a note that looks like markup and an internal note.
  const chosen = machineStatus === 'geen spoor' ? 'gerealiseerd' : 'geen spoor';
  await status.getByLabel(chosen).check();
  await section.getByLabel('Oordeel over bron [1]').selectOption('aanvaard');
  await section.getByLabel('Oordeel over bron [2]').selectOption('verworpen');
  await section.getByLabel('Publieke toelichting').fill(NOTE);
  await section.getByLabel('Interne notitie (alleen voor de redactie)').fill(INTERNAL);
  await section.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await page.locator('#melding').filter({ hasText: 'De beoordeling is opgeslagen.' }).waitFor();
  assert.equal(await page.evaluate('document.activeElement?.id'), 'melding', 'focus moves to the confirmation');

  // The page shows the new status as the server now serves it.
  const box = page.locator('section.review-box');
  assert.match(await box.getByRole('heading').innerText(), /^Beoordeeld door de redactie op \d{1,2} [a-z]+ \d{4}$/);
  assert.equal(await page.locator('.verdict .status').innerText(), chosen);
  assert.equal(await box.locator('.review-note').innerText(), NOTE, 'the note is shown as literal text, line break kept');
  assert.equal(await page.evaluate('typeof window.__xss'), 'undefined');
  assert.equal(await page.locator('main script').count(), 0);
  assert.match(await box.innerText(), new RegExp(`Voorstel van de machine: ${machineStatus} \\((te controleren|sterk bewijs)\\)`));
  assert.match(await box.innerText(), /Steunt op \[1\]/, 'the accepted source is what the review rests on');
  assert.match(await page.locator('section.status-history').innerText(), new RegExp(`eerste beoordeling: ${chosen}`));
  // The rejected source is listed last and marked; the accepted one is marked.
  const references = page.locator('ol.references li');
  assert.equal(await references.last().locator('a[href^="/document/"]').innerText(), sourceTitles[1]);
  assert.equal(await references.last().locator('.judgement').innerText(), 'verworpen door de redactie');
  assert.equal(await references.first().locator('.judgement').innerText(), 'aanvaard door de redactie');
  // Editors see the internal note and the audit log.
  assert.equal(await section.locator('.internal-note .note').innerText(), INTERNAL);
  await section.getByText('Wijzigingslog (intern)').click();
  const log = await section.locator('details.audit-log').innerText();
  assert.match(log, /anna/);
  assert.match(log, /Eerste beoordeling\./);
  assert.match(log, new RegExp(`Status: ${chosen}`));
  assert.match(log, /geheim-4711/);

  // Someone else changes the review meanwhile: saving the stale form is refused and the form shows the current review.
  const saved = (await page.evaluate(`fetch('/api/reviews/${PROMISE}').then((r) => r.json())`)) as { review: { evidence: Record<string, string>; revision: number } };
  assert.equal(saved.review.revision, 1);
  assert.deepEqual(Object.values(saved.review.evidence).sort(), ['aanvaard', 'verworpen']);
  const other = await postReview(page, { status: 'aangekondigd', publicNote: NOTE, internalNote: INTERNAL, evidence: saved.review.evidence, revision: 1 }, true);
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await section.getByLabel('Publieke toelichting').fill('Een verouderde versie.');
  await section.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  const conflict = page.locator('#beoordeling-fout');
  await conflict.filter({ hasText: /intussen/ }).waitFor();
  assert.match(await conflict.innerText(), /Niet opgeslagen\. Deze belofte werd intussen door anna anders beoordeeld/);
  assert.match(await conflict.innerText(), /Een verouderde versie\./, 'the unsaved text is kept to copy');
  assert.equal(await page.locator('section#beoordelen').getByRole('group', { name: 'Status' }).locator('input:checked').getAttribute('value'), 'aangekondigd');
  assert.equal(await page.locator('.verdict .status').innerText(), 'aangekondigd');
  // Saving again, now over the current revision, works.
  await page.locator('section#beoordelen').getByRole('group', { name: 'Status' }).getByLabel(chosen).check();
  await page.locator('section#beoordelen').getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await page.locator('#melding').waitFor();
  assert.equal(await page.locator('.verdict .status').innerText(), chosen);
  assert.match(await page.locator('section.status-history').innerText(), new RegExp(`van ${chosen} naar aangekondigd[\\s\\S]*van aangekondigd naar ${chosen}`));
  await page.screenshot({ path: '/tmp/beloftemeter-review-editor-desktop.png', fullPage: true });

  // A write without the CSRF token is refused, even with a session.
  const noToken = await postReview(page, { status: 'gerealiseerd', publicNote: '', internalNote: '', evidence: {}, revision: 3 }, false);
  assert.equal(noToken.status, 403);

  // The review queue, from the header.
  await menu.getByRole('link', { name: 'Redactie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beoordelingswachtrij' }).waitFor();
  assert.match(await page.locator('.queue-counts').innerText(), /^\d+ met nieuw bewijs sinds beoordeling · \d+ te controleren$/);
  const items = page.locator('ol.queue > li');
  await items.first().waitFor();
  const shown = await items.count();
  assert.match(await items.first().innerText(), /te controleren|nieuw bewijs sinds beoordeling/);
  assert.match((await items.first().locator('a').getAttribute('href')) ?? '', /^\/belofte\//);
  const queued = (await page.evaluate(`(async () => {
    const paths = [];
    for (let offset = 0; ; offset += 500) {
      const page = await (await fetch('/api/review-queue?limit=500&offset=' + offset)).json();
      paths.push(...page.items.map((item) => item.path));
      if (offset + 500 >= page.total) return paths;
    }
  })()`)) as string[];
  assert.ok(queued.length > 0);
  assert.ok(!queued.includes(PROMISE), 'the reviewed promise left the queue');
  await page.screenshot({ path: '/tmp/beloftemeter-queue.png' });
  // One chapter at a time.
  const total = Number((await page.locator('.queue-counts').innerText()).match(/(\d+) te controleren/)![1]);
  await page.getByLabel('Hoofdstuk').selectOption('justitie/3');
  await page.getByRole('button', { name: 'Toon wachtrij' }).click();
  await page.waitForURL(/\/redactie\?chapter=justitie%2F3$/);
  await page.locator('ol.queue > li').first().waitFor();
  const inChapter = Number((await page.locator('.queue-counts').innerText()).match(/(\d+) te controleren/)![1]);
  assert.ok(inChapter > 0 && inChapter < total, `${inChapter} of ${total}`);
  assert.ok((await page.locator('ol.queue > li .meta').allInnerTexts()).every((meta) => /Justitie/.test(meta)));
  await page.getByRole('button', { name: 'Meer tonen' }).click();
  await waitForExpression(page, `document.querySelectorAll('ol.queue > li').length > ${shown}`);

  // The list of promises, filtered on reviewed ones.
  await menu.getByRole('link', { name: 'Beloften' }).click();
  await page.getByRole('heading', { level: 1, name: 'Alle beloften' }).waitFor();
  await page.getByLabel('Beoordeeld').selectOption('ja');
  await page.getByRole('button', { name: 'Toon beloften' }).click();
  await page.waitForURL(/reviewed=ja/);
  const rows = page.locator('table.promises tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /LIVC-R[\s\S]*beoordeeld door de redactie/);
  assert.match(await page.getByRole('status').innerText(), /^1 beloften gevonden \(0 te controleren, 1 beoordeeld door de redactie\)/);

  // Logging out: the header offers to log in again and the queue asks for it.
  await menu.getByRole('button', { name: 'Afmelden (anna)' }).click();
  await menu.getByRole('link', { name: 'Aanmelden' }).waitFor();
  assert.equal(await menu.getByRole('link', { name: 'Redactie' }).count(), 0);
  await page.evaluate(`history.pushState(null, '', '/redactie'); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.getByRole('link', { name: 'Aanmelden als redacteur' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Aanmelden als redacteur' }).getAttribute('href'), '/inloggen?terug=/redactie');
  await page.close();

  // A reader (no cookies at all) on a phone: the review, the note as text, no internal note, no form.
  const reader = await newPage(390, 844);
  await reader.goto(`${server.url}/belofte/${PROMISE}`);
  await reader.locator('section.review-box').waitFor();
  assert.equal(await reader.locator('.verdict .status').innerText(), chosen);
  assert.equal(await reader.locator('.review-note').innerText(), NOTE);
  assert.equal(await reader.evaluate('typeof window.__xss'), 'undefined');
  const readerText = await reader.locator('main').innerText();
  assert.doesNotMatch(readerText, /geheim-4711/);
  assert.doesNotMatch(readerText, /Wijzigingslog|Beoordelen door de redactie/);
  assert.equal(await reader.locator('form.review-form').count(), 0);
  assert.doesNotMatch(JSON.stringify(await reader.evaluate(`fetch('/api/promises/${PROMISE}').then((r) => r.json())`)), /geheim-4711/, 'the API does not leak the internal note');
  assert.ok((await overflow(reader)) <= 0, 'no horizontal scrolling at 390px');
  await reader.screenshot({ path: '/tmp/beloftemeter-review-phone.png', fullPage: true });
  // Without a session a write is refused.
  const anonymous = await postReview(reader, { status: 'gerealiseerd', publicNote: '', internalNote: '', evidence: {}, revision: 3 }, false);
  assert.equal(anonymous.status, 401);
  await reader.setViewportSize({ width: 360, height: 740 });
  assert.ok((await overflow(reader)) <= 0, 'no horizontal scrolling at 360px');

  // A reader at desktop width.
  const desktop = await newPage(1200, 900);
  await desktop.goto(`${server.url}/belofte/${PROMISE}`);
  await desktop.locator('section.review-box').waitFor();
  await desktop.screenshot({ path: '/tmp/beloftemeter-review-desktop.png', fullPage: true });
  await desktop.close();

  // The form on a phone: an editor logged in through the API.
  const phone = await newPage(390, 844);
  await phone.goto(`${server.url}/methode`);
  const login = await phone.evaluate(`fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'anna', password: ${JSON.stringify(PASSWORD)} }) }).then((r) => r.status)`);
  assert.equal(login, 200);
  await phone.goto(`${server.url}/belofte/${PROMISE}`);
  const form = phone.locator('section#beoordelen');
  await form.waitFor();
  await form.locator('details.audit-log summary').click();
  assert.ok((await overflow(phone)) <= 0, 'no horizontal scrolling with the form at 390px');
  await form.screenshot({ path: '/tmp/beloftemeter-review-form-phone.png' });
  await phone.setViewportSize({ width: 360, height: 740 });
  assert.ok((await overflow(phone)) <= 0, 'no horizontal scrolling with the form at 360px');
  // The session ends elsewhere (here: the cookie is gone): saving says so and the header offers to log in again.
  await phone.context().clearCookies();
  await form.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  const ended = phone.locator('#beoordeling-fout');
  await ended.filter({ hasText: /\S/ }).waitFor();
  assert.match(await ended.innerText(), /^Niet opgeslagen: u bent niet meer aangemeld\. Opnieuw aanmelden/);
  await phone.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmelden' }).waitFor();

  for (const context of contexts) await context.close();
  // Exactly the refusals provoked above: the wrong password, no session and the ended session (401), the stale form (409), no CSRF token (403).
  assert.deepEqual(provokedRefusals(), { '401': 3, '403': 1, '409': 1 });
  assert.deepEqual(
    problems.filter((p) => !/^console: Failed to load resource: the server responded with a status of (401|403|409) /.test(p) && !isDataRefresh(p)),
    [],
    'no console errors, CSP violations or server errors',
  );
  problems.length = 0;
});

test('a return path after login stays on this site', { timeout: 120_000 }, async () => {
  const page = await newPage(1200, 900);
  const cases: [string, string][] = [
    ['//evil.example/x', '/redactie'],
    ['/\\evil.example', '/redactie'],
    ['https://evil.example/', '/redactie'],
    ['/beloften?status=gerealiseerd', '/beloften?status=gerealiseerd'],
  ];
  for (const [terug, expected] of cases) {
    await page.goto(`${server.url}/methode`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // In-app navigation to the login page, as the header link does.
    await page.evaluate(`history.pushState(null, '', ${JSON.stringify(`/inloggen?terug=${encodeURIComponent(terug)}`)}); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden voor de redactie' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('anna');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL((url) => url.pathname !== '/inloggen');
    const url = new URL(page.url());
    assert.equal(url.origin, server.url, `terug=${terug}`);
    assert.equal(url.pathname + url.search, expected, `terug=${terug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Afmelden (anna)' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmelden' }).waitFor();
  }
  await page.close();
  assert.deepEqual(problems.filter((p) => !isDataRefresh(p)), [], 'no console errors, CSP violations or server errors');
});

test('an editor withdraws a review: the machine\u2019s status is back and the history says so', { timeout: 120_000 }, async () => {
  const page = await newPage(1200, 900);
  const promise = 'justitie/3.4/2';
  await page.goto(`${server.url}/inloggen?terug=${encodeURIComponent(`/belofte/${promise}`)}`);
  await page.getByLabel('Gebruikersnaam').fill('anna');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const section = page.locator('section#beoordelen');
  await section.getByRole('heading', { name: 'Beoordelen door de redactie' }).waitFor();
  const machineStatus = (await page.locator('.verdict .status').innerText()).trim();
  assert.equal(await section.getByRole('button', { name: 'Beoordeling intrekken' }).count(), 0, 'nothing to withdraw yet');

  const other = machineStatus === 'aangekondigd' ? 'in uitvoering' : 'aangekondigd';
  await section.getByRole('group', { name: 'Status' }).getByLabel(other).check();
  await section.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await page.locator('section.review-box').waitFor();
  assert.equal((await page.locator('.verdict .status').innerText()).trim(), other);

  await page.locator('section#beoordelen').getByRole('button', { name: 'Beoordeling intrekken' }).click();
  await page.locator('#melding').filter({ hasText: 'ingetrokken' }).waitFor();
  assert.equal(await page.locator('section.review-box').count(), 0);
  assert.equal((await page.locator('.verdict .status').innerText()).trim(), machineStatus);
  assert.match(await page.locator('section.status-history').innerText(), new RegExp(`eerste beoordeling: ${other}[\\s\\S]*beoordeling ingetrokken, terug naar het voorstel van de machine: ${machineStatus}`));
  await page.locator('section#beoordelen details.audit-log summary').click();
  assert.match(await page.locator('section#beoordelen details.audit-log').innerText(), /Beoordeling ingetrokken: terug naar het voorstel van de machine/);
  await page.close();
  assert.deepEqual(problems.filter((p) => !isDataRefresh(p)), [], 'no console errors, CSP violations or server errors');
});
