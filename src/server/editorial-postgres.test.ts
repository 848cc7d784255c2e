// The editors' workflow on PostgreSQL with two `beloftemeter serve` processes
// on one database: accounts made with the CLI, a session made on one server
// works on the other, a review saved on one is shown by both (the one that
// saved it at once, the other as soon as PostgreSQL notifies it), conflicting saves
// from the two servers are refused, and reviews survive an ingest.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { makeDataFolder } from '../testing/fixture-data.js';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { runCli, runCliProcess } from '../testing/run-cli.js';

const CLI = fileURLToPath(new URL('../../bin/beloftemeter.js', import.meta.url));
const PASSWORD = 'correct horse battery';
const PROMISE = 'justitie/3.4/1';
const RELOAD_MS = 60_000;

let pgServer: PostgresServer;
let env: Record<string, string>;
const servers: { process: ChildProcess; url: string }[] = [];

/**
 * Starts `beloftemeter serve` in a process of its own and resolves with its URL.
 * Its poll interval is a minute: what it shows sooner, PostgreSQL told it.
 */
function serve(): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--reload-interval', String(RELOAD_MS)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /Beloftemeter draait op (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ process: child, url });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

interface Session {
  cookie: string;
  csrf: string;
}

async function logIn(url: string, name: string): Promise<Session> {
  const response = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
  assert.equal(response.status, 200, await response.clone().text());
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

async function saveReview(url: string, session: Session, body: object): Promise<Response> {
  return fetch(`${url}/api/reviews/${PROMISE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
}

async function statusOn(url: string): Promise<string> {
  const detail = (await (await fetch(`${url}/api/promises/${PROMISE}`)).json()) as { promise: { status: string } };
  return detail.promise.status;
}

/** Waits until every server shows `status` for the promise; how long it took. */
async function untilAllShow(status: string, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const shown = await Promise.all(servers.map((s) => statusOn(s.url)));
    if (shown.every((s) => s === status)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) assert.fail(`after ${timeoutMs} ms the servers show ${shown.join(', ')}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

before(async () => {
  pgServer = await startPostgres();
  env = { DATABASE_URL: pgServer.url };
  const ingest = await runCli(['ingest', '--data', makeDataFolder(), '--quiet'], env);
  assert.equal(ingest.code, 0, ingest.stderr);
  for (const [name, role] of [['anna', 'editor'], ['bert', 'editor']]) {
    const added = await runCliProcess(['user', 'add', name!, '--role', role!], env, undefined, `${PASSWORD}\n`);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, `account ${name} (${role}) aangemaakt\n`);
  }
  servers.push(await serve(), await serve());
});

after(async () => {
  for (const s of servers) s.process.kill('SIGTERM');
  await Promise.all(servers.map((s) => new Promise((resolve) => (s.process.exitCode !== null ? resolve(null) : s.process.on('exit', resolve)))));
  await pgServer?.stop();
});

test('two server processes on one PostgreSQL database share sessions and reviews', { timeout: 120_000 }, async () => {
  const a = servers[0]!;
  const b = servers[1]!;
  const listed = await runCli(['user', 'list', '--json'], env);
  assert.deepEqual((JSON.parse(listed.stdout) as { name: string }[]).map((u) => u.name), ['anna', 'bert']);

  const machine = await statusOn(a.url);
  const target = machine === 'aangekondigd' ? 'in-uitvoering' : 'aangekondigd';
  const anna = await logIn(a.url, 'anna');
  // The session is in the database: the other server knows it too.
  const onB = (await (await fetch(`${b.url}/api/session`, { headers: { cookie: anna.cookie } })).json()) as { user: { name: string } | null };
  assert.equal(onB.user?.name, 'anna');

  const saved = await saveReview(a.url, anna, { status: target, publicNote: 'Nagekeken op beide servers.', revision: null });
  assert.equal(saved.status, 200, await saved.clone().text());
  const { revision } = (await saved.json()) as { revision: number };
  assert.equal(await statusOn(a.url), target, 'the server that saved shows it at once');
  const waited = await untilAllShow(target);
  assert.ok(waited < RELOAD_MS, `the other server showed it after ${waited} ms, without waiting for its poll`);

  // Bert, on the other server, starts from the same revision as Anna; the first save wins, the second is refused.
  const bert = await logIn(b.url, 'bert');
  const first = await saveReview(b.url, bert, { status: 'gerealiseerd', publicNote: 'Het decreet is bekrachtigd.', revision });
  assert.equal(first.status, 200, await first.clone().text());
  const bertsRevision = ((await first.json()) as { revision: number }).revision;
  const second = await saveReview(a.url, anna, { status: 'geen-spoor', revision });
  assert.equal(second.status, 409);
  assert.match(((await second.json()) as { error: string }).error, /intussen door bert anders beoordeeld/);
  await untilAllShow('gerealiseerd');

  // The audit log holds both changes, whichever server is asked.
  const log = (await (await fetch(`${a.url}/api/reviews/${PROMISE}`, { headers: { cookie: anna.cookie } })).json()) as { log: { user: string; before: { status: string } | null; after: { status: string } }[] };
  assert.deepEqual(log.log.map((r) => [r.user, r.before?.status ?? null, r.after.status]), [['anna', null, target], ['bert', target, 'gerealiseerd']]);

  // A new ingest re-assesses everything; the review stays, on both servers.
  const ingest = await runCli(['ingest', '--data', makeDataFolder(), '--quiet'], env);
  assert.equal(ingest.code, 0, ingest.stderr);
  // A whole new index loads in a few seconds.
  await untilAllShow('gerealiseerd', 30_000);
  const report = await (await fetch(`${b.url}/api/reports/justitie/3.4?format=md`)).text();
  assert.match(report, /\| 1 \| [^|]+ \| gerealiseerd \| beoordeeld door de redactie op /);

  // Withdrawn on one server, the other shows the machine's status again.
  const withdrawn = await fetch(`${a.url}/api/withdrawals/${PROMISE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: anna.cookie, 'x-csrf-token': anna.csrf },
    body: JSON.stringify({ revision: bertsRevision }),
  });
  assert.equal(withdrawn.status, 200, await withdrawn.clone().text());
  await untilAllShow(machine);
});
