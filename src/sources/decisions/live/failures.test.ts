// The live client when the server misbehaves: passing failures are retried
// with backoff (Retry-After honoured), lasting ones end the run with a message
// naming the page, bad records are skipped and reported, and a server that
// never ends its listing cannot keep the client paging.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RuntimeFailure } from '../../../errors.js';
import { startReplayServer, type Fault, type ReplayRequest, type ReplayServer } from '../../../testing/replay-server.js';
import { ALL_DATES, collect, someRecords, type Collected } from './test-helpers.js';

const RECORDS = someRecords(12);
const PAGE = 5;

/** Runs the client against a server that fails as `fault` says. */
async function withFault(fault: (request: ReplayRequest) => Fault | undefined, options: { timeoutMs?: number; maxRetries?: number; backoffMaxMs?: number; maxBytes?: number } = {}) {
  const server = await startReplayServer({ records: RECORDS, fault });
  try {
    const run = collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: PAGE, ...options });
    return { run: await run.catch((error: unknown) => error as Error), requests: server.requests, baseUrl: server.baseUrl };
  } finally {
    await server.close();
  }
}

function completed(run: Collected | Error): Collected {
  if (run instanceof Error) throw run;
  return run;
}

let clean: Collected;
before(async () => {
  clean = completed((await withFault(() => undefined)).run);
  assert.equal(clean.decisions.length, RECORDS.length);
});

/** Fails the first request for page 1 only. */
const once = (fault: Fault) => (request: ReplayRequest) => (request.page === 1 && request.index === 1 ? fault : undefined);

describe('passing failures are retried and the run completes', () => {
  test('a 500 once: one retry after the base delay', async () => {
    const { run, requests } = await withFault(once({ status: 500 }));
    const result = completed(run);
    assert.deepEqual(result.decisions, clean.decisions);
    assert.deepEqual(requests.map((r) => r.page), [0, 1, 1, 2]);
    assert.deepEqual(result.retries, [{ page: 1, attempt: 1, delayMs: 10, reason: 'HTTP 500 Internal Server Error' }]);
  });

  test('repeated 503s back off exponentially', async () => {
    const { run } = await withFault((request) => (request.page === 1 && request.index < 4 ? { status: 503 } : undefined));
    const result = completed(run);
    assert.deepEqual(result.decisions, clean.decisions);
    assert.deepEqual(result.delays, [10, 20, 40]);
  });

  test('a 429 waits as long as Retry-After says, in seconds or as a date, within the cap', async () => {
    const seconds = completed((await withFault(once({ status: 429, headers: { 'retry-after': '7' } }))).run);
    assert.deepEqual(seconds.delays, [7000]);
    assert.match(seconds.retries[0]!.reason, /HTTP 429/);
    assert.deepEqual(seconds.decisions, clean.decisions);

    const capped = completed((await withFault(once({ status: 429, headers: { 'retry-after': '3600' } }), { backoffMaxMs: 20_000 })).run);
    assert.deepEqual(capped.delays, [20_000]);

    const date = new Date(Date.now() + 120_000).toUTCString();
    const dated = completed((await withFault(once({ status: 429, headers: { 'retry-after': date } }), { backoffMaxMs: 600_000 })).run);
    assert.equal(dated.delays.length, 1);
    assert.ok(dated.delays[0]! > 60_000 && dated.delays[0]! <= 120_000, `waits until the date (${dated.delays[0]} ms)`);
  });

  for (const [name, fault, reason] of [
    ['a connection closed before the answer', { kind: 'reset' }, /network error/],
    ['a body cut off mid-way', { kind: 'truncated' }, /network error/],
    ['no answer within the timeout', { kind: 'hang' }, /no complete answer within 0\.3 s/],
  ] as const) {
    test(`${name} is retried`, async () => {
      const { run } = await withFault(once(fault), { timeoutMs: 300 });
      const result = completed(run);
      assert.deepEqual(result.decisions, clean.decisions);
      assert.equal(result.retries.length, 1);
      assert.match(result.retries[0]!.reason, reason);
    });
  }
});

describe('lasting failures end the run with a message naming the page', () => {
  test('a 503 that outlasts the retries', async () => {
    const { run, requests, baseUrl } = await withFault((request) => (request.page === 1 ? { status: 503 } : undefined), { maxRetries: 2 });
    assert.ok(run instanceof RuntimeFailure);
    assert.equal(run.message, `decisions API at ${baseUrl}, page[number]=1: HTTP 503 Service Unavailable (gave up after 3 attempts)`);
    assert.deepEqual(requests.map((r) => r.page), [0, 1, 1, 1]);
  });

  test('a server that went away', async () => {
    const server = await startReplayServer({ records: RECORDS });
    const baseUrl = server.baseUrl;
    await server.close();
    const run = await collect({ baseUrl, ...ALL_DATES, maxRetries: 1 }).catch((error: unknown) => error as Error);
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /page\[number\]=0: network error: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\) \(gave up after 2 attempts\)$/);
  });

  test('a 404 is not retried', async () => {
    const { run, requests } = await withFault((request) => (request.page === 1 ? { status: 404 } : undefined));
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /page\[number\]=1: HTTP 404 Not Found$/);
    assert.deepEqual(requests.map((r) => r.page), [0, 1]);
  });

  test('a page that is not valid JSON is not retried', async () => {
    const { run, requests } = await withFault((request) => (request.page === 1 ? { kind: 'malformed-json' } : undefined));
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /page\[number\]=1: the answer is not valid JSON \(/);
    assert.deepEqual(requests.map((r) => r.page), [0, 1]);
  });

  test('an answer larger than the limit is refused without reading it all, and not retried', async () => {
    const big = { count: 1, data: [{ type: 'news-item', id: 'x', attributes: { title: 'x'.repeat(50_000) } }] };
    const { run, requests } = await withFault((request) => (request.page === 0 ? { kind: 'json', json: big } : undefined), { maxBytes: 10_000 });
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /page\[number\]=0: the answer is larger than 10 kB \(BELOFTEMETER_DECISIONS_API_MAX_BYTES\)/);
    assert.equal(requests.length, 1);
  });

  test('a page that is JSON but not a search result', async () => {
    const errors = await withFault(() => ({ kind: 'json', json: { errors: [{ status: '400', detail: 'bad filter' }] } }));
    assert.ok(errors.run instanceof RuntimeFailure);
    assert.match(errors.run.message, /page\[number\]=0: the answer is not a news-item search result \{count, data\} \(count: Required; data: Required\)/);

    const wrong = await withFault((request) => (request.page === 2 ? { kind: 'json', json: { count: '12', data: { type: 'news-item' } } } : undefined));
    assert.ok(wrong.run instanceof RuntimeFailure);
    assert.match(wrong.run.message, /page\[number\]=2: .*count: Expected number, received string; data: Expected array, received object/);
  });
});

test('malformed records are skipped and reported with their page and id; the rest comes through', async () => {
  const records = structuredClone(RECORDS);
  const noUri = records[3]!;
  delete noUri.attributes.uri;
  const notNews = records[7]!;
  notNews.type = 'agenda-item';
  const server = await startReplayServer({ records });
  try {
    const { decisions, issues } = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: PAGE });
    assert.deepEqual(
      decisions.map((d) => d.id),
      clean.decisions.map((d) => d.id).filter((id) => id !== noUri.id && id !== notNews.id),
    );
    // The bad records keep their places in the listing, which the clean run shows.
    const reported = (id: string, problem: string) => {
      const place = clean.decisions.findIndex((d) => d.id === id);
      return {
        place,
        issue: { source: `${server.baseUrl}/news-items/search page[number]=${Math.floor(place / PAGE)}`, message: `record ${(place % PAGE) + 1}${problem}` },
      };
    };
    const expected = [
      reported(noUri.id, `: news-item ${noUri.id} has no uri`),
      reported(notNews.id, ` (${notNews.id}): record type is "agenda-item", expected "news-item"`),
    ].sort((a, b) => a.place - b.place);
    assert.deepEqual(issues, expected.map((e) => e.issue));
  } finally {
    await server.close();
  }
});

test('a record that is not an object is reported by its place on the page', async () => {
  const { run, baseUrl } = await withFault(() => ({ kind: 'json', json: { count: 2, data: [RECORDS[0], 42] } }));
  const result = completed(run);
  assert.deepEqual(result.decisions.map((d) => d.id), [RECORDS[0]!.id]);
  assert.deepEqual(result.issues, [{ source: `${baseUrl}/news-items/search page[number]=0`, message: 'record 2: record is a number, not a news-item object' }]);
});

describe('a server that never returns an empty page', () => {
  let server: ReplayServer;
  after(() => server?.close());

  test('repeating its last page is caught at the first repeat', async () => {
    server = await startReplayServer({ records: RECORDS, pastTheEnd: 'repeat-last', count: () => 1000 });
    const run = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: 4 }).catch((error: unknown) => error as Error);
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /page\[number\]=3: the page only repeats records of earlier pages/);
    assert.deepEqual(server.requests.map((r) => r.page), [0, 1, 2, 3]);
    await server.close();
  });

  test('inventing new records forever stops at the page cap', async () => {
    server = await startReplayServer({ records: RECORDS, pastTheEnd: 'endless', count: (_, request) => (request.page + 2) * PAGE });
    const run = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: PAGE, maxPages: 6 }).catch((error: unknown) => error as Error);
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /no end of the listing after 6 pages; ask for a shorter range with --from\/--to/);
    assert.equal(server.requests.length, 6);
    await server.close();
  });

  test('a count beyond the page cap is refused after the first page', async () => {
    server = await startReplayServer({ records: RECORDS, count: () => 1_000_000 });
    const run = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: PAGE, maxPages: 50 }).catch((error: unknown) => error as Error);
    assert.ok(run instanceof RuntimeFailure);
    assert.match(run.message, /page\[number\]=0: 1000000 records would take more than 50 pages/);
    assert.equal(server.requests.length, 1);
  });
});
