// Integration: `embed`, then `search`, `eval-retrieval` and the search API with
// the embeddings variables set, on a small real index, against the local fake
// /v1/embeddings endpoint (real client, real socket, real SQLite file).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadReportContext } from '../report/context.js';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import { type FakeEmbeddingsServer, failure, startFakeEmbeddingsServer } from '../testing/fake-embeddings-server.js';
import { queryEmbeddingsFromEnv } from '../search/embeddings/retriever.js';
import { buildServer } from '../server/app.js';
import { servedData } from '../server/served-data.js';
import { openSqliteStore } from '../store/sqlite.js';
import { makeDataFolder } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-embed-cli-'));
const db = join(work, 'index.db');
/** Every word misspelt: the offline index knows none of them. */
const MISSPELT = 'veiligheitscellen radikalisme extremizme terorisme';
let server: FakeEmbeddingsServer;
let documents: number;

const env = (overrides: Record<string, string | undefined> = {}) => ({
  BELOFTEMETER_EMBEDDINGS_BASE_URL: server.baseURL,
  BELOFTEMETER_EMBEDDINGS_MODEL: 'fake-embed',
  BELOFTEMETER_EMBEDDINGS_BATCH_SIZE: '100',
  BELOFTEMETER_EMBEDDINGS_MAX_RETRIES: '0',
  ...overrides,
});
const unset = { BELOFTEMETER_EMBEDDINGS_BASE_URL: undefined, BELOFTEMETER_EMBEDDINGS_MODEL: undefined };
const cli = (args: string[], variables: Record<string, string | undefined> = unset) => runCli([...args, '--db', db], variables);

async function embeddingCount(model: string): Promise<number> {
  const store = openSqliteStore(db, { readonly: true });
  try {
    return (await store.embeddingKeys(model)).size;
  } finally {
    await store.close();
  }
}

before(async () => {
  const ingest = await cli(['ingest', '--data', makeDataFolder(), '--quiet', '--json']);
  assert.equal(ingest.code, 0, ingest.stderr);
  const counts = JSON.parse(ingest.stdout) as { decisions: number; parliament: number };
  documents = counts.decisions + counts.parliament;
  server = await startFakeEmbeddingsServer();
});

after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('embed', () => {
  test('without configuration: exit 2, naming both variables with an example', async () => {
    const result = await cli(['embed'], { ...unset, BELOFTEMETER_EMBEDDINGS_MODEL: 'nomic-embed-text' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /BELOFTEMETER_EMBEDDINGS_BASE_URL and BELOFTEMETER_EMBEDDINGS_MODEL/);
    assert.match(result.stderr, /BELOFTEMETER_EMBEDDINGS_BASE_URL=http:\/\/localhost:11434\/v1 BELOFTEMETER_EMBEDDINGS_MODEL=nomic-embed-text/);
  });

  test('a bad setting: exit 2, naming it', async () => {
    const result = await cli(['embed'], env({ BELOFTEMETER_EMBEDDINGS_BATCH_SIZE: 'veel' }));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /BELOFTEMETER_EMBEDDINGS_BATCH_SIZE must be a whole number .*"veel"/);
  });

  test('stores a vector per document; a second run finds everything up to date', async () => {
    const first = await cli(['embed'], env());
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, `embedded ${documents}, up to date 0, model fake-embed, dims ${server.dims}\n`);
    assert.match(first.stderr, /embed fake-embed: \d+ documents embedded/);
    assert.equal(await embeddingCount('fake-embed'), documents);
    const second = await cli(['embed', '--json', '--quiet'], env());
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(JSON.parse(second.stdout), { embedded: 0, upToDate: documents, model: 'fake-embed', dims: server.dims });
    assert.equal(second.stderr, '');
  });

  test('an interrupted run keeps its finished batches and the next run does the rest', async () => {
    const breaking = await startFakeEmbeddingsServer({ script: (_request, index) => (index >= 2 ? failure(500, 'out of memory') : {}) });
    try {
      const interrupted = await cli(['embed', '--quiet'], env({ BELOFTEMETER_EMBEDDINGS_BASE_URL: breaking.baseURL, BELOFTEMETER_EMBEDDINGS_MODEL: 'resumed' }));
      assert.equal(interrupted.code, 1);
      assert.match(interrupted.stderr, /HTTP 500.*out of memory/);
      assert.equal(await embeddingCount('resumed'), 200, 'two batches of 100 stored');
    } finally {
      await breaking.close();
    }
    const resumed = await cli(['embed', '--quiet'], env({ BELOFTEMETER_EMBEDDINGS_MODEL: 'resumed' }));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.stdout, `embedded ${documents - 200}, up to date 200, model resumed, dims ${server.dims}\n`);
  });
});

describe('search with embeddings', () => {
  const search = async (args: string[], variables?: Record<string, string | undefined>) => {
    const result = await cli(['search', ...args], variables);
    assert.equal(result.code, 0, result.stderr);
    return result;
  };

  test('a misspelt query finds the documents about the safety cells only through the model', async () => {
    const offline = await search([MISSPELT]);
    assert.equal(offline.stdout, 'Geen resultaten.\n');
    const result = await search([MISSPELT, '--k', '5', '--json'], env());
    assert.equal(result.stderr, '');
    const hits = JSON.parse(result.stdout) as { title: string; type: string }[];
    assert.equal(hits.length, 5);
    assert.match(hits[0]!.title, /veiligheidscel/i);
  });

  test('filters hold for the external list', async () => {
    const hits = JSON.parse((await search([MISSPELT, '--type', 'parliament', '--json'], env())).stdout) as { type: string }[];
    assert.ok(hits.length > 0);
    assert.ok(hits.every((hit) => hit.type === 'parliament'));
    const dated = JSON.parse((await search([MISSPELT, '--from', '2022', '--to', '2022', '--json'], env())).stdout) as { date: string | null }[];
    assert.ok(dated.length > 0);
    assert.ok(dated.every((hit) => hit.date?.startsWith('2022')), JSON.stringify(dated.map((hit) => hit.date)));
  });

  test('configured, but no vectors for the model: a hint to run embed, and the offline results', async () => {
    const offline = await search(['kinderopvang', '--k', '5']);
    const result = await search(['kinderopvang', '--k', '5'], env({ BELOFTEMETER_EMBEDDINGS_MODEL: 'never-embedded' }));
    assert.equal(result.stdout, offline.stdout);
    assert.match(result.stderr, /no document vectors of embedding model "never-embedded".*run "beloftemeter embed"/);
  });

  test('an endpoint that is down: one warning, and the offline results', async () => {
    const gone = await startFakeEmbeddingsServer();
    await gone.close();
    const offline = await search(['kinderopvang', '--k', '5']);
    const result = await search(['kinderopvang', '--k', '5'], env({ BELOFTEMETER_EMBEDDINGS_BASE_URL: gone.baseURL }));
    assert.equal(result.stdout, offline.stdout);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
    assert.match(result.stderr, /^waarschuwing: embedding model "fake-embed" unavailable, searching without it: cannot reach/);
  });

  test('eval-retrieval says when it used the model, and is unchanged without it', async () => {
    // The same documents are relevant to the query spelt right and spelt wrong.
    const spelt = 'veiligheidscellen radicalisme extremisme terrorisme';
    const relevant = (JSON.parse((await search([spelt, '--type', 'decision', '--k', '3', '--json'])).stdout) as { id: string }[]).map((hit) => hit.id);
    const file = join(work, 'benchmark.json');
    writeFileSync(file, JSON.stringify({ sections: [
      { id: 'spelt', query: spelt, relevant },
      { id: 'misspelt', query: MISSPELT, relevant },
    ] }));
    const offline = await cli(['eval-retrieval', file, '--json']);
    assert.equal(offline.code, 0, offline.stderr);
    const before = JSON.parse(offline.stdout);
    assert.equal(before.embeddings, undefined);
    assert.equal(before['recall@10'], 0.5, 'offline, only the query spelt right finds its documents');
    const withModel = await cli(['eval-retrieval', file, '--json'], env());
    assert.equal(withModel.code, 0, withModel.stderr);
    const after = JSON.parse(withModel.stdout);
    assert.deepEqual(after.embeddings, { model: 'fake-embed', queries: 2 });
    assert.ok(after['recall@10'] > before['recall@10'], `recall@10 ${after['recall@10']}`);
  });

  test('the search API adds the external list when configured', async () => {
    const store = openSqliteStore(db, { readonly: true });
    try {
      const context = await loadReportContext(store);
      const warnings: string[] = [];
      const embeddings = await queryEmbeddingsFromEnv(store, context.search.index, (m) => warnings.push(m), env());
      assert.ok(embeddings);
      const withList = servedData(context, 1, embeddings);
      const offline = servedData(context, 1);
      const app = buildServer({ data: () => withList, generator: extractiveGenerator, answerer: extractiveAnswerer, log: () => {} });
      const offlineApp = buildServer({ data: () => offline, generator: extractiveGenerator, answerer: extractiveAnswerer, log: () => {} });
      const url = `/api/search?q=${encodeURIComponent(MISSPELT)}&k=5`;
      const hits = (await app.inject({ method: 'GET', url })).json().hits as { title: string }[];
      assert.match(hits[0]!.title, /veiligheidscel/i);
      assert.deepEqual((await offlineApp.inject({ method: 'GET', url })).json().hits, []);
      assert.deepEqual(warnings, []);
      await Promise.all([app.close(), offlineApp.close()]);
    } finally {
      await store.close();
    }
  });
});
