// Running servers follow new data: after an ingest commits, a server answers
// from the new generation within a poll interval, for every endpoint alike,
// and keeps answering while the ingest runs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import { bundledDecisionLines, makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';
import { startServer, type RunningServer } from './start.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-follow-'));
const db = join(work, 'index.db');
let server: RunningServer;
const logged: string[] = [];

// A decision the first data folder leaves out, and the second adds.
const sample = sampleDecisionLines();
const inSample = new Set(sample);
const extraLine = bundledDecisionLines().find((line) => !inSample.has(line) && String(JSON.parse(line).attributes?.title ?? '').length > 40)!;
const extra = JSON.parse(extraLine) as { id: string; attributes: { title: string } };

before(async () => {
  assert.equal((await runCli(['ingest', '--data', makeDataFolder(), '--quiet', '--db', db])).code, 0);
  server = await startServer({ db, host: '127.0.0.1', port: 0, generator: extractiveGenerator, answerer: extractiveAnswerer, reloadIntervalMs: 100, log: (m) => logged.push(m) });
});
after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

test('after an ingest commits, search, stats, overview and documents all answer from the new generation', async () => {
  const before = (await get('/api/stats')).body as { generation: number; decisions: number };
  const query = `/api/search?q=${encodeURIComponent(extra.attributes.title)}&k=5&type=decision`;
  const found = (body: Record<string, unknown>) => (body.hits as { id: string }[]).some((hit) => hit.id === extra.id);
  assert.equal(found((await get(query)).body), false, 'not there before');
  assert.equal((await get(`/api/documents/${extra.id}`)).status, 404);

  const folder = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl.gz', content: gzipSync(`${[...sample, extraLine].join('\n')}\n`) } });
  // The server keeps answering while the ingest runs.
  let answered = 0;
  let writing = true;
  const ingest = runCli(['ingest', '--data', folder, '--quiet', '--db', db]).finally(() => (writing = false));
  while (writing) {
    assert.equal((await get('/api/stats')).status, 200);
    answered++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal((await ingest).code, 0);
  assert.ok(answered > 0);

  const deadline = Date.now() + 10_000;
  let stats = (await get('/api/stats')).body as { generation: number; decisions: number };
  while (stats.generation === before.generation && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    stats = (await get('/api/stats')).body as { generation: number; decisions: number };
  }
  assert.ok(stats.generation > before.generation, `generation ${before.generation} -> ${stats.generation}`);
  assert.equal(stats.decisions, before.decisions + 1);
  assert.equal(found((await get(query)).body), true, 'the search index is the new one');
  assert.equal((await get(`/api/documents/${extra.id}`)).status, 200);
  assert.equal((await get('/api/overview')).body.generation, stats.generation);
  assert.ok(logged.some((m) => m.startsWith(`gegevens bijgewerkt: generatie ${stats.generation}`)), logged.join('\n'));
});
