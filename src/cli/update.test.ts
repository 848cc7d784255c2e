// Integration: `update` brings an index built from a small fixture folder up
// to date from a local server replaying the decisions API, and leaves the
// index exactly as it was when the server fails part-way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundledDecisions, makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';
import { startReplayServer, type ReplayServer } from '../testing/replay-server.js';
import type { Decision } from '../model/documents.js';

type RawRecord = { type: string; id: string; attributes: Record<string, unknown> };

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-update-'));
const db = join(work, 'index.db');
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli([...args, '--db', db], env);

// The fixture folder holds the sample's decisions up to mid-2023; the API has the whole sample.
const CUT = '2023-07-01';
const records = sampleDecisionLines().map((line) => JSON.parse(line) as RawRecord);
let sample: Decision[];
let older: Decision[];
let newer: Decision[];
let server: ReplayServer;

async function json<T>(args: string[]): Promise<T> {
  const result = await cli(args);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as T;
}

const stats = () => json<Record<string, unknown>>(['stats', '--json']);
const searchIds = async (query: string) => (await json<{ id: string }[]>(['search', query, '--k', '5', '--json'])).map((hit) => hit.id);

before(async () => {
  const ids = new Set(records.map((r) => r.id));
  sample = (await bundledDecisions()).filter((d) => ids.has(d.id));
  older = sample.filter((d) => d.meetingDate < CUT);
  newer = sample.filter((d) => d.meetingDate >= CUT);
  assert.ok(older.length > 100 && newer.length > 20, `both halves have decisions (${older.length}, ${newer.length})`);
  const olderIds = new Set(older.map((d) => d.id));
  const lines = sampleDecisionLines().filter((_, i) => olderIds.has(records[i]!.id));
  const data = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl', content: lines.join('\n') }, withAgreement: false });
  const ingest = await cli(['ingest', '--data', data, '--quiet']);
  assert.equal(ingest.code, 0, ingest.stderr);
  server = await startReplayServer({ records });
});

after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface UpdateSummary {
  from: string;
  to: string;
  fetched: number;
  decisions: number;
  written: { decisions: number; sections: number; parliament: number };
  skipped: number;
}

describe('update from the live API', () => {
  const newest = () => older.map((d) => d.meetingDate).sort().at(-1)!;
  // A decision only the API has, found by its own title.
  const target = () => newer.find((d) => d.title.split(' ').length >= 6)!;

  test('fetches from the newest stored meeting date on, and the new decisions become searchable', async () => {
    assert.ok(!(await searchIds(target().title)).includes(target().id), 'not in the index before the update');
    const result = await cli(['update', '--api-url', server.baseUrl]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Index bijgewerkt vanuit de beslissingen-API \\(${newest()} t/m \\d{4}-\\d{2}-\\d{2}\\): `));
    assert.match(result.stdout, new RegExp(`${newer.length} nieuw of gewijzigd; ${sample.length} beslissingen in de index\\.\\n$`));
    assert.match(result.stderr, /^beslissingen-API .*: \d+ beslissingen opgehaald/m, 'progress on stderr');
    assert.match(result.stderr, /^index bijwerken: /m);

    assert.equal((await stats()).decisions, sample.length);
    assert.ok((await searchIds(target().title)).includes(target().id), 'found after the update');
    const shown = await json<Decision & { type: string }>(['show', target().id, '--json']);
    assert.equal(shown.bodyHtml, target().bodyHtml, 'stored as the file adapter normalises it');
  });

  test('running it again fetches the newest day again and changes nothing', async () => {
    const summary = await json<UpdateSummary>(['update', '--api-url', server.baseUrl, '--quiet', '--json']);
    const newestAfter = newer.map((d) => d.meetingDate).sort().at(-1)!;
    assert.equal(summary.from, newestAfter);
    assert.equal(summary.fetched, sample.filter((d) => d.meetingDate === newestAfter).length);
    assert.deepEqual(summary.written, { sections: 0, decisions: 0, parliament: 0 });
    assert.equal(summary.decisions, sample.length);
    assert.equal(summary.skipped, 0);
  });

  test('an explicit range re-fetches older decisions without writing anything', async () => {
    const summary = await json<UpdateSummary>(['update', '--api-url', server.baseUrl, '--from', '2020-01', '--to', '2020-06', '--quiet', '--json']);
    assert.equal(summary.from, '2020-01-01');
    assert.equal(summary.to, '2020-06-30');
    assert.equal(summary.fetched, sample.filter((d) => d.meetingDate >= '2020-01-01' && d.meetingDate <= '2020-06-30').length);
    assert.equal(summary.written.decisions, 0);
  });

  test('a server failing on page 3 leaves the index as it was and exits 1 with a one-line message', async () => {
    // Every record changed, so anything written from pages 1 and 2 would show.
    const changed = records.map((r) => ({ ...r, attributes: { ...r.attributes, title: `GEWIJZIGD ${String(r.attributes.title)}` } }));
    const failing = await startReplayServer({ records: changed, fault: (request) => (request.page === 2 ? { kind: 'reset' } : undefined) });
    const before = await stats();
    try {
      const result = await cli(['update', '--api-url', failing.baseUrl, '--from', '2019-01-01'], { BELOFTEMETER_DECISIONS_API_MAX_RETRIES: '1' });
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.match(lines[0]!, /^waarschuwing: beslissingen-API page\[number\]=2: network error: .*; nieuwe poging over 0\.5 s$/);
      assert.match(lines[1]!, /^beloftemeter: decisions API at http:\/\/127\.0\.0\.1:\d+, page\[number\]=2: network error: .* \(gave up after 2 attempts\)$/);
      assert.equal(lines.length, 2, 'a warning for the retry, then one line saying why it stopped');
      assert.deepEqual(failing.requests.map((r) => r.page), [0, 1, 2, 2]);
    } finally {
      await failing.close();
    }
    assert.deepEqual(await stats(), before, 'same counts, same last run');
    const shown = await json<Decision>(['show', sample[0]!.id, '--json']);
    assert.equal(shown.title, sample[0]!.title);
    assert.ok((await searchIds(target().title)).includes(target().id));
  });
});

describe('update refuses bad input with exit 2', () => {
  test('bad dates, a bad URL, an empty index without --from', async () => {
    const badDate = await cli(['update', '--api-url', server.baseUrl, '--from', 'gisteren']);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--from expects a date as YYYY-MM-DD/);
    const reversed = await cli(['update', '--api-url', server.baseUrl, '--from', '2024-02-01', '--to', '2024-01-01']);
    assert.equal(reversed.code, 2);
    assert.match(reversed.stderr, /--from 2024-02-01 is after --to 2024-01-01/);
    const badUrl = await cli(['update', '--api-url', 'beslissingenvlaamseregering.vlaanderen.be']);
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /--api-url must be an http\(s\) base URL/);
    const badEnv = await cli(['update'], { BELOFTEMETER_DECISIONS_API_URL: 'nergens' });
    assert.equal(badEnv.code, 2);
    assert.match(badEnv.stderr, /BELOFTEMETER_DECISIONS_API_URL must be an http\(s\) base URL/);

    const empty = await runCli(['update', '--api-url', server.baseUrl, '--db', join(work, 'empty.db')]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /the index holds no decisions yet: pass --from DATE/);
  });
});
