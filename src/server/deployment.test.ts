// The shared deployment: writers take turns on SQLite and PostgreSQL, readers
// are never blocked, two servers on one PostgreSQL converge on new data, and a
// frozen database costs a request a 503 within the timeout, not a hang.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import { bundledDecisionLines, makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { runCli, runCliProcess } from '../testing/run-cli.js';
import { startServer, type RunningServer } from './start.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-deploy-'));
let data: string;
before(() => {
  data = makeDataFolder();
});
after(() => rmSync(work, { recursive: true, force: true }));

const WRITER_LOCK = 7146521;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sets environment variables for the servers this process starts (their stores read them when opened). */
async function withEnv<T>(vars: Record<string, string>, use: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await use();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('SQLite: one writer at a time', () => {
  test('a second writer waits with a message, and gives up with one line after its timeout; readers go on', async () => {
    const db = join(work, 'turns.db');
    assert.equal((await runCli(['ingest', '--data', data, '--quiet', '--db', db])).code, 0);
    // Another writer holds the database's write lock.
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const refused = await runCliProcess(['ingest', '--data', data, '--quiet', '--db', db], { BELOFTEMETER_WRITER_TIMEOUT_MS: '700' });
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /wacht op een andere schrijver/);
      assert.match(refused.stderr, /beloftemeter: een andere schrijver houdt de index al \d+ s bezet; probeer het later opnieuw/);
      assert.equal(refused.stderr.trim().split('\n').length, 2, refused.stderr);
      // A reader is not blocked by the writer.
      const stats = await runCliProcess(['stats', '--json', '--db', db]);
      assert.equal(stats.code, 0, stats.stderr);

      // The lock is let go once the second writer says it waits (however long its parsing took).
      const done = await runCliProcess(['ingest', '--data', data, '--quiet', '--db', db], { BELOFTEMETER_WRITER_TIMEOUT_MS: '120000' }, (stderr) => {
        if (stderr.includes('wacht op een andere schrijver') && holder.inTransaction) setTimeout(() => holder.exec('ROLLBACK'), 300);
      });
      assert.equal(done.code, 0, done.stderr);
      assert.match(done.stderr, /wacht op een andere schrijver/);
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
    }
  });

  test('two ingests started together both end well', async () => {
    const db = join(work, 'together.db');
    const [a, b] = await Promise.all([
      runCliProcess(['ingest', '--data', data, '--quiet', '--db', db]),
      runCliProcess(['ingest', '--data', data, '--quiet', '--db', db]),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout).sections, 286);
  });
});

describe('PostgreSQL deployment', () => {
  let server: PostgresServer;
  let env: Record<string, string>;
  before(async () => {
    server = await startPostgres();
    env = { DATABASE_URL: server.url };
    const ingest = await runCli(['ingest', '--data', data, '--quiet'], env);
    assert.equal(ingest.code, 0, ingest.stderr);
  });
  after(() => server?.stop());

  test('writers take turns: an advisory lock makes the second wait, then time out with one line', async () => {
    const holder = new pg.Client({ connectionString: server.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      const refused = await runCliProcess(['ingest', '--data', data, '--quiet'], { ...env, BELOFTEMETER_WRITER_TIMEOUT_MS: '700' });
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /wacht op een andere schrijver/);
      assert.match(refused.stderr, /beloftemeter: een andere schrijver houdt de index al \d+ s bezet/);
      assert.doesNotMatch(refused.stderr, /duplicate key|derived_pkey/);
      // The lock is let go once the waiting writer says it waits; a third writer started meanwhile waits its turn too.
      let released = false;
      const [a, b] = await Promise.all([
        runCliProcess(['ingest', '--data', data, '--quiet'], env, (stderr) => {
          if (stderr.includes('wacht op een andere schrijver') && !released) {
            released = true;
            void holder.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
          }
        }),
        runCliProcess(['ingest', '--data', data, '--quiet'], env),
      ]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      assert.match(a.stderr, /wacht op een andere schrijver/);
    } finally {
      await holder.end();
    }
  });

  test('two servers on one database converge on new data within seconds', async () => {
    const servers: RunningServer[] = [];
    await withEnv(env, async () => {
      for (let i = 0; i < 2; i++) {
        servers.push(await startServer({ host: '127.0.0.1', port: 0, generator: extractiveGenerator, answerer: extractiveAnswerer, reloadIntervalMs: 200, log: () => {} }));
      }
    });
    try {
      const stats = async (s: RunningServer) => (await (await fetch(`${s.url}/api/stats`)).json()) as { generation: number; decisions: number };
      const before = await Promise.all(servers.map(stats));
      assert.equal(before[0]!.generation, before[1]!.generation);
      // One more decision arrives.
      const sample = sampleDecisionLines();
      const inSample = new Set(sample);
      const extra = bundledDecisionLines().find((line) => !inSample.has(line))!;
      const more = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl.gz', content: gzipSync(`${[...sample, extra].join('\n')}\n`) } });
      assert.equal((await runCli(['ingest', '--data', more, '--quiet'], env)).code, 0);
      const deadline = Date.now() + 10_000;
      let now = await Promise.all(servers.map(stats));
      while (now.some((s) => s.generation === before[0]!.generation) && Date.now() < deadline) {
        await sleep(100);
        now = await Promise.all(servers.map(stats));
      }
      assert.ok(now.every((s) => s.generation > before[0]!.generation), JSON.stringify(now));
      assert.deepEqual(now[0], now[1]);
      assert.equal(now[0]!.decisions, before[0]!.decisions + 1);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  test('a frozen database gives 503 within the timeout, and the server recovers by itself', async () => {
    const running = await withEnv({ ...env, BELOFTEMETER_PG_STATEMENT_TIMEOUT_MS: '1000', BELOFTEMETER_PG_CONNECT_TIMEOUT_MS: '1000' }, () =>
      startServer({ host: '127.0.0.1', port: 0, generator: extractiveGenerator, answerer: extractiveAnswerer, reloadIntervalMs: 500, log: () => {} }),
    );
    try {
      assert.equal((await fetch(`${running.url}/api/stats`)).status, 200);
      server.signal('SIGSTOP');
      let frozen: Response;
      const started = Date.now();
      try {
        frozen = await fetch(`${running.url}/api/stats`, { signal: AbortSignal.timeout(15_000) });
      } finally {
        // Thawed whatever happens, so a failing assertion cannot leave the cluster stopped.
        setTimeout(() => server.signal('SIGCONT'), 500);
      }
      const waited = Date.now() - started;
      assert.equal(frozen.status, 503);
      assert.ok(waited < 5000, `answered after ${waited} ms`);
      assert.equal(frozen.headers.get('retry-after'), '5');
      assert.match(((await frozen.json()) as { error: string }).error, /De databank antwoordt op dit moment niet/);
      // Pages that need no database keep working meanwhile.
      assert.equal((await fetch(`${running.url}/api/sections`)).status, 200);
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (status !== 200 && Date.now() < deadline) {
        await sleep(250);
        status = (await fetch(`${running.url}/api/stats`)).status;
      }
      assert.equal(status, 200, 'recovered');
    } finally {
      server.signal('SIGCONT');
      await running.close();
    }
  });
});
