// The editors' API on a real SQLite index and a real server: logging in and
// out, the session cookie, CSRF, login limits, roles, reviews (with their
// audit log and conflicts) and a reviewed status winning in every view.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addAccount } from '../editor/accounts.js';
import { addressLimiter } from '../editor/login-limit.js';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import { openSqliteStore } from '../store/sqlite.js';
import { makeDataFolder } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';
import { loadReportContext } from '../report/context.js';
import { buildServer } from './app.js';
import { servedData } from './served-data.js';
import { startServer, type RunningServer } from './start.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-editorial-'));
const db = join(work, 'index.db');
const PASSWORD = 'correct horse battery';
const PROMISE = 'justitie/3.4/1';
let server: RunningServer;

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: string };
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

async function call(method: 'GET' | 'POST', url: string, options: { cookie?: string; csrf?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await server.app.inject({
    method,
    url,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    payload: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  let body: Answer['body'] = {};
  try {
    body = response.json();
  } catch {
    // not JSON (a report in Markdown, CSV)
  }
  return { status: response.statusCode, body, headers: response.headers, text: response.body };
}

/** Logs in and returns the cookie to send back and the CSRF token. */
async function logIn(name: string, password = PASSWORD): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const answer = await call('POST', '/api/login', { body: { name, password } });
  assert.equal(answer.status, 200, answer.text);
  const setCookie = String(answer.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0]!, csrf: String(answer.body.csrfToken), setCookie };
}

before(async () => {
  const ingest = await runCli(['ingest', '--data', makeDataFolder(), '--quiet', '--db', db]);
  assert.equal(ingest.code, 0, ingest.stderr);
  const store = openSqliteStore(db);
  await addAccount(store, 'anna', 'editor', PASSWORD);
  await addAccount(store, 'bert', 'editor', PASSWORD);
  await addAccount(store, 'root', 'admin', PASSWORD);
  await addAccount(store, 'guessed', 'editor', PASSWORD);
  await store.close();
  server = await startServer({ db, host: '127.0.0.1', port: 0, generator: extractiveGenerator, answerer: extractiveAnswerer, reloadIntervalMs: 60_000, log: () => {} });
});

after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('sessions', () => {
  test('login sets an HttpOnly, SameSite=Strict cookie (not Secure over http); the session says who is in', async () => {
    const anonymous = await call('GET', '/api/session');
    assert.deepEqual(anonymous.body, { user: null, csrfToken: null });
    const { cookie, csrf, setCookie } = await logIn('anna');
    assert.match(setCookie, /^beloftemeter_sessie=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.match(csrf, /^[A-Za-z0-9_-]{43}$/);
    const session = await call('GET', '/api/session', { cookie });
    assert.deepEqual(session.body, { user: { name: 'anna', role: 'editor' }, csrfToken: csrf });
    assert.equal(session.headers['cache-control'], 'no-store');
  });

  test('behind a proxy that says https, the cookie is Secure', async () => {
    const store = openSqliteStore(db, { readonly: true });
    const app = buildServer({ data: () => server.data.current(), generator: extractiveGenerator, answerer: extractiveAnswerer, trustProxy: true, log: () => {} });
    try {
      const answer = await app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, payload: JSON.stringify({ name: 'anna', password: PASSWORD }) });
      assert.equal(answer.statusCode, 200);
      assert.match(String(answer.headers['set-cookie']), /; Secure$|; Secure;/);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test('the session id changes at login, and the old one stops working', async () => {
    const first = await logIn('anna');
    const answer = await call('POST', '/api/login', { cookie: first.cookie, body: { name: 'anna', password: PASSWORD } });
    assert.equal(answer.status, 200);
    const second = String(answer.headers['set-cookie']).split(';')[0]!;
    assert.notEqual(second, first.cookie);
    assert.equal((await call('GET', '/api/session', { cookie: first.cookie })).body.user, null, 'the session from before the login is gone');
    assert.equal((await call('GET', '/api/session', { cookie: second })).body.user !== null, true);
  });

  test('logout ends the session and clears the cookie; it needs the CSRF token', async () => {
    const { cookie, csrf } = await logIn('anna');
    assert.equal((await call('POST', '/api/logout', { cookie, body: {} })).status, 403);
    const out = await call('POST', '/api/logout', { cookie, csrf, body: {} });
    assert.equal(out.status, 200);
    assert.match(String(out.headers['set-cookie']), /^beloftemeter_sessie=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
    assert.equal((await call('GET', '/api/session', { cookie })).body.user, null);
    assert.equal((await call('POST', '/api/logout', { cookie, csrf, body: {} })).status, 401);
  });

  test('a login from another site is refused', async () => {
    const answer = await call('POST', '/api/login', { body: { name: 'anna', password: PASSWORD }, headers: { origin: 'https://evil.example' } });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers['set-cookie'], undefined);
  });

  test('a wrong password, an unknown name and a malformed name get the same answer', async () => {
    for (const body of [{ name: 'anna', password: 'not the password' }, { name: 'nobody', password: PASSWORD }, { name: '<script>', password: PASSWORD }]) {
      const answer = await call('POST', '/api/login', { body });
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error, 'gebruikersnaam of wachtwoord klopt niet');
    }
  });

  test('repeated bad passwords lock the account: refused with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await call('POST', '/api/login', { body: { name: 'guessed', password: `guess number ${i}` } })).status, 401);
    const locked = await call('POST', '/api/login', { body: { name: 'guessed', password: PASSWORD } });
    assert.equal(locked.status, 429);
    assert.match(locked.body.error!, /^te veel mislukte aanmeldingen voor dit account; probeer het over een minuut opnieuw$/);
    assert.ok(Number(locked.headers['retry-after']) > 0 && Number(locked.headers['retry-after']) <= 60);
  });

  test('many failures from one address are refused for that address', async () => {
    const app = buildServer({ data: () => server.data.current(), generator: extractiveGenerator, answerer: extractiveAnswerer, loginLimiter: addressLimiter(3, 60_000), log: () => {} });
    try {
      const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'bert', password }) });
      for (let i = 0; i < 3; i++) assert.equal((await attempt(`wrong ${i} wrong`)).statusCode, 401);
      const refused = await attempt(PASSWORD);
      assert.equal(refused.statusCode, 429);
      assert.match(refused.json().error, /vanaf dit adres/);
    } finally {
      await app.close();
    }
  });

  test('a server on a read-only index says that logging in cannot be done there (503)', async () => {
    const store = openSqliteStore(db, { readonly: true });
    const context = await loadReportContext(store);
    const app = buildServer({ data: () => servedData(context, context.generation), generator: extractiveGenerator, answerer: extractiveAnswerer, log: () => {} });
    try {
      const answer = await app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'anna', password: PASSWORD }) });
      assert.equal(answer.statusCode, 503);
      assert.match(answer.json().error, /alleen-lezen index/);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test('a save while an ingest holds the index waits its turn, then says so with 503 and keeps nothing half-done', async () => {
    const saved = process.env.BELOFTEMETER_WRITER_TIMEOUT_MS;
    process.env.BELOFTEMETER_WRITER_TIMEOUT_MS = '300';
    const waiting = await startServer({ db, host: '127.0.0.1', port: 0, generator: extractiveGenerator, answerer: extractiveAnswerer, reloadIntervalMs: 60_000, log: () => {} });
    if (saved === undefined) delete process.env.BELOFTEMETER_WRITER_TIMEOUT_MS;
    else process.env.BELOFTEMETER_WRITER_TIMEOUT_MS = saved;
    const { default: Database } = await import('better-sqlite3');
    const holder = new Database(db);
    try {
      const login = await waiting.app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'bert', password: PASSWORD }) });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const csrf = String(login.json().csrfToken);
      const before = (await waiting.app.inject({ method: 'GET', url: '/api/promises/justitie/3.4/2' })).json().history.length;
      holder.exec('BEGIN IMMEDIATE');
      const busy = await waiting.app.inject({
        method: 'POST',
        url: '/api/reviews/justitie/3.4/2',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        payload: JSON.stringify({ status: 'geen-spoor', revision: null }),
      });
      assert.equal(busy.statusCode, 503);
      assert.equal(busy.headers['retry-after'], '10');
      assert.match(busy.json().error, /De index wordt net bijgewerkt/);
      holder.exec('ROLLBACK');
      const log = (await waiting.app.inject({ method: 'GET', url: '/api/reviews/justitie/3.4/2', headers: { cookie } })).json().log;
      assert.equal(log.length, before, 'no audit record of a save that did not happen');
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
      await waiting.close();
    }
  });

  test('a disabled account cannot log in, and its open sessions end', async () => {
    const admin = await logIn('root');
    await call('POST', '/api/users', { ...admin, body: { name: 'tijdelijk', role: 'editor', password: PASSWORD } });
    const temporary = await logIn('tijdelijk');
    const disabled = await call('POST', '/api/users/tijdelijk/disable', { ...admin, body: {} });
    assert.equal(disabled.status, 200, disabled.text);
    assert.equal((await call('GET', '/api/session', { cookie: temporary.cookie })).body.user, null);
    assert.equal((await call('POST', '/api/login', { body: { name: 'tijdelijk', password: PASSWORD } })).status, 401);
  });
});

describe('who may write', () => {
  const review = { status: 'aangekondigd', publicNote: 'x', internalNote: '', revision: null };

  test('without a session every write is 401', async () => {
    for (const [url, body] of [
      [`/api/reviews/${PROMISE}`, review],
      ['/api/users', { name: 'eve', role: 'admin', password: PASSWORD }],
      ['/api/users/anna/disable', {}],
      ['/api/logout', {}],
    ] as const) {
      const answer = await call('POST', url, { body });
      assert.equal(answer.status, 401, url);
      assert.equal(answer.body.error, 'log eerst in als redacteur');
    }
    assert.equal((await call('GET', `/api/reviews/${PROMISE}`)).status, 401);
    const read = await call('GET', '/api/login');
    assert.equal(read.status, 405);
    assert.equal(read.headers.allow, 'POST');
    assert.equal((await call('GET', '/api/review-queue')).status, 401);
  });

  test('a write without the CSRF token, with a wrong one or from another origin is 403', async () => {
    const { cookie, csrf } = await logIn('anna');
    assert.equal((await call('POST', `/api/reviews/${PROMISE}`, { cookie, body: review })).status, 403);
    assert.equal((await call('POST', `/api/reviews/${PROMISE}`, { cookie, csrf: csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), body: review })).status, 403);
    const foreign = await call('POST', `/api/reviews/${PROMISE}`, { cookie, csrf, body: review, headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.error, 'verzoek van een andere website geweigerd');
  });

  test('an editor cannot manage accounts (403); an admin can', async () => {
    const editor = await logIn('anna');
    assert.equal((await call('GET', '/api/users', { cookie: editor.cookie })).status, 403);
    const refused = await call('POST', '/api/users', { ...editor, body: { name: 'eve', role: 'admin', password: PASSWORD } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'alleen een beheerder mag accounts beheren');
    assert.equal((await call('POST', '/api/users/bert/disable', { ...editor, body: {} })).status, 403);

    const admin = await logIn('root');
    const added = await call('POST', '/api/users', { ...admin, body: { name: 'Carla', role: 'editor', password: PASSWORD } });
    assert.equal(added.status, 201, added.text);
    assert.deepEqual((added.body.user as { name: string }).name, 'carla');
    const list = await call('GET', '/api/users', { cookie: admin.cookie });
    const names = (list.body.users as { name: string; passwordHash?: string }[]).map((u) => u.name);
    assert.ok(names.includes('carla') && names.includes('anna'));
    assert.ok((list.body.users as object[]).every((u) => !('passwordHash' in u)), 'no hashes leave the server');
    const short = await call('POST', '/api/users', { ...admin, body: { name: 'dirk', role: 'editor', password: 'kort' } });
    assert.equal(short.status, 400);
    assert.equal(short.body.error, 'het wachtwoord moet minstens 12 tekens lang zijn');
  });
});

describe('reviews', () => {
  test('a review sets the status in every view, keeps the machine proposal, and a note stays text', async () => {
    const before = (await call('GET', `/api/promises/${PROMISE}`)).body as { promise: { status: string; id: string }; sources: { key: string }[] };
    const rejected = before.sources.at(-1)!.key;
    const { cookie, csrf } = await logIn('anna');
    const editorView = await call('GET', `/api/reviews/${PROMISE}`, { cookie });
    assert.equal(editorView.body.review, null);
    const hostile = '<script>alert(1)</script> {{cite:VERZONNEN}} | **vet**';
    const saved = await call('POST', `/api/reviews/${PROMISE}`, {
      cookie,
      csrf,
      body: { status: 'aangekondigd', publicNote: hostile, internalNote: 'intern: gebeld met kabinet', evidence: { [rejected]: 'verworpen' }, revision: null },
    });
    assert.equal(saved.status, 200, saved.text);
    assert.ok(Number(saved.body.revision) > 0);

    // The promise page: the editors' status, the note as given (minus placeholder braces), the machine's proposal, the history.
    const detail = (await call('GET', `/api/promises/${PROMISE}`)).body as {
      promise: { status: string; confidenceLabel: string; reviewedAt: string; machineStatus: string };
      review: { label: string; publicNote: string; machine: { status: string } };
      history: { status: string; statusBefore: string | null; publicNote: string }[];
      sources: { key: string; judgement: string | null }[];
    };
    assert.equal(detail.promise.status, 'aangekondigd');
    assert.match(detail.promise.confidenceLabel, /^beoordeeld door de redactie op \d{1,2} [a-z]+ \d{4}$/);
    assert.equal(detail.review.label, detail.promise.confidenceLabel);
    assert.equal(detail.review.publicNote, '<script>alert(1)</script> cite:VERZONNEN | **vet**');
    assert.equal(detail.review.machine.status, before.promise.status);
    assert.equal(detail.promise.machineStatus, before.promise.status);
    assert.deepEqual(detail.history.map((h) => [h.statusBefore, h.status]), [[null, 'aangekondigd']]);
    assert.equal(detail.sources.find((s) => s.key === rejected)?.judgement, 'verworpen');
    assert.ok((detail.review as unknown as { sources: number[] }).sources.every((n) => detail.sources[n - 1]?.key !== rejected), 'the review never rests on a rejected source');
    assert.ok(!JSON.stringify(detail).includes('gebeld met kabinet'), 'the internal note is not public');

    // The list, its CSV, the overview and the reports say the same.
    const listed = (await call('GET', `/api/promises?reviewed=ja`)).body as { total: number; items: { id: string; status: string }[] };
    assert.deepEqual(listed.items.map((i) => [i.id, i.status]), [[before.promise.id, 'aangekondigd']]);
    const overview = (await call('GET', '/api/overview')).body as { chapters: { id: string; reviewed: number }[] };
    assert.deepEqual(overview.chapters.filter((c) => c.reviewed > 0).map((c) => [c.id, c.reviewed]), [['justitie/3', 1]], 'the scoreboard counts it');
    const csv = (await call('GET', '/api/promises?reviewed=ja&format=csv')).text;
    assert.match(csv, /"aangekondigd","beoordeeld door de redactie op [^"]+",/);
    const md = (await call('GET', '/api/reports/justitie/3.4?format=md')).text;
    assert.match(md, /\| 1 \| [^|]*LIVC-R[^|]* \| aangekondigd \| beoordeeld door de redactie op [^|]+ \| Beoordeeld door de redactie op [^|]+: \\<script\\>alert\(1\)\\<\/script\\> cite:VERZONNEN \\\| \\\*\\\*vet\\\*\\\*/);
    assert.match(md, /De redactie beoordeelde er 1\./, 'the prose counts it');
    const html = (await call('GET', '/api/reports/justitie/3.4?format=html')).text;
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && !html.includes('<script>alert(1)'), 'escaped in the HTML report');
    const json = (await call('GET', '/api/reports/justitie/3.4')).body as { commitments: { status: string; review: { machineStatus: string } | null }[] };
    assert.equal(json.commitments[0]!.status, 'aangekondigd');
    assert.equal(json.commitments[0]!.review?.machineStatus, before.promise.status);

    // The editors see the internal note and the audit record: who, when, before, after.
    const log = (await call('GET', `/api/reviews/${PROMISE}`, { cookie })).body as { review: { internalNote: string; revision: number }; log: { user: string; before: unknown; after: { status: string } }[] };
    assert.equal(log.review.internalNote, 'intern: gebeld met kabinet');
    assert.deepEqual(log.log.map((r) => [r.user, r.before, r.after.status]), [['anna', null, 'aangekondigd']]);
  });

  test('a save from a stale revision is refused with 409 and changes nothing; the next change is logged with its before', async () => {
    const anna = await logIn('anna');
    const bert = await logIn('bert');
    const current = (await call('GET', `/api/reviews/${PROMISE}`, { cookie: bert.cookie })).body as { review: { revision: number } };
    const stale = await call('POST', `/api/reviews/${PROMISE}`, { ...anna, body: { status: 'geen-spoor', revision: null } });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error!, /intussen door anna anders beoordeeld/);
    const changed = await call('POST', `/api/reviews/${PROMISE}`, { ...bert, body: { status: 'in-uitvoering', publicNote: 'Het decreet is in voorbereiding.', revision: current.review.revision } });
    assert.equal(changed.status, 200, changed.text);
    const history = ((await call('GET', `/api/promises/${PROMISE}`)).body as { history: { statusBefore: string | null; status: string }[] }).history;
    assert.deepEqual(history.map((h) => [h.statusBefore, h.status]), [[null, 'aangekondigd'], ['aangekondigd', 'in-uitvoering']]);
    const log = (await call('GET', `/api/reviews/${PROMISE}`, { cookie: bert.cookie })).body as { log: { user: string }[] };
    assert.deepEqual(log.log.map((r) => r.user), ['anna', 'bert']);
    // The report's prose tells the status as the editors' (its source's stage need not match it).
    const md = (await call('GET', '/api/reports/justitie/3.4?format=md')).text;
    assert.match(md, /Engagement 1 \(beoordeeld door de redactie\), ‘[^’]+’: de redactie beoordeelt het als in uitvoering, met als bron ‘/);
  });

  test('a withdrawn review hands the promise back to the machine; the history keeps it; a stale withdrawal is refused', async () => {
    const { cookie, csrf } = await logIn('anna');
    const machine = ((await call('GET', `/api/reviews/${PROMISE}`, { cookie })).body as { machine: { status: string } }).machine.status;
    const current = ((await call('GET', `/api/reviews/${PROMISE}`, { cookie })).body as { review: { revision: number } }).review.revision;
    assert.equal((await call('POST', `/api/withdrawals/${PROMISE}`, { cookie, body: { revision: current } })).status, 403, 'needs the CSRF token');
    assert.equal((await call('POST', `/api/withdrawals/${PROMISE}`, { cookie, csrf, body: { revision: current - 1 } })).status, 409);
    const withdrawn = await call('POST', `/api/withdrawals/${PROMISE}`, { cookie, csrf, body: { revision: current } });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    const detail = (await call('GET', `/api/promises/${PROMISE}`)).body as { promise: { status: string; reviewedAt: string | null }; review: unknown; history: { withdrawn: boolean; status: string }[] };
    assert.deepEqual([detail.promise.status, detail.promise.reviewedAt, detail.review], [machine, null, null]);
    assert.deepEqual(detail.history.at(-1), { ...detail.history.at(-1)!, withdrawn: true, status: machine });
    const again = await call('POST', `/api/withdrawals/${PROMISE}`, { cookie, csrf, body: { revision: current } });
    assert.equal(again.status, 409);
    assert.match(again.body.error!, /geen beoordeling \(meer\) om in te trekken/);
    // It can be reviewed again, from no revision.
    assert.equal((await call('POST', `/api/reviews/${PROMISE}`, { cookie, csrf, body: { status: 'in-uitvoering', revision: null } })).status, 200);
  });

  test('bad reviews are refused with a Dutch message', async () => {
    const { cookie, csrf } = await logIn('anna');
    const unknownStatus = await call('POST', `/api/reviews/${PROMISE}`, { cookie, csrf, body: { status: 'beloofd', revision: null } });
    assert.equal(unknownStatus.status, 400);
    assert.match(unknownStatus.body.error!, /"status" moet een van deze waarden zijn/);
    const foreignSource = await call('POST', `/api/reviews/justitie/3.4/2`, { cookie, csrf, body: { status: 'gerealiseerd', evidence: { 'parlement/verzonnen': 'aanvaard' }, revision: null } });
    assert.equal(foreignSource.status, 400);
    assert.match(foreignSource.body.error!, /hoort niet bij het bewijs van deze belofte/);
    const unknownPromise = await call('POST', `/api/reviews/justitie/3.4/99`, { cookie, csrf, body: { status: 'gerealiseerd', revision: null } });
    assert.equal(unknownPromise.status, 404);
    const longNote = await call('POST', `/api/reviews/justitie/3.4/2`, { cookie, csrf, body: { status: 'gerealiseerd', publicNote: 'x'.repeat(5000), revision: null } });
    assert.equal(longNote.status, 400);
  });

  test('the queue lists promises to check, for editors only', async () => {
    const { cookie } = await logIn('anna');
    const queue = (await call('GET', '/api/review-queue?limit=5', { cookie })).body as { total: number; counts: { nieuwBewijs: number; teControleren: number }; items: { queueReason: string; reviewedAt: string | null; status: string }[] };
    assert.ok(queue.total > 0);
    assert.equal(queue.counts.nieuwBewijs + queue.counts.teControleren, queue.total);
    assert.ok(queue.items.every((item) => item.queueReason === 'te-controleren' && item.reviewedAt === null));
    assert.notEqual(queue.items[0]!.status, 'geen-spoor', 'promises that claim progress come before those without a trace');
  });

  test('the OpenAPI document describes the editors\u2019 routes', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    assert.ok(doc.paths['/api/login']?.post && doc.paths['/api/reviews/{*}']?.post && doc.paths['/api/review-queue']?.get, Object.keys(doc.paths).join(', '));
    assert.deepEqual((doc.paths['/api/reviews/{*}']!.post as { security: unknown }).security, [{ sessie: [], csrf: [] }]);
    assert.deepEqual((doc as unknown as { components: { securitySchemes: Record<string, { in: string }> } }).components.securitySchemes.sessie?.in, 'cookie');
  });
});
