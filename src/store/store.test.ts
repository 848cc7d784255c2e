import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { sampleDecision, sampleParliament, sampleSection } from '../testing/documents.js';
import { startPostgres, type PostgresServer } from '../testing/postgres-server.js';
import { openPostgresStore } from './postgres.js';
import { OlderSchemaError, openSqliteStore } from './sqlite.js';
import { openConfiguredStore } from '../cli/config.js';
import type { IngestBatch, Store } from './store.js';
import { vectorToBytes } from './vectors.js';

function batch(overrides: Partial<IngestBatch> = {}): IngestBatch {
  return {
    agreements: [{
      agreement: 'regeerakkoord-test',
      sections: [
        sampleSection({ id: 'justitie/3', number: '3', title: 'Justitie', level: 1, parentId: null, order: 0, text: '' }),
        sampleSection(),
      ],
    }],
    decisions: [
      sampleDecision(),
      sampleDecision({ id: '603E2DB2A6E2D0000800016C', shortTitle: null, mandatees: [], themes: [], position: null, itemType: null }),
    ],
    parliament: [sampleParliament()],
    issues: [{ source: 'beslissingen.jsonl', line: 7, message: 'not valid JSON' }],
    ...overrides,
  };
}

/** The behaviour every Store must have, whatever holds the data. */
function storeContract(name: string, open: () => Promise<Store>) {
  describe(`${name} store`, () => {
    test('round-trips every document field', async () => {
      const store = await open();
      try {
        const input = batch();
        const run = await store.ingest(input);
        assert.deepEqual(run.counts, { sections: 2, decisions: 2, parliament: 1 });
        assert.deepEqual(await store.section('justitie/3.4'), input.agreements[0]!.sections[1]);
        assert.deepEqual(await store.decision(input.decisions[0]!.id), input.decisions[0]);
        assert.deepEqual(await store.decision(input.decisions[1]!.id), input.decisions[1]);
        assert.deepEqual(await store.parliamentDocument('parlement/schriftelijke-vraag-294'), input.parliament[0]);
        assert.deepEqual((await store.sections('regeerakkoord-test')).map((s) => s.id), ['justitie/3', 'justitie/3.4']);
        assert.deepEqual((await store.decisions(['603E2DB2A6E2D0000800016C', 'missing'])).map((d) => d.id), ['603E2DB2A6E2D0000800016C']);
        assert.deepEqual(await store.parliamentDocuments(['missing', 'parlement/schriftelijke-vraag-294']), input.parliament);
        assert.equal(await store.section('justitie/9.9'), null);
        assert.deepEqual((await store.lastIngest())?.issues, input.issues);
      } finally {
        await store.close();
      }
    });

    test('re-ingesting the same records changes nothing; a changed record is updated', async () => {
      const store = await open();
      try {
        await store.ingest(batch());
        const again = await store.ingest(batch());
        assert.deepEqual(again.written, { sections: 0, decisions: 0, parliament: 0 });
        assert.deepEqual(again.counts, { sections: 2, decisions: 2, parliament: 1 });
        const changed = await store.ingest(batch({ decisions: [sampleDecision({ title: 'Nieuwe titel' })] }));
        assert.equal(changed.written.decisions, 1);
        assert.equal((await store.decision(sampleDecision().id))?.title, 'Nieuwe titel');
        const fewer = await store.ingest(batch({ agreements: [{ agreement: 'regeerakkoord-test', sections: [sampleSection({ text: 'Nieuwe tekst.' })] }] }));
        assert.equal(fewer.written.sections, 2, 'one section removed, one changed');
        assert.deepEqual((await store.sections('regeerakkoord-test')).map((s) => s.text), ['Nieuwe tekst.']);
      } finally {
        await store.close();
      }
    });

    test('a failing ingest leaves the previous index untouched', async () => {
      const store = await open();
      try {
        await store.ingest(batch());
        await assert.rejects(
          store.ingest(batch({
            decisions: [sampleDecision({ title: 'Mag nooit blijven staan' })],
            agreements: [{ agreement: 'regeerakkoord-test', sections: [] }],
            derive: () => {
              throw new Error('derive failed halfway');
            },
          })),
          /derive failed halfway/,
        );
        assert.deepEqual(await store.counts(), { sections: 2, decisions: 2, parliament: 1 });
        assert.equal((await store.decision(sampleDecision().id))?.title, sampleDecision().title);
      } finally {
        await store.close();
      }
    });

    test('the newest meeting date is null on an empty store, then the latest stored one', async () => {
      const store = await open();
      try {
        assert.equal(await store.newestMeetingDate(), null);
        await store.ingest(batch({
          decisions: [
            sampleDecision({ meetingDate: '2023-12-08' }),
            sampleDecision({ id: '603E2DB2A6E2D0000800016C', meetingDate: '2024-01-10' }),
            sampleDecision({ id: '5E2FFD729B66390008000440', meetingDate: '2019-10-02' }),
          ],
        }));
        assert.equal(await store.newestMeetingDate(), '2024-01-10');
      } finally {
        await store.close();
      }
    });

    test('derived structures are built from the whole corpus and stored with it', async () => {
      const store = await open();
      try {
        await store.ingest(batch({
          derive: (corpus) => [{ name: 'ids', data: new TextEncoder().encode(corpus.decisions.map((d) => d.id).join(',')) }],
        }));
        const blob = await store.derived('ids');
        assert.ok(blob);
        assert.equal(new TextDecoder().decode(blob), '5FBE4A0E6B34EF0008000C2C,603E2DB2A6E2D0000800016C');
        assert.equal(await store.derived('missing'), null);
      } finally {
        await store.close();
      }
    });

    test('embeddings round-trip per model; a newer vector replaces the older one', async () => {
      const store = await open();
      try {
        const a = Float32Array.from([0.1, -2.5, 1e-7, 3.4e38, 0]);
        const b = Float32Array.from([1, 2, 3, 4, 5]);
        await store.putEmbeddings('model-a', [
          { docId: '5FBE4A0E6B34EF0008000C2C', textHash: 'h1', vector: a },
          { docId: 'parlement/schriftelijke-vraag-294', textHash: 'h2', vector: b },
        ]);
        await store.putEmbeddings('model-b', [{ docId: '5FBE4A0E6B34EF0008000C2C', textHash: 'h1', vector: Float32Array.from([7, 8]) }]);
        assert.deepEqual(await store.embeddings('model-a'), [
          { docId: '5FBE4A0E6B34EF0008000C2C', textHash: 'h1', vector: a },
          { docId: 'parlement/schriftelijke-vraag-294', textHash: 'h2', vector: b },
        ]);
        assert.deepEqual(await store.embeddingKeys('model-b'), new Map([['5FBE4A0E6B34EF0008000C2C', { textHash: 'h1', dims: 2 }]]));
        assert.deepEqual(await store.embeddings('unknown-model'), []);

        const changed = Float32Array.from([9, 9, 9, 9, 9]);
        await store.putEmbeddings('model-a', [{ docId: '5FBE4A0E6B34EF0008000C2C', textHash: 'h1-new', vector: changed }]);
        assert.deepEqual(await store.embeddingKeys('model-a'), new Map([
          ['5FBE4A0E6B34EF0008000C2C', { textHash: 'h1-new', dims: 5 }],
          ['parlement/schriftelijke-vraag-294', { textHash: 'h2', dims: 5 }],
        ]));
        assert.deepEqual((await store.embeddings('model-a'))[0]!.vector, changed);
        assert.deepEqual((await store.embeddings('model-b'))[0]!.vector, Float32Array.from([7, 8]), 'other models untouched');
      } finally {
        await store.close();
      }
    });

    test('an embeddings batch that fails halfway stores none of its vectors', async () => {
      const store = await open();
      try {
        await store.putEmbeddings('m', [{ docId: 'kept', textHash: 'h', vector: Float32Array.from([1]) }]);
        await assert.rejects(store.putEmbeddings('m', [
          { docId: 'kept', textHash: 'h-new', vector: Float32Array.from([2]) },
          { docId: 'new', textHash: 'h', vector: Float32Array.from([3]) },
          { docId: null as unknown as string, textHash: 'h', vector: Float32Array.from([4]) },
        ]));
        assert.deepEqual(await store.embeddings('m'), [{ docId: 'kept', textHash: 'h', vector: Float32Array.from([1]) }]);
      } finally {
        await store.close();
      }
    });

    test('deriveWhen "changed" rebuilds only when the batch wrote something', async () => {
      const store = await open();
      try {
        let builds = 0;
        const derive = () => [{ name: 'n', data: new Uint8Array([++builds]) }];
        await store.ingest(batch({ derive, deriveWhen: 'changed' }));
        assert.equal(builds, 1, 'nothing derived yet: built');
        await store.ingest(batch({ derive, deriveWhen: 'changed' }));
        assert.equal(builds, 1, 'same records: not rebuilt');
        assert.deepEqual([...(await store.derived('n'))!], [1], 'the stored structures stay');
        await store.ingest(batch({ decisions: [sampleDecision({ title: 'Gewijzigd' })], derive, deriveWhen: 'changed' }));
        assert.equal(builds, 2, 'a changed record: rebuilt');
        await store.ingest(batch({ derive }));
        assert.equal(builds, 3, 'the default rebuilds always');
      } finally {
        await store.close();
      }
    });

    test('generations grow with every commit that changes what readers see, and only then', async () => {
      const store = await open();
      try {
        assert.equal(await store.generation(), 0);
        const derive = () => [{ name: 'x', data: new Uint8Array([1]) }];
        await store.ingest(batch({ derive, deriveWhen: 'changed' }));
        assert.equal(await store.generation(), 1);
        await store.ingest(batch({ derive, deriveWhen: 'changed' }));
        assert.equal(await store.generation(), 1, 'an update that found nothing new changes nothing');
        await store.putVerdicts([]);
        assert.equal(await store.generation(), 1);
        await store.putVerdicts([{ commitmentHash: 'c', sourceKey: 's', model: 'm', verdict: 'deels', verifiedAt: 'now' }]);
        assert.equal(await store.generation(), 2);
        await store.ingest(batch({ derive }));
        assert.equal(await store.generation(), 3, 'a rebuild is a new generation');
      } finally {
        await store.close();
      }
    });

    test('verdicts: the newest per pair is kept, and they survive a re-ingest', async () => {
      const store = await open();
      try {
        await store.ingest(batch({ derive: () => [{ name: 'x', data: new Uint8Array([1]) }] }));
        const verdict = { commitmentHash: 'c1', sourceKey: sampleDecision().id, model: 'm1', verdict: 'deels', verifiedAt: '2026-12-01T10:00:00.000Z' };
        await store.putVerdicts([verdict, { ...verdict, sourceKey: 'other' }]);
        await store.putVerdicts([{ ...verdict, model: 'm2', verdict: 'voert-uit', verifiedAt: '2026-12-02T10:00:00.000Z' }]);
        await store.ingest(batch({ decisions: [sampleDecision({ title: 'Gewijzigd' })], derive: () => [] }));
        assert.deepEqual(await store.verdicts(), [
          { ...verdict, model: 'm2', verdict: 'voert-uit', verifiedAt: '2026-12-02T10:00:00.000Z' },
          { ...verdict, sourceKey: 'other' },
        ].sort((a, b) => a.sourceKey.localeCompare(b.sourceKey)));
      } finally {
        await store.close();
      }
    });

    test('embeddings survive a re-ingest', async () => {
      const store = await open();
      try {
        await store.ingest(batch({ derive: () => [{ name: 'x', data: new Uint8Array([1]) }] }));
        await store.putEmbeddings('m', [{ docId: sampleDecision().id, textHash: 'h', vector: Float32Array.from([1, 0]) }]);
        await store.ingest(batch({ decisions: [sampleDecision({ title: 'Gewijzigd' })], derive: () => [] }));
        assert.deepEqual([...(await store.embeddingKeys('m')).keys()], [sampleDecision().id]);
      } finally {
        await store.close();
      }
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'beloftemeter-store-'));
let files = 0;
storeContract('SQLite', async () => openSqliteStore(join(dir, `index-${files++}.db`)));

let server: PostgresServer;
let databases = 0;
before(async () => {
  server = await startPostgres();
});
after(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});
storeContract('PostgreSQL', async () => {
  // A fresh database per test keeps the contract tests independent.
  const name = `t${databases++}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openPostgresStore(server.url.replace(/\/postgres$/, `/${name}`));
});

test('SQLite refuses an index written by a newer schema', async () => {
  const path = join(dir, 'future.db');
  const store = openSqliteStore(path);
  await store.close();
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(path);
  raw.pragma('user_version = 99');
  raw.close();
  assert.throws(() => openSqliteStore(path), /schema version 99, newer than this program/);
});

test('an index of an older schema is migrated by a reading command when it may write it, and refused read-only', async () => {
  const path = join(dir, 'older.db');
  const store = openSqliteStore(path);
  await store.ingest(batch());
  await store.close();
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(path);
  const current = raw.pragma('user_version', { simple: true }) as number;
  // The last migration only concerns PostgreSQL (a trigger): running it again on SQLite is harmless.
  raw.pragma(`user_version = ${current - 1}`);
  raw.close();
  assert.throws(() => openSqliteStore(path, { readonly: true }), (error: Error) => error instanceof OlderSchemaError && /expected \d+: run ingest again/.test(error.message));
  const reader = await openConfiguredStore({ db: path, forWriting: false }, {});
  assert.ok((await reader.counts()).sections > 0, 'read after migrating');
  await reader.close();
  const check = new Database(path, { readonly: true });
  assert.equal(check.pragma('user_version', { simple: true }), current);
  check.close();
});

test('a damaged derived structure is refused with the instruction to ingest again', async () => {
  const path = join(dir, 'damaged-derived.db');
  const store = openSqliteStore(path);
  await store.ingest(batch({ derive: () => [{ name: 'search-index', data: new Uint8Array(4096).fill(7) }] }));
  assert.equal((await store.derived('search-index'))?.length, 4096);
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(path);
  const data = Buffer.from(new Uint8Array(4096).fill(7));
  data[2048] = 8; // one byte inside
  raw.prepare('UPDATE derived SET data = ? WHERE name = ?').run(data, 'search-index');
  raw.close();
  await assert.rejects(store.derived('search-index'), /^RuntimeFailure: index beschadigd: voer ingest opnieuw uit/);
  await store.close();
});

test('vectors are stored as Float32 little-endian, and a damaged one is named', async () => {
  assert.deepEqual([...vectorToBytes(Float32Array.from([1, -2]))], [0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]);
  const path = join(dir, 'damaged.db');
  const store = openSqliteStore(path);
  await store.putEmbeddings('m', [{ docId: 'doc-1', textHash: 'h', vector: Float32Array.from([1, 2, 3]) }]);
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(path);
  raw.prepare('UPDATE embeddings SET vector = ?').run(Buffer.alloc(5));
  raw.close();
  await assert.rejects(store.embeddings('m'), /stored vector of doc-1 is damaged: 5 bytes for 3 dimensions/);
  await store.close();
});
