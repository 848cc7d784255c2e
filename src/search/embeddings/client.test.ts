import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { RuntimeFailure } from '../../errors.js';
import { type EmbeddingsClient, EmbeddingsRequestError, type EmbeddingsRetryInfo, createEmbeddingsClient } from './client.js';
import type { EmbeddingsConfig } from './config.js';
import { type FakeEmbeddingsOptions, type FakeEmbeddingsServer, type FakeReply, failure, fakeEmbedding, startFakeEmbeddingsServer } from '../../testing/fake-embeddings-server.js';

function testConfig(baseURL: string, overrides: Partial<EmbeddingsConfig> = {}): EmbeddingsConfig {
  return {
    baseURL, model: 'fake-embed', apiKey: 'k', timeoutMs: 2000, batchSize: 64, maxRetries: 2, maxInputChars: 6000,
    queryPrefix: '', documentPrefix: '', backoffBaseMs: 5, backoffMaxMs: 20, ...overrides,
  };
}

const servers: FakeEmbeddingsServer[] = [];
async function serve(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddingsServer> {
  const server = await startFakeEmbeddingsServer(options);
  servers.push(server);
  return server;
}

/** Replies in order, then answers properly. */
const inOrder = (...replies: FakeReply[]) => (_request: unknown, index: number) => replies[index] ?? {};

async function rejection(client: EmbeddingsClient, texts = ['een tekst', 'nog een tekst']): Promise<EmbeddingsRequestError> {
  const error = await client.embed(texts).then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof EmbeddingsRequestError, `expected EmbeddingsRequestError, got ${String(error)}`);
  assert.ok(error instanceof RuntimeFailure, 'maps to the runtime exit code');
  return error;
}

describe('embeddings client', () => {
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('embeds in batches, in input order, asking for floats', async () => {
    const server = await serve({ dims: 32 });
    const texts = ['radicalisering', 'kinderopvang', 'parochiekerk', 'verbindingsofficier', 'informatie-uitwisseling'];
    const vectors = await createEmbeddingsClient(testConfig(server.baseURL, { batchSize: 2 })).embed(texts);
    assert.deepEqual(server.requests.map((r) => r.body?.input), [texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    for (const request of server.requests) {
      assert.equal(request.body?.model, 'fake-embed');
      assert.equal(request.body?.encoding_format, 'float');
      assert.equal(request.headers.authorization, 'Bearer k');
    }
    assert.deepEqual(vectors, texts.map((text) => Float32Array.from(fakeEmbedding(text, 32))));
  });

  it("places vectors by their items' index, not the order they arrive in", async () => {
    const server = await serve({ dims: 16, script: () => ({ tamper: (items) => [...items].reverse() }) });
    const vectors = await createEmbeddingsClient(testConfig(server.baseURL)).embed(['eerste', 'tweede', 'derde']);
    assert.deepEqual(vectors, ['eerste', 'tweede', 'derde'].map((text) => Float32Array.from(fakeEmbedding(text, 16))));
  });

  it('cuts over-long texts at a word boundary so that their batch still goes through', async () => {
    const server = await serve();
    const long = 'beslissing '.repeat(500);
    const vectors = await createEmbeddingsClient(testConfig(server.baseURL, { maxInputChars: 100 })).embed([long, 'kort']);
    assert.equal(vectors.length, 2);
    const [sent, short] = server.requests[0]!.body!.input as string[];
    assert.ok(sent!.length <= 100, `sent ${sent!.length} characters`);
    assert.match(sent!, /^(beslissing )+beslissing$/);
    assert.equal(short, 'kort');
  });

  it('refuses an empty text without sending anything', async () => {
    const server = await serve();
    const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL)), ['tekst', '  \n ']);
    assert.match(error.message, /empty text \(input 2 of 2\)/);
    assert.equal(server.requests.length, 0);
  });

  it('retries a server error and succeeds', async () => {
    const server = await serve({ script: inOrder(failure(500, 'boom'), failure(502, 'bad gateway')) });
    const retries: EmbeddingsRetryInfo[] = [];
    const client = createEmbeddingsClient(testConfig(server.baseURL), { onRetry: (info) => retries.push(info), random: () => 1 });
    assert.equal((await client.embed(['tekst'])).length, 1);
    assert.deepEqual(retries.map((r) => [r.retry, r.error.kind, r.error.status, r.delayMs]), [[1, 'server', 500, 5], [2, 'server', 502, 10]]);
    assert.equal(server.requests.length, 3);
  });

  it("waits as a 429's retry-after asks, within the cap, and gives up after maxRetries", async () => {
    const server = await serve({ script: () => failure(429, 'slow down', { 'retry-after-ms': '15' }) });
    const retries: EmbeddingsRetryInfo[] = [];
    const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL), { onRetry: (info) => retries.push(info) }));
    assert.equal(error.kind, 'rate-limit');
    assert.equal(error.status, 429);
    assert.deepEqual(retries.map((r) => r.delayMs), [15, 15]);
    assert.equal(server.requests.length, 3, 'the first attempt and two retries');
  });

  it('gives up at once on bad credentials', async () => {
    const server = await serve({ script: () => failure(401, 'invalid api key') });
    const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL)));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /BELOFTEMETER_EMBEDDINGS_API_KEY/);
    assert.equal(server.requests.length, 1);
  });

  it('names the base URL and model on a 404', async () => {
    const server = await serve({ script: () => failure(404, 'model "nope" not found') });
    const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL)));
    assert.equal(error.kind, 'rejected');
    assert.match(error.message, /BELOFTEMETER_EMBEDDINGS_BASE_URL .*BELOFTEMETER_EMBEDDINGS_MODEL/);
  });

  it('retries a request that times out', async () => {
    const server = await serve({ script: inOrder({ hang: true }) });
    const retries: EmbeddingsRetryInfo[] = [];
    const client = createEmbeddingsClient(testConfig(server.baseURL, { timeoutMs: 300 }), { onRetry: (info) => retries.push(info) });
    assert.equal((await client.embed(['tekst'])).length, 1);
    assert.deepEqual(retries.map((r) => r.error.kind), ['timeout']);
  });

  it('reports a timeout when no retries are left', async () => {
    const server = await serve({ script: () => ({ hang: true }) });
    const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL, { timeoutMs: 300 }), { maxRetries: 0 }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer within 300 ms/);
    assert.equal(server.requests.length, 1);
  });

  it('reports an unreachable endpoint', async () => {
    const server = await serve();
    await server.close();
    const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL, { maxRetries: 0 })));
    assert.equal(error.kind, 'connection');
    assert.match(error.message, /cannot reach the embeddings endpoint/);
  });

  describe('rejects unusable answers without retrying them', () => {
    const cases: [string, FakeReply, RegExp][] = [
      ['malformed JSON', { text: '{"object": "list", "data": [' }, /malformed JSON/],
      ['a body that is not JSON at all', { text: 'Bad Gateway', contentType: 'text/plain' }, /no "data" list/],
      ['too few vectors', { tamper: (items) => items.slice(1) }, /1 vectors for 2 texts/],
      ['too many vectors', { tamper: (items) => [...items, { ...items[0]!, index: 2 }] }, /3 vectors for 2 texts/],
      ['vectors of different dimensions', { tamper: (items) => items.map((item, i) => ({ ...item, embedding: item.embedding.slice(i) })) }, /different dimensions \(64 and 63\)/],
      ['an empty vector', { tamper: (items) => items.map((item) => ({ ...item, embedding: [] })) }, /item 0 has no list of numbers/],
      ['a null among the numbers', { tamper: (items) => items.map((item) => ({ ...item, embedding: [...item.embedding.slice(1), null] })) }, /not a finite number/],
      ['base64 though floats were asked for', { tamper: (items) => items.map((item) => ({ ...item, embedding: 'AAAAAA==' })) }, /no list of numbers/],
      ['duplicate indexes', { tamper: (items) => items.map((item) => ({ ...item, index: 0 })) }, /"index" fields are not 0\.\.1/],
    ];
    for (const [name, reply, message] of cases) {
      it(name, async () => {
        const server = await serve({ dims: 64, script: () => reply });
        const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL)));
        assert.equal(error.kind, 'invalid');
        assert.match(error.message, message);
        assert.match(error.message, new RegExp(`^the embeddings endpoint ${server.baseURL.replace(/[.]/g, '\\.')}`));
        assert.equal(server.requests.length, 1);
      });
    }

    it('vectors whose dimension changes between batches', async () => {
      let dims = 8;
      const server = await serve({ script: () => ({ tamper: (items) => items.map((item) => ({ ...item, embedding: item.embedding.slice(0, dims++) })) }) });
      const error = await rejection(createEmbeddingsClient(testConfig(server.baseURL, { batchSize: 1 })));
      assert.match(error.message, /different dimensions \(8 and 9\)/);
    });
  });
});
