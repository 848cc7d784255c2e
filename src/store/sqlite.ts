import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { InputError, RuntimeFailure } from '../errors.js';
import { defaultWriterTurn, takeTurn, type WriterTurn } from './writer.js';
import type { IngestIssue } from '../model/documents.js';
import {
  decisionColumns, decisionToRow, parliamentColumns, parliamentToRow, rowToDecision, rowToParliament,
  SECTION_KEY, checkedDerived, derivedChecksum, reviewColumns, reviewState, reviewToRow, rowToActiveSession, stateAfter, rowToAuditRecord,
  rowToReview, rowToSection, rowToUser, sectionColumns, sectionToRow, toVerdict,
} from './rows.js';
import { REVIEW_GENERATION } from './editorial.js';
import { schemaMigrations } from './schema.js';
import { shouldDerive, type DocumentCounts, type EmbeddingKey, type IngestBatch, type IngestRun, type Store } from './store.js';
import { bytesToVector, vectorToBytes } from './vectors.js';

type Row = Record<string, unknown>;

const migrations = schemaMigrations('sqlite');


function upsertSql(table: string, columns: readonly string[], key: readonly string[] = ['id']): string {
  const updates = columns.filter((c) => !key.includes(c));
  // The WHERE clause makes an identical re-ingest a no-op that reports 0 changes.
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}
    WHERE ${updates.map((c) => `${table}.${c} IS NOT excluded.${c}`).join(' OR ')}`;
}

function migrate(db: Database.Database, path: string): void {
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  if (version() > migrations.length) {
    throw new RuntimeFailure(`${path} has schema version ${version()}, newer than this program's ${migrations.length}: upgrade beloftemeter`);
  }
  if (version() === migrations.length) return;
  // IMMEDIATE, and the version read again under the lock: two processes opening a new file together migrate it once.
  db.transaction(() => {
    for (let v = version(); v < migrations.length; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

/** A read-only open of an index an older version of the program wrote: opened for writing, it would be migrated. */
export class OlderSchemaError extends RuntimeFailure {}

export interface OpenSqliteOptions {
  /** Open an existing file read-only; fail when it does not exist. */
  readonly?: boolean;
  /** How a write waits for another writer (default: ten minutes, silently). */
  writer?: WriterTurn;
}

/** How long a statement waits for a lock SQLite holds only briefly (a checkpoint). */
const BUSY_TIMEOUT_MS = 5000;

// URI file names, so that an index in a folder this process cannot write can be opened `immutable`
// (a WAL database otherwise needs to create its -shm file). Read once, when the native module loads.
process.env.SQLITE_USE_URI ??= '1';

/** A WAL index whose side files cannot be made (a read-only folder or medium) is opened as immutable. */
function needsImmutable(path: string): boolean {
  const folder = dirname(path);
  if (existsSync(`${path}-shm`)) return false;
  try {
    accessSync(folder, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

export function openSqliteStore(path: string, options: OpenSqliteOptions = {}): Store {
  if (!options.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    const immutable = options.readonly === true && path !== ':memory:' && needsImmutable(path);
    const name = immutable ? `file:${encodeURI(resolve(path)).replace(/\?/g, '%3F').replace(/#/g, '%23')}?immutable=1` : path;
    if (immutable && !existsSync(path)) throw new Error(`${path} does not exist`);
    db = new Database(name, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new RuntimeFailure(`cannot open the index ${path}: ${(error as Error).message}`);
  }
  if (!options.readonly) {
    // WAL: readers keep seeing the previous index while an ingest writes the next one.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, path);
  } else {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== migrations.length) {
      db.close();
      const message = `${path} has schema version ${version}, expected ${migrations.length}: run ingest again`;
      throw version < migrations.length ? new OlderSchemaError(message) : new RuntimeFailure(message);
    }
  }

  const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = (): DocumentCounts => ({
    sections: count('sections'),
    decisions: count('decisions'),
    parliament: count('parliament'),
  });

  const allSections = (agreement?: string) =>
    (agreement
      ? (db.prepare('SELECT * FROM sections WHERE agreement = ? ORDER BY ord').all(agreement) as Row[])
      : (db.prepare('SELECT * FROM sections ORDER BY agreement, ord').all() as Row[])
    ).map(rowToSection);
  const allDecisions = () =>
    (db.prepare('SELECT * FROM decisions ORDER BY meeting_date, id').all() as Row[]).map(rowToDecision);
  const allParliament = () =>
    (db.prepare('SELECT * FROM parliament ORDER BY date, id').all() as Row[]).map(rowToParliament);

  const toRun = (r: Row | undefined): IngestRun | null =>
    r
      ? {
          id: Number(r.id),
          finishedAt: String(r.finished_at),
          counts: JSON.parse(String(r.counts)) as DocumentCounts,
          written: JSON.parse(String(r.written)) as DocumentCounts,
          issues: JSON.parse(String(r.issues)) as IngestIssue[],
        }
      : null;

  const newGeneration = (reason: string, at: string) => db.prepare('INSERT INTO generations (committed_at, reason) VALUES (?, ?)').run(at, reason);

  // BEGIN IMMEDIATE takes the database's write lock; a writer that finds it taken waits its turn without blocking the event loop.
  const tryBegin = (): boolean => {
    db.pragma('busy_timeout = 50');
    try {
      db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    } finally {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  };
  const writeTransaction = async <T>(work: () => T): Promise<T> => {
    await takeTurn(tryBegin, options.writer ?? defaultWriterTurn);
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };

  const store: Store = {
    kind: 'sqlite',

    async ingest(batch: IngestBatch) {
      const upsertSection = db.prepare(upsertSql('sections', sectionColumns, SECTION_KEY));
      // Sections the agreement no longer has (a re-parsed PDF) are removed; unchanged ones are left alone.
      const removeOtherSections = db.prepare('DELETE FROM sections WHERE agreement = ? AND id NOT IN (SELECT value FROM json_each(?))');
      const upsertDecision = db.prepare(upsertSql('decisions', decisionColumns));
      const upsertParliament = db.prepare(upsertSql('parliament', parliamentColumns));
      return writeTransaction((): IngestRun => {
        const written: DocumentCounts = { sections: 0, decisions: 0, parliament: 0 };
        for (const { agreement, sections } of batch.agreements) {
          written.sections += removeOtherSections.run(agreement, JSON.stringify(sections.map((s) => s.id))).changes;
          for (const section of sections) written.sections += upsertSection.run(sectionToRow(section)).changes;
        }
        for (const decision of batch.decisions) written.decisions += upsertDecision.run(decisionToRow(decision)).changes;
        for (const doc of batch.parliament) written.parliament += upsertParliament.run(parliamentToRow(doc)).changes;
        const derives = Boolean(batch.derive) && shouldDerive(batch, written, count('derived') > 0);
        if (batch.derive && derives) {
          const corpus = { sections: allSections(), decisions: allDecisions(), parliament: allParliament() };
          const builtAt = new Date().toISOString();
          const putDerived = db.prepare('INSERT OR REPLACE INTO derived (name, data, built_at, checksum) VALUES (?, ?, ?, ?)');
          db.prepare('DELETE FROM derived').run();
          for (const blob of batch.derive(corpus)) putDerived.run(blob.name, Buffer.from(blob.data), builtAt, derivedChecksum(blob.data));
        }
        const finishedAt = new Date().toISOString();
        if (derives || written.sections + written.decisions + written.parliament > 0) newGeneration('ingest', finishedAt);
        const totals = counts();
        const info = db
          .prepare('INSERT INTO ingest_runs (finished_at, counts, written, issues) VALUES (?, ?, ?, ?)')
          .run(finishedAt, JSON.stringify(totals), JSON.stringify(written), JSON.stringify(batch.issues));
        return { id: Number(info.lastInsertRowid), finishedAt, counts: totals, written, issues: batch.issues };
      });
    },

    async counts() {
      return counts();
    },

    async sections(agreement?: string) {
      return allSections(agreement);
    },

    async section(id: string, agreement?: string) {
      const row = (
        agreement
          ? db.prepare('SELECT * FROM sections WHERE agreement = ? AND id = ?').get(agreement, id)
          : db.prepare('SELECT * FROM sections WHERE id = ? ORDER BY agreement DESC LIMIT 1').get(id)
      ) as Row | undefined;
      return row ? rowToSection(row) : null;
    },

    async agreements() {
      return (db.prepare('SELECT agreement, count(*) AS n FROM sections GROUP BY agreement ORDER BY agreement').all() as Row[]).map((r) => ({
        agreement: String(r.agreement),
        sections: Number(r.n),
      }));
    },

    async decision(id: string) {
      const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as Row | undefined;
      return row ? rowToDecision(row) : null;
    },

    async decisions(ids?: readonly string[]) {
      if (!ids) return allDecisions();
      const byId = db.prepare('SELECT * FROM decisions WHERE id = ?');
      return ids.flatMap((id) => {
        const row = byId.get(id) as Row | undefined;
        return row ? [rowToDecision(row)] : [];
      });
    },

    async newestMeetingDate() {
      const row = db.prepare('SELECT max(meeting_date) AS newest FROM decisions').get() as { newest: string | null };
      return row.newest;
    },

    async parliamentDocument(id: string) {
      const row = db.prepare('SELECT * FROM parliament WHERE id = ?').get(id) as Row | undefined;
      return row ? rowToParliament(row) : null;
    },

    async parliamentDocuments(ids?: readonly string[]) {
      if (!ids) return allParliament();
      const byId = db.prepare('SELECT * FROM parliament WHERE id = ?');
      return ids.flatMap((id) => {
        const row = byId.get(id) as Row | undefined;
        return row ? [rowToParliament(row)] : [];
      });
    },

    async lastIngest() {
      return toRun(db.prepare('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as Row | undefined);
    },

    async derived(name: string) {
      const row = db.prepare('SELECT data, checksum FROM derived WHERE name = ?').get(name) as { data: Buffer; checksum: string | null } | undefined;
      return row ? checkedDerived(name, row.data, row.checksum) : null;
    },

    async putEmbeddings(model, embeddings) {
      const put = db.prepare(
        `INSERT INTO embeddings (model, doc_id, dims, text_hash, vector, embedded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (model, doc_id) DO UPDATE SET dims = excluded.dims, text_hash = excluded.text_hash,
           vector = excluded.vector, embedded_at = excluded.embedded_at`,
      );
      const embeddedAt = new Date().toISOString();
      await writeTransaction(() => {
        for (const e of embeddings) put.run(model, e.docId, e.vector.length, e.textHash, vectorToBytes(e.vector), embeddedAt);
      });
    },

    async embeddingKeys(model) {
      const rows = db.prepare('SELECT doc_id, text_hash, dims FROM embeddings WHERE model = ?').all(model) as Row[];
      return new Map(rows.map((r): [string, EmbeddingKey] => [String(r.doc_id), { textHash: String(r.text_hash), dims: Number(r.dims) }]));
    },

    async embeddings(model) {
      const rows = db.prepare('SELECT doc_id, text_hash, dims, vector FROM embeddings WHERE model = ? ORDER BY doc_id').all(model) as Row[];
      return rows.map((r) => ({ docId: String(r.doc_id), textHash: String(r.text_hash), vector: bytesToVector(r.vector as Buffer, Number(r.dims), String(r.doc_id)) }));
    },

    async putVerdicts(verdicts) {
      const put = db.prepare(
        `INSERT INTO verdicts (commitment_hash, source_key, model, verdict, verified_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (commitment_hash, source_key) DO UPDATE SET model = excluded.model, verdict = excluded.verdict,
           verified_at = excluded.verified_at`,
      );
      await writeTransaction(() => {
        for (const v of verdicts) put.run(v.commitmentHash, v.sourceKey, v.model, v.verdict, v.verifiedAt);
        if (verdicts.length) newGeneration('verify', new Date().toISOString());
      });
    },

    async generation() {
      return (db.prepare('SELECT coalesce(max(id), 0) AS g FROM generations').get() as { g: number }).g;
    },

    async verdicts() {
      const rows = db.prepare('SELECT * FROM verdicts ORDER BY commitment_hash, source_key').all() as Row[];
      return rows.map(toVerdict);
    },

    async addUser(user) {
      await writeTransaction(() => {
        if (db.prepare('SELECT 1 FROM users WHERE name = ?').get(user.name)) throw new InputError(`er bestaat al een gebruiker "${user.name}"`);
        db.prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(user.name, user.role, user.passwordHash, user.createdAt);
      });
    },

    async users() {
      return (db.prepare('SELECT * FROM users ORDER BY name').all() as Row[]).map(rowToUser);
    },

    async user(name) {
      const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined;
      return row ? rowToUser(row) : null;
    },

    async setUserDisabled(name, disabledAt) {
      return writeTransaction(() => {
        const changed = db.prepare('UPDATE users SET disabled_at = ? WHERE name = ?').run(disabledAt, name).changes > 0;
        if (disabledAt) db.prepare('DELETE FROM sessions WHERE user_name = ?').run(name);
        return changed;
      });
    },

    async setLoginFailures(name, failedLogins, lockedUntil) {
      await writeTransaction(() => db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE name = ?').run(failedLogins, lockedUntil, name));
    },

    async setPassword(name, passwordHash) {
      return writeTransaction(() => {
        const changed = db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?').run(passwordHash, name).changes > 0;
        db.prepare('DELETE FROM sessions WHERE user_name = ?').run(name);
        return changed;
      });
    },

    async createSession(session) {
      await writeTransaction(() => {
        db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(session.createdAt);
        db.prepare('INSERT INTO sessions (id_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
          session.idHash, session.userName, session.csrfToken, session.createdAt, session.expiresAt,
        );
      });
    },

    async session(idHash, now) {
      const row = db
        .prepare('SELECT s.*, u.role, u.disabled_at FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id_hash = ? AND s.expires_at > ?')
        .get(idHash, now) as Row | undefined;
      return row ? rowToActiveSession(row) : null;
    },

    async deleteSession(idHash) {
      await writeTransaction(() => db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash));
    },

    async reviews(agreement) {
      return (db.prepare('SELECT * FROM reviews WHERE agreement = ? ORDER BY section_id, commitment_hash').all(agreement) as Row[]).map(rowToReview);
    },

    async changeReview(change) {
      const { key } = change;
      const where = [key.agreement, key.sectionId, key.commitmentHash];
      return writeTransaction(() => {
        const row = db.prepare('SELECT * FROM reviews WHERE agreement = ? AND section_id = ? AND commitment_hash = ?').get(...where) as Row | undefined;
        const current = row ? rowToReview(row) : null;
        if ((current?.revision ?? null) !== change.expectedRevision) return { conflict: current };
        const logged = db
          .prepare('INSERT INTO review_log (agreement, section_id, commitment_hash, user_name, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(...where, change.user, change.at, current ? JSON.stringify(reviewState(current)) : null, JSON.stringify(stateAfter(change)));
        const revision = Number(logged.lastInsertRowid);
        if (change.review) {
          db.prepare(`INSERT OR REPLACE INTO reviews (${reviewColumns.join(', ')}) VALUES (${reviewColumns.map(() => '?').join(', ')})`).run(...reviewToRow(change.review, revision));
        } else {
          db.prepare('DELETE FROM reviews WHERE agreement = ? AND section_id = ? AND commitment_hash = ?').run(...where);
        }
        return { revision, generation: Number(newGeneration(REVIEW_GENERATION, change.at).lastInsertRowid) };
      });
    },

    async reviewLog(key) {
      return (
        db.prepare('SELECT * FROM review_log WHERE agreement = ? AND section_id = ? AND commitment_hash = ? ORDER BY id').all(key.agreement, key.sectionId, key.commitmentHash) as Row[]
      ).map(rowToAuditRecord);
    },

    async generationReasons(after) {
      return (db.prepare('SELECT reason FROM generations WHERE id > ? ORDER BY id').all(after) as Row[]).map((r) => String(r.reason));
    },

    async close() {
      db.close();
    },
  };
  return store;
}
