// Integration: the same commands against PostgreSQL (DATABASE_URL), on a real
// server the test starts; the index must behave as the SQLite one does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startReplayServer } from '../testing/replay-server.js';
import { makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
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

test('update upserts changed decisions from the live API into PostgreSQL', async () => {
  // Runs after the ingest above: the API has the same records, one of them retitled since.
  const records = sampleDecisionLines().map((line) => JSON.parse(line) as { id: string; attributes: Record<string, unknown> });
  const changed = records.find((r) => String(r.attributes.meetingDate) >= '2023-09-01')!;
  changed.attributes.title = 'Zonnepanelen op de daken van alle Vlaamse sporthallen';
  const api = await startReplayServer({ records });
  try {
    const result = await runCli(['update', '--api-url', api.baseUrl, '--from', '2023-09-01', '--quiet', '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.written.decisions, 1);
    const hits = JSON.parse((await runCli(['search', 'zonnepanelen sporthallen', '--k', '3', '--json'], env)).stdout);
    assert.equal(hits[0].id, changed.id);
  } finally {
    await api.close();
  }
});

test('a PostgreSQL server that cannot be reached is a clear runtime failure', async () => {
  const result = await runCli(['stats'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /cannot use the PostgreSQL database/);
});
