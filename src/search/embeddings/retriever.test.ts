// External retrieval end to end on a small real index: documents embedded
// through the real client against the local fake endpoint, stored in a real
// SQLite file, and fused into the ranking at query time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { silentProgress } from '../../ingest/progress.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import { sampleDecision, sampleParliament } from '../../testing/documents.js';
import { deriveSearchBlob, loadSearch, type LoadedSearch } from '../persisted.js';
import { rankDocuments, rankDocumentsWithEmbeddings, type SearchRequest } from '../service.js';
import { createEmbeddingsClient } from './client.js';
import type { EmbeddingsConfig } from './config.js';
import { embedDocuments } from './embed.js';
import { type FakeEmbeddingsServer, failure, startFakeEmbeddingsServer } from '../../testing/fake-embeddings-server.js';
import { loadQueryEmbeddings, type QueryEmbeddings } from './retriever.js';

const decisions = [
  sampleDecision(),
  sampleDecision({
    id: 'kinderopvang-1', title: 'Kinderopvang: kindratio en voorrangsregels', shortTitle: null, meetingDate: '2021-03-05',
    bodyText: 'De kinderopvang van baby’s en peuters krijgt nieuwe voorrangsregels en een aangepaste kindratio.',
    mandatees: [{ id: 'm2', name: 'Wouter Beke', title: 'Vlaams minister van Welzijn' }],
  }),
  sampleDecision({
    id: 'parochiekerken-1', title: 'Herbestemming van parochiekerken', shortTitle: 'Parochiekerken', meetingDate: '2022-02-11',
    bodyText: 'Gemeenten maken een kerkenbeleidsplan voor de herbestemming van hun parochiekerken.', mandatees: [],
  }),
  sampleDecision({
    id: 'actieplan-1', title: 'Actieplan ter preventie van gewelddadige radicalisering en polarisatie', shortTitle: null, meetingDate: '2023-01-20',
    bodyText: 'Het actieplan bundelt de maatregelen tegen radicalisering, extremisme en terrorisme.',
  }),
  sampleDecision({
    id: 'sport-1', title: 'Wegingsfactoren sportgekwalificeerde trainers', shortTitle: null, meetingDate: '2023-01-20',
    bodyText: 'Het ministerieel besluit bepaalt de wegingsfactoren van trainers in de sportfederaties.', mandatees: [],
  }),
];
const parliament = [sampleParliament({ title: 'LIVC-R: lokale integrale veiligheidscellen rond radicalisme en extremisme - Samenwerkingsakkoord' })];
/** Every word misspelt: the offline index knows none of them, a model that reads spelling loosely does. */
const MISSPELT = 'veiligheitscellen radikalisme extremizme terorisme';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-embed-'));
let files = 0;
let server: FakeEmbeddingsServer;
let failing = false;

function config(overrides: Partial<EmbeddingsConfig> = {}): EmbeddingsConfig {
  return {
    baseURL: server.baseURL, model: 'fake-embed', apiKey: 'k', timeoutMs: 2000, batchSize: 2, maxRetries: 0, maxInputChars: 6000,
    queryPrefix: '', documentPrefix: '', backoffBaseMs: 1, backoffMaxMs: 5, ...overrides,
  };
}

async function indexedStore(): Promise<{ store: Store; loaded: LoadedSearch }> {
  const store = openSqliteStore(join(work, `index-${files++}.db`));
  await store.ingest({ agreements: [], decisions, parliament, issues: [], derive: (corpus) => [deriveSearchBlob(corpus)] });
  return { store, loaded: await loadSearch(store) };
}

async function embedded(): Promise<{ store: Store; loaded: LoadedSearch; embeddings: QueryEmbeddings; warnings: string[] }> {
  const { store, loaded } = await indexedStore();
  await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
  const warnings: string[] = [];
  const embeddings = await loadQueryEmbeddings(store, loaded.index, config(), { warn: (m) => warnings.push(m) });
  assert.ok(embeddings);
  return { store, loaded, embeddings, warnings };
}

const ids = (hits: { doc: { id: string } }[]) => hits.map((hit) => hit.doc.id);

before(async () => {
  server = await startFakeEmbeddingsServer({ script: () => (failing ? failure(500, 'model crashed') : {}) });
});

after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('embed', () => {
  test('embeds every document in batches, then only what changed', async () => {
    const { store } = await indexedStore();
    const before = server.requests.length;
    const first = await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    assert.deepEqual(first, { embedded: 6, upToDate: 0, model: 'fake-embed', dims: server.dims });
    assert.equal(server.requests.length - before, 3, 'six documents in batches of two');
    const sent = server.requests.slice(before).flatMap((r) => r.body!.input as string[]);
    assert.ok(sent.includes('Kinderopvang: kindratio en voorrangsregels De kinderopvang van baby’s en peuters krijgt nieuwe voorrangsregels en een aangepaste kindratio.'), 'title, then body');
    assert.ok(sent.some((text) => text.includes('LIVC-R: deelname Vlaamse leden')), 'the short title too');

    const again = await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    assert.deepEqual(again, { embedded: 0, upToDate: 6, model: 'fake-embed', dims: server.dims });

    await store.ingest({ agreements: [], decisions: [{ ...decisions[2]!, bodyText: 'Een nieuw kerkenplan.' }], parliament: [], issues: [] });
    const changed = await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    assert.deepEqual([changed.embedded, changed.upToDate], [1, 5]);
    assert.deepEqual(server.requests.at(-1)!.body!.input, ['Herbestemming van parochiekerken Parochiekerken Een nieuw kerkenplan.']);

    const forced = await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress, { force: true });
    assert.equal(forced.embedded, 6);
    await store.close();
  });

  test('an interrupted run keeps its finished batches and the next run does the rest', async () => {
    const { store } = await indexedStore();
    const client = createEmbeddingsClient(config());
    let calls = 0;
    const interrupting = { ...client, embed: async (texts: readonly string[]) => {
      if (++calls === 2) throw new Error('interrupted');
      return client.embed(texts);
    } };
    await assert.rejects(embedDocuments(store, interrupting, config(), silentProgress), /interrupted/);
    assert.equal((await store.embeddingKeys('fake-embed')).size, 2, 'the first batch is stored');
    const resumed = await embedDocuments(store, client, config(), silentProgress);
    assert.deepEqual([resumed.embedded, resumed.upToDate], [4, 2]);
    await store.close();
  });

  test('vectors of another size (the model changed) are all redone', async () => {
    const { store } = await indexedStore();
    const small = await startFakeEmbeddingsServer({ dims: 64 });
    try {
      await embedDocuments(store, createEmbeddingsClient(config({ baseURL: small.baseURL })), config(), silentProgress);
      const redone = await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
      assert.deepEqual(redone, { embedded: 6, upToDate: 0, model: 'fake-embed', dims: server.dims });
      assert.deepEqual(new Set([...(await store.embeddingKeys('fake-embed')).values()].map((k) => k.dims)), new Set([server.dims]));
    } finally {
      await small.close();
      await store.close();
    }
  });

  test('a prefix or a shorter cut changes what is sent, so documents are embedded again', async () => {
    const { store } = await indexedStore();
    await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    const prefixed = config({ documentPrefix: 'search_document: ' });
    const result = await embedDocuments(store, createEmbeddingsClient(prefixed), prefixed, silentProgress);
    assert.equal(result.embedded, 6);
    assert.ok((server.requests.at(-1)!.body!.input as string[]).every((text) => text.startsWith('search_document: ')));
    await store.close();
  });
});

describe('search with an external embedding model', () => {
  test('finds documents whose words match only through the model, and ranks them first', async () => {
    const { store, loaded, embeddings } = await embedded();
    const request: SearchRequest = { query: MISSPELT, k: 5 };
    assert.deepEqual(rankDocuments(loaded, request), [], 'the offline index knows none of the misspelt words');
    const hits = ids(await rankDocumentsWithEmbeddings(loaded, request, embeddings));
    assert.equal(hits[0], decisions[0]!.id, `the one document with all four words first: ${hits.join(', ')}`);
    assert.deepEqual(new Set(hits.slice(0, 3)), new Set([decisions[0]!.id, parliament[0]!.id, 'actieplan-1']), 'the documents about radicalism before the rest');
    await store.close();
  });

  test('adds to the offline ranking rather than replacing it', async () => {
    const { store, loaded, embeddings } = await embedded();
    const request: SearchRequest = { query: `kinderopvang ${MISSPELT}`, k: 10 };
    const offline = ids(rankDocuments(loaded, request));
    assert.deepEqual(offline, ['kinderopvang-1']);
    const fused = ids(await rankDocumentsWithEmbeddings(loaded, request, embeddings));
    assert.ok(fused.includes('kinderopvang-1'));
    assert.ok(fused.includes(decisions[0]!.id), fused.join(', '));
    await store.close();
  });

  test('filters apply to the external list too', async () => {
    const { store, loaded, embeddings } = await embedded();
    const byType = await rankDocumentsWithEmbeddings(loaded, { query: MISSPELT, k: 10, type: 'parliament' }, embeddings);
    assert.deepEqual(ids(byType), [parliament[0]!.id]);
    const byDate = await rankDocumentsWithEmbeddings(loaded, { query: MISSPELT, k: 10, from: '2021-01-01', to: '2022-12-31' }, embeddings);
    assert.ok(byDate.length > 0);
    assert.ok(byDate.every((hit) => hit.doc.date && hit.doc.date >= '2021-01-01' && hit.doc.date <= '2022-12-31'), ids(byDate).join(', '));
    const byMinister = await rankDocumentsWithEmbeddings(loaded, { query: MISSPELT, k: 10, mandatee: 'somers' }, embeddings);
    assert.ok(byMinister.length > 0);
    assert.ok(byMinister.every((hit) => hit.doc.mandatees.includes('Bart Somers')), ids(byMinister).join(', '));
    await store.close();
  });

  test('without embeddings the ranking is exactly the offline one', async () => {
    const { store, loaded } = await embedded();
    for (const query of ['kinderopvang', 'radicalisering extremisme', MISSPELT]) {
      assert.deepEqual(await rankDocumentsWithEmbeddings(loaded, { query, k: 10 }, null), rankDocuments(loaded, { query, k: 10 }));
    }
    await store.close();
  });

  test('an endpoint that fails at query time costs one warning and falls back to the offline ranking', async () => {
    const { store, loaded, embeddings, warnings } = await embedded();
    failing = true;
    try {
      for (const query of [MISSPELT, 'kinderopvang', 'parochiekerken']) {
        assert.deepEqual(await rankDocumentsWithEmbeddings(loaded, { query, k: 5 }, embeddings), rankDocuments(loaded, { query, k: 5 }));
      }
    } finally {
      failing = false;
    }
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, /embedding model "fake-embed" unavailable, searching without it: .*HTTP 500/);
    await store.close();
  });

  test('tries the endpoint again once the pause after a failure is over', async () => {
    const { store, loaded } = await indexedStore();
    await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    let now = 0;
    const warnings: string[] = [];
    const embeddings = (await loadQueryEmbeddings(store, loaded.index, config(), { warn: (m) => warnings.push(m), now: () => now }))!;
    failing = true;
    assert.equal(await embeddings.scores(MISSPELT), null);
    failing = false;
    assert.equal(await embeddings.scores(MISSPELT), null, 'still pausing');
    now += 10 * 60_000;
    assert.ok(await embeddings.scores(MISSPELT));
    assert.equal(warnings.length, 1);
    await store.close();
  });

  test('stored vectors of another size than the endpoint now returns: a warning that says to embed again', async () => {
    const { store, loaded } = await indexedStore();
    await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    const small = await startFakeEmbeddingsServer({ dims: 64 });
    try {
      const warnings: string[] = [];
      const embeddings = (await loadQueryEmbeddings(store, loaded.index, config({ baseURL: small.baseURL }), { warn: (m) => warnings.push(m) }))!;
      assert.equal(await embeddings.scores(MISSPELT), null);
      assert.match(warnings.join('\n'), /returns 64-dimensional vectors, the stored ones have 1024: run "beloftemeter embed" again/);
    } finally {
      await small.close();
      await store.close();
    }
  });

  test('no stored vectors for the model: a hint to run embed, and no external list', async () => {
    const { store, loaded } = await indexedStore();
    const warnings: string[] = [];
    assert.equal(await loadQueryEmbeddings(store, loaded.index, config(), { warn: (m) => warnings.push(m) }), null);
    assert.match(warnings.join('\n'), /no document vectors of embedding model "fake-embed".*run "beloftemeter embed"/);
    await store.close();
  });

  test('the query prefix is sent with the query', async () => {
    const { store, loaded } = await indexedStore();
    await embedDocuments(store, createEmbeddingsClient(config()), config(), silentProgress);
    const prefixed = config({ queryPrefix: 'search_query: ' });
    const embeddings = (await loadQueryEmbeddings(store, loaded.index, prefixed, { warn: () => {} }))!;
    await embeddings.scores('kinderopvang');
    assert.deepEqual(server.requests.at(-1)!.body!.input, ['search_query: kinderopvang']);
    await store.close();
  });
});
