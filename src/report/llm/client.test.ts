import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { backoffDelay, retryAfterMs } from '../../net/backoff.js';
import { type LlmClient, LlmRequestError, type RetryInfo, createLlmClient } from './client.js';
import type { LlmConfig } from './config.js';
import { type FakeChatServer, type Script, apiError, completion, startFakeChatServer } from '../../testing/fake-chat-server.js';

function testConfig(baseURL: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { baseURL, model: 'm', apiKey: 'k', timeoutMs: 2000, maxRetries: 2, concurrency: 2, backoffBaseMs: 10, backoffMaxMs: 40, ...overrides };
}

const servers: FakeChatServer[] = [];
async function serve(script: Script): Promise<FakeChatServer> {
  const server = await startFakeChatServer(script);
  servers.push(server);
  return server;
}

async function failure(client: LlmClient, signal?: AbortSignal): Promise<LlmRequestError> {
  const error = await client.chat([{ role: 'user', content: 'hallo' }], { json: true, ...(signal ? { signal } : {}) }).then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof LlmRequestError, `expected LlmRequestError, got ${String(error)}`);
  return error;
}

describe('LLM client', () => {
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('returns the assistant text and sends the conversation as given', async () => {
    const server = await serve([completion('{"ok": true}')]);
    const client = createLlmClient(testConfig(server.baseURL, { temperature: 0 }));
    const text = await client.chat([
      { role: 'system', content: 'systeem' },
      { role: 'user', content: 'vraag' },
    ]);
    assert.equal(text, '{"ok": true}');
    const body = server.requests[0]!.body!;
    assert.deepEqual(body.messages, [
      { role: 'system', content: 'systeem' },
      { role: 'user', content: 'vraag' },
    ]);
    assert.equal(body.temperature, 0);
    assert.equal(body.response_format, undefined, 'JSON mode only when asked');
  });

  it("honours retry-after within the cap, and the server's retry-after-ms", async () => {
    const server = await serve([
      apiError(429, 'slow down', { 'retry-after': '0.025' }),
      apiError(429, 'slow down', { 'retry-after': '3600' }),
      apiError(503, 'busy', { 'retry-after-ms': '15' }),
      completion('klaar'),
    ]);
    const retries: RetryInfo[] = [];
    const client = createLlmClient(testConfig(server.baseURL, { maxRetries: 3 }), { onRetry: (info) => retries.push(info) });
    assert.equal(await client.chat([{ role: 'user', content: 'x' }]), 'klaar');
    assert.deepEqual(
      retries.map((r) => [r.retry, r.error.kind, r.error.status, r.retryAfterMs, r.delayMs]),
      [
        [1, 'rate-limit', 429, 25, 25],
        [2, 'rate-limit', 429, 3_600_000, 40], // capped at backoffMaxMs
        [3, 'server', 503, 15, 15],
      ],
    );
  });

  it('backs off exponentially with jitter when the server gives no retry-after', async () => {
    const server = await serve([apiError(500, 'boom'), apiError(502, 'bad gateway'), completion('ok')]);
    const retries: RetryInfo[] = [];
    const client = createLlmClient(testConfig(server.baseURL), { onRetry: (info) => retries.push(info), random: () => 1 });
    assert.equal(await client.chat([{ role: 'user', content: 'x' }]), 'ok');
    assert.deepEqual(retries.map((r) => r.delayMs), [10, 20]);
  });

  it('gives up after maxRetries on a persistent 500', async () => {
    const server = await serve([apiError(500, 'boom')]);
    const error = await failure(createLlmClient(testConfig(server.baseURL, { maxRetries: 2 })));
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 500);
    assert.equal(server.requests.length, 3);
  });

  for (const [status, kind, hint] of [
    [400, 'rejected', /HTTP 400/],
    [401, 'auth', /BELOFTEMETER_LLM_API_KEY/],
    [403, 'auth', /HTTP 403/],
    [404, 'rejected', /BELOFTEMETER_LLM_MODEL/],
  ] as const) {
    it(`does not retry HTTP ${status}`, async () => {
      const server = await serve([apiError(status, `nope ${status}`)]);
      // Not in JSON mode, so a 400 is not taken for an unsupported response_format.
      const error = await createLlmClient(testConfig(server.baseURL))
        .chat([{ role: 'user', content: 'x' }])
        .then(() => assert.fail('expected failure'), (e: unknown) => e as LlmRequestError);
      assert.equal(error.kind, kind);
      assert.equal(error.status, status);
      assert.match(error.message, hint);
      assert.match(error.message, new RegExp(`nope ${status}`), 'keeps the server message');
      assert.equal(server.requests.length, 1);
    });
  }

  it('reports a 400 that persists without response_format as the real error', async () => {
    const server = await serve([apiError(400, 'context length exceeded')]);
    const client = createLlmClient(testConfig(server.baseURL));
    const error = await failure(client);
    assert.equal(error.status, 400);
    assert.match(error.message, /context length exceeded/);
    assert.equal(server.requests.length, 2, 'one try with, one without response_format');
    // The server did not object to response_format after all: keep using it.
    await client.chat([{ role: 'user', content: 'x' }], { json: true }).catch(() => undefined);
    assert.deepEqual(server.requests[2]!.body?.response_format, { type: 'json_object' });
  });

  it('retries a timeout, then reports it', async () => {
    const server = await serve([{ hang: true }]);
    const retries: RetryInfo[] = [];
    const error = await failure(createLlmClient(testConfig(server.baseURL, { timeoutMs: 80, maxRetries: 1 }), { onRetry: (r) => retries.push(r) }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /80 ms/);
    assert.equal(server.requests.length, 2);
    assert.equal(retries.length, 1);
  });

  it('retries when the connection is refused, then reports it', async () => {
    // A port that was just free: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const retries: RetryInfo[] = [];
    const error = await failure(createLlmClient(testConfig(`http://127.0.0.1:${port}/v1`), { onRetry: (r) => retries.push(r) }));
    assert.equal(error.kind, 'connection');
    assert.match(error.message, /cannot reach the LLM endpoint http:\/\/127\.0\.0\.1/);
    assert.equal(retries.length, 2);
  });

  it('flags empty, truncated and filtered answers as content failures without retrying them itself', async () => {
    for (const [reply, kind] of [
      [completion(null), 'empty'],
      [completion('   '), 'empty'],
      [completion('{"title": "Voortgangs', 'length'), 'truncated'],
      [completion('', 'content_filter'), 'filtered'],
      [{ json: { object: 'chat.completion', choices: [] } }, 'empty'],
    ] as const) {
      const server = await serve([reply]);
      const error = await failure(createLlmClient(testConfig(server.baseURL)));
      assert.equal(error.kind, kind);
      assert.ok(error.isContentFailure);
      assert.equal(server.requests.length, 1);
    }
  });

  it('stops waiting when the caller aborts', async () => {
    const server = await serve([{ hang: true }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await failure(createLlmClient(testConfig(server.baseURL, { timeoutMs: 10_000 })), controller.signal);
    assert.equal(error.kind, 'aborted');
    assert.equal(server.requests.length, 1);
  });

  it('shares one concurrency limit between all calls of a client', async () => {
    const server = await serve([{ ...completion('ok'), delayMs: 25 }]);
    const client = createLlmClient(testConfig(server.baseURL, { concurrency: 3 }));
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.chat([{ role: 'user', content: 'x' }])));
    assert.equal(answers.length, 8);
    assert.equal(server.maxInFlight, 3);
  });
});

describe('backoff', () => {
  const config = { backoffBaseMs: 100, backoffMaxMs: 1000 };

  it('doubles per retry, jittered within [half, full], capped', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, null, config, () => 0)), [50, 100, 200, 400, 500]);
    assert.deepEqual([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, null, config, () => 0.999999)), [100, 200, 400, 800, 1000]);
  });

  it("takes the server's wait when given, capped", () => {
    assert.equal(backoffDelay(1, 250, config), 250);
    assert.equal(backoffDelay(1, 60_000, config), 1000);
    assert.equal(backoffDelay(3, 0, config), 0);
  });

  it('reads retry-after in seconds, as an HTTP date, and retry-after-ms', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    assert.equal(retryAfterMs(new Headers({ 'retry-after': '2' }), now), 2000);
    assert.equal(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now), 1500);
    assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 May 2024 12:00:03 GMT' }), now), 3000);
    assert.equal(retryAfterMs(new Headers({ 'retry-after-ms': '120', 'retry-after': '9' }), now), 120);
    assert.equal(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now), null);
    assert.equal(retryAfterMs(new Headers(), now), null);
  });
});
