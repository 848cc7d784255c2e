// Integration: the same commands against PostgreSQL (DATABASE_URL), on a real
// server the test starts; the index must behave as the SQLite one does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeDataFolder } from '../testing/fixture-data.js';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { runCli } from '../testing/run-cli.js';

let server: PostgresServer;
let env: Record<string, string>;

before(async () => {
  server = await startPostgres();
  env = { DATABASE_URL: server.url };
});
after(() => server?.stop());

test('ingest, stats, search, report and ask work on PostgreSQL', async () => {
  const data = makeDataFolder();
  const ingest = await runCli(['ingest', '--data', data, '--quiet', '--json'], env);
  assert.equal(ingest.code, 0, ingest.stderr);
  const stats = JSON.parse((await runCli(['stats', '--json'], env)).stdout);
  assert.equal(stats.store, 'postgres');
  assert.equal(stats.sections, 286);
  assert.equal(stats.parliament, 3);

  const again = JSON.parse((await runCli(['ingest', '--data', data, '--quiet', '--json'], env)).stdout);
  assert.deepEqual(again.written, { sections: 0, decisions: 0, parliament: 0 });

  const hits = JSON.parse((await runCli(['search', 'verbindingsofficier', '--k', '3', '--json'], env)).stdout);
  assert.match(hits[0].title, /verbindingsofficier/i);

  const report = await runCli(['report', 'justitie/3.4', '--format', 'json'], env);
  assert.equal(report.code, 0, report.stderr);
  const json = JSON.parse(report.stdout);
  assert.equal(json.commitments.length, 2);
  assert.ok(json.references.some((r: { uri: string | null }) => r.uri === 'http://themis.vlaanderen.be/id/resource/9f4d4c60-492a-11ec-94bb-99a9d1e168fe'));

  const answer = JSON.parse((await runCli(['ask', 'wat deed de regering rond LIVC-R?', '--json'], env)).stdout);
  assert.ok(answer.references.length > 0);
});

test('a PostgreSQL server that cannot be reached is a clear runtime failure', async () => {
  const result = await runCli(['stats'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /cannot use the PostgreSQL database/);
});
