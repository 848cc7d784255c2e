import pg from 'pg';
import { InputError, RuntimeFailure, StoreUnavailableError, errorMessage } from '../errors.js';
import type { IngestIssue } from '../model/documents.js';
import {
  decisionColumns, decisionToRow, parliamentColumns, parliamentToRow, rowToDecision, rowToParliament,
  SECTION_KEY, checkedDerived, derivedChecksum, reviewColumns, reviewState, reviewToRow, rowToActiveSession, stateAfter, rowToAuditRecord,
  rowToReview, rowToSection, rowToUser, sectionColumns, sectionToRow, toVerdict,
} from './rows.js';
import { REVIEW_GENERATION } from './editorial.js';
import { GENERATIONS_CHANNEL, schemaMigrations } from './schema.js';
import { shouldDerive, type DocumentCounts, type EmbeddingKey, type IngestBatch, type IngestRun, type Store } from './store.js';
import { bytesToVector, vectorToBytes } from './vectors.js';
import { defaultWriterTurn, takeTurn, type WriterTurn } from './writer.js';
import { POSTGRES_DEFAULTS, type PostgresTimeouts } from './postgres-defaults.js';

export { POSTGRES_DEFAULTS, type PostgresTimeouts };

type Row = Record<string, unknown>;

const migrations = schemaMigrations('postgres');


/** Rows per INSERT statement: large enough to cut round trips, small enough for the 65535-parameter cap. */
const ROWS_PER_STATEMENT = 200;

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One migrator at a time when several web servers start together.
    await client.query('SELECT pg_advisory_xact_lock(7146520)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO schema_version VALUES (0)');
    if (version > migrations.length) {
      throw new RuntimeFailure(`the database has schema version ${version}, newer than this program's ${migrations.length}`);
    }
    for (; version < migrations.length; version++) await client.query(migrations[version]!);
    await client.query('UPDATE schema_version SET version = $1', [version]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function upsertRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  key: readonly string[] = ['id'],
): Promise<number> {
  const updates = columns.filter((c) => !key.includes(c));
  // The WHERE clause makes an identical re-ingest a no-op that reports 0 rows.
  const onConflict = ` ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}
          WHERE ${updates.map((c) => `${table}.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ')}`;
  let written = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk
      .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    const result = await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}${onConflict}`, chunk.flat());
    written += result.rowCount ?? 0;
  }
  return written;
}

export interface PostgresOptions {
  /** How a write waits for another writer (default: ten minutes, silently). */
  writer?: WriterTurn;
  timeouts?: Partial<PostgresTimeouts>;
}

/** Advisory lock key of the writer's turn (one writer per database). */
const WRITER_LOCK = 7146521;

/** Errors that say the database is not answering, rather than that a statement is wrong. */
function unavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (code === '57014' || code === '57P01' || code === '57P03' || code.startsWith('08') || /^E(CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|PIPE)$/.test(code))) return true;
  return /Query read timeout|timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(message ?? '');
}

/** The store with every failure to reach the database turned into a StoreUnavailableError (a server answers 503). */
function guarded(store: Store): Store {
  const wrapped: Record<string, unknown> = { kind: store.kind };
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      } catch (error) {
        if (!unavailable(error)) throw error;
        throw new StoreUnavailableError(`de PostgreSQL-databank antwoordt niet (${errorMessage(error)})`);
      }
    };
  }
  return wrapped as unknown as Store;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const timeouts = { ...POSTGRES_DEFAULTS, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString: url,
    max: timeouts.poolMax,
    connectionTimeoutMillis: timeouts.connectMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1000,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`cannot use the PostgreSQL database: ${(error as Error).message}`);
  }
  const writer = options.writer ?? defaultWriterTurn;

  const all = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as Row | undefined;
  // One transaction; with `turn`, after the writer's turn (anything that adds a generation must take it,
  // so that generations commit in the order of their ids).
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>, turn: boolean): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (turn) await takeTurn(async () => Boolean((await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [WRITER_LOCK])).rows[0]?.ok), writer);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  /** Adds a data generation inside the caller's transaction (which holds the writer's turn); its id. */
  const addGeneration = async (client: pg.PoolClient, reason: string, at: string): Promise<number> =>
    (await client.query<{ id: number }>('INSERT INTO generations (committed_at, reason) VALUES ($1, $2) RETURNING id', [at, reason])).rows[0]!.id;
  // Rows written in one transaction, ROWS_PER_STATEMENT per multi-row INSERT; `sql` gets the VALUES list.
  // With `generation`, the same transaction adds a data generation (running servers then reload).
  // Writers take turns here too (verify, embed), as on SQLite.
  const insertInOneTransaction = (sql: (values: string) => string, rows: readonly unknown[][], generation?: string) =>
    transaction(async (client) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const width = chunk[0]!.length;
        const values = chunk.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
        await client.query(sql(values), chunk.flat());
      }
      if (generation && rows.length) await addGeneration(client, generation, new Date().toISOString());
    }, true);
  const countsOf = async (q: (sql: string) => Promise<pg.QueryResult>): Promise<DocumentCounts> => {
    const { rows } = await q(
      `SELECT (SELECT count(*) FROM sections)::int AS sections, (SELECT count(*) FROM decisions)::int AS decisions,
              (SELECT count(*) FROM parliament)::int AS parliament`,
    );
    return rows[0] as DocumentCounts;
  };
  const sectionsSql = 'SELECT * FROM sections ORDER BY agreement, ord';
  const decisionsSql = 'SELECT * FROM decisions ORDER BY meeting_date, id';
  const parliamentSql = 'SELECT * FROM parliament ORDER BY date, id';

  return guarded({
    kind: 'postgres',

    async ingest(batch: IngestBatch): Promise<IngestRun> {
      // One writer at a time: two ingests both replacing the derived rows would collide.
      return transaction(async (client) => {
        const written: DocumentCounts = { sections: 0, decisions: 0, parliament: 0 };
        for (const { agreement, sections } of batch.agreements) {
          // Sections the agreement no longer has are removed; unchanged ones are left alone.
          const removed = await client.query('DELETE FROM sections WHERE agreement = $1 AND NOT (id = ANY($2))', [agreement, sections.map((s) => s.id)]);
          written.sections += (removed.rowCount ?? 0) + (await upsertRows(client, 'sections', sectionColumns, sections.map(sectionToRow), SECTION_KEY));
        }
        written.decisions = await upsertRows(client, 'decisions', decisionColumns, batch.decisions.map(decisionToRow));
        written.parliament = await upsertRows(client, 'parliament', parliamentColumns, batch.parliament.map(parliamentToRow));
        const hasDerived = (await client.query('SELECT 1 FROM derived LIMIT 1')).rowCount! > 0;
        const derives = Boolean(batch.derive) && shouldDerive(batch, written, hasDerived);
        if (batch.derive && derives) {
          const corpus = {
            sections: (await client.query(sectionsSql)).rows.map(rowToSection),
            decisions: (await client.query(decisionsSql)).rows.map(rowToDecision),
            parliament: (await client.query(parliamentSql)).rows.map(rowToParliament),
          };
          const builtAt = new Date().toISOString();
          await client.query('DELETE FROM derived');
          for (const blob of batch.derive(corpus)) {
            await client.query('INSERT INTO derived (name, data, built_at, checksum) VALUES ($1, $2, $3, $4)', [
              blob.name, Buffer.from(blob.data), builtAt, derivedChecksum(blob.data),
            ]);
          }
        }
        const counts = await countsOf((sql) => client.query(sql));
        const finishedAt = new Date().toISOString();
        if (derives || written.sections + written.decisions + written.parliament > 0) await addGeneration(client, 'ingest', finishedAt);
        const { rows } = await client.query<{ id: number }>(
          'INSERT INTO ingest_runs (finished_at, counts, written, issues) VALUES ($1, $2, $3, $4) RETURNING id',
          [finishedAt, JSON.stringify(counts), JSON.stringify(written), JSON.stringify(batch.issues)],
        );
        return { id: rows[0]!.id, finishedAt, counts, written, issues: batch.issues };
      }, true);
    },

    counts: () => countsOf((sql) => pool.query(sql)),

    async sections(agreement?: string) {
      const rows = agreement
        ? await all('SELECT * FROM sections WHERE agreement = $1 ORDER BY ord', [agreement])
        : await all(sectionsSql);
      return rows.map(rowToSection);
    },

    async section(id: string, agreement?: string) {
      const row = agreement
        ? await one('SELECT * FROM sections WHERE agreement = $1 AND id = $2', [agreement, id])
        : await one('SELECT * FROM sections WHERE id = $1 ORDER BY agreement DESC LIMIT 1', [id]);
      return row ? rowToSection(row) : null;
    },

    async agreements() {
      return (await all('SELECT agreement, count(*)::int AS n FROM sections GROUP BY agreement ORDER BY agreement COLLATE "C"')).map((r) => ({
        agreement: String(r.agreement),
        sections: Number(r.n),
      }));
    },

    async decision(id: string) {
      const row = await one('SELECT * FROM decisions WHERE id = $1', [id]);
      return row ? rowToDecision(row) : null;
    },

    async decisions(ids?: readonly string[]) {
      if (!ids) return (await all(decisionsSql)).map(rowToDecision);
      const rows = await all('SELECT * FROM decisions WHERE id = ANY($1)', [ids]);
      const byId = new Map(rows.map((r) => [String(r.id), rowToDecision(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async parliamentDocument(id: string) {
      const row = await one('SELECT * FROM parliament WHERE id = $1', [id]);
      return row ? rowToParliament(row) : null;
    },

    async newestMeetingDate() {
      const row = await one('SELECT max(meeting_date) AS newest FROM decisions', []);
      return row?.newest == null ? null : String(row.newest);
    },

    async parliamentDocuments(ids?: readonly string[]) {
      if (!ids) return (await all(parliamentSql)).map(rowToParliament);
      const rows = await all('SELECT * FROM parliament WHERE id = ANY($1)', [ids]);
      const byId = new Map(rows.map((r) => [String(r.id), rowToParliament(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async lastIngest() {
      const row = await one('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1', []);
      if (!row) return null;
      return {
        id: Number(row.id),
        finishedAt: String(row.finished_at),
        counts: row.counts as DocumentCounts,
        written: row.written as DocumentCounts,
        issues: row.issues as IngestIssue[],
      };
    },

    async derived(name: string) {
      const row = await one('SELECT data, checksum FROM derived WHERE name = $1', [name]);
      return row ? checkedDerived(name, row.data as Buffer, (row.checksum as string | null) ?? null) : null;
    },

    async putEmbeddings(model, embeddings) {
      const embeddedAt = new Date().toISOString();
      await insertInOneTransaction(
        (values) => `INSERT INTO embeddings (model, doc_id, dims, text_hash, vector, embedded_at) VALUES ${values}
           ON CONFLICT (model, doc_id) DO UPDATE SET dims = excluded.dims, text_hash = excluded.text_hash,
             vector = excluded.vector, embedded_at = excluded.embedded_at`,
        embeddings.map((e) => [model, e.docId, e.vector.length, e.textHash, vectorToBytes(e.vector), embeddedAt]),
      );
    },

    async embeddingKeys(model) {
      const rows = await all('SELECT doc_id, text_hash, dims FROM embeddings WHERE model = $1', [model]);
      return new Map(rows.map((r): [string, EmbeddingKey] => [String(r.doc_id), { textHash: String(r.text_hash), dims: Number(r.dims) }]));
    },

    async embeddings(model) {
      const rows = await all('SELECT doc_id, text_hash, dims, vector FROM embeddings WHERE model = $1 ORDER BY doc_id', [model]);
      return rows.map((r) => ({ docId: String(r.doc_id), textHash: String(r.text_hash), vector: bytesToVector(r.vector as Buffer, Number(r.dims), String(r.doc_id)) }));
    },

    async putVerdicts(verdicts) {
      await insertInOneTransaction(
        (values) => `INSERT INTO verdicts (commitment_hash, source_key, model, verdict, verified_at) VALUES ${values}
           ON CONFLICT (commitment_hash, source_key) DO UPDATE SET model = excluded.model, verdict = excluded.verdict,
             verified_at = excluded.verified_at`,
        verdicts.map((v) => [v.commitmentHash, v.sourceKey, v.model, v.verdict, v.verifiedAt]),
        'verify',
      );
    },

    async generation() {
      return Number((await one('SELECT coalesce(max(id), 0)::int AS g FROM generations', []))?.g ?? 0);
    },

    async verdicts() {
      return (await all('SELECT * FROM verdicts ORDER BY commitment_hash, source_key', [])).map(toVerdict);
    },

    async addUser(user) {
      const inserted = await pool.query(
        'INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING',
        [user.name, user.role, user.passwordHash, user.createdAt],
      );
      if (inserted.rowCount === 0) throw new InputError(`er bestaat al een gebruiker "${user.name}"`);
    },

    async users() {
      return (await all('SELECT * FROM users ORDER BY name COLLATE "C"')).map(rowToUser);
    },

    async user(name) {
      const row = await one('SELECT * FROM users WHERE name = $1', [name]);
      return row ? rowToUser(row) : null;
    },

    async setUserDisabled(name, disabledAt) {
      return transaction(async (client) => {
        const changed = ((await client.query('UPDATE users SET disabled_at = $1 WHERE name = $2', [disabledAt, name])).rowCount ?? 0) > 0;
        if (disabledAt) await client.query('DELETE FROM sessions WHERE user_name = $1', [name]);
        return changed;
      }, false);
    },

    async setLoginFailures(name, failedLogins, lockedUntil) {
      await pool.query('UPDATE users SET failed_logins = $1, locked_until = $2 WHERE name = $3', [failedLogins, lockedUntil, name]);
    },

    async setPassword(name, passwordHash) {
      return transaction(async (client) => {
        const changed = ((await client.query('UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE name = $2', [passwordHash, name])).rowCount ?? 0) > 0;
        await client.query('DELETE FROM sessions WHERE user_name = $1', [name]);
        return changed;
      }, false);
    },

    async createSession(session) {
      await transaction(async (client) => {
        await client.query('DELETE FROM sessions WHERE expires_at < $1', [session.createdAt]);
        await client.query('INSERT INTO sessions (id_hash, user_name, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
          session.idHash, session.userName, session.csrfToken, session.createdAt, session.expiresAt,
        ]);
      }, false);
    },

    async session(idHash, now) {
      const row = await one('SELECT s.*, u.role, u.disabled_at FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id_hash = $1 AND s.expires_at > $2', [idHash, now]);
      return row ? rowToActiveSession(row) : null;
    },

    async deleteSession(idHash) {
      await pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },

    async reviews(agreement) {
      return (await all('SELECT * FROM reviews WHERE agreement = $1 ORDER BY section_id COLLATE "C", commitment_hash', [agreement])).map(rowToReview);
    },

    async changeReview(change) {
      const { key } = change;
      const where = [key.agreement, key.sectionId, key.commitmentHash];
      return transaction(async (client) => {
        const row = (await client.query('SELECT * FROM reviews WHERE agreement = $1 AND section_id = $2 AND commitment_hash = $3 FOR UPDATE', where)).rows[0] as Row | undefined;
        const current = row ? rowToReview(row) : null;
        if ((current?.revision ?? null) !== change.expectedRevision) return { conflict: current };
        const logged = await client.query<{ id: number }>(
          'INSERT INTO review_log (agreement, section_id, commitment_hash, user_name, at, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
          [...where, change.user, change.at, current ? JSON.stringify(reviewState(current)) : null, JSON.stringify(stateAfter(change))],
        );
        const revision = logged.rows[0]!.id;
        if (change.review) {
          const placeholders = reviewColumns.map((_, i) => `$${i + 1}`).join(', ');
          const updates = reviewColumns.filter((c) => !['agreement', 'section_id', 'commitment_hash'].includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
          await client.query(
            `INSERT INTO reviews (${reviewColumns.join(', ')}) VALUES (${placeholders}) ON CONFLICT (agreement, section_id, commitment_hash) DO UPDATE SET ${updates}`,
            reviewToRow(change.review, revision),
          );
        } else {
          await client.query('DELETE FROM reviews WHERE agreement = $1 AND section_id = $2 AND commitment_hash = $3', where);
        }
        return { revision, generation: await addGeneration(client, REVIEW_GENERATION, change.at) };
      }, true);
    },

    async reviewLog(key) {
      return (
        await all('SELECT * FROM review_log WHERE agreement = $1 AND section_id = $2 AND commitment_hash = $3 ORDER BY id', [key.agreement, key.sectionId, key.commitmentHash])
      ).map(rowToAuditRecord);
    },

    async generationReasons(after) {
      return (await all('SELECT reason FROM generations WHERE id > $1 ORDER BY id', [after])).map((r) => String(r.reason));
    },

    async watchGenerations(onCommit) {
      let client: pg.Client | null = null;
      let stopped = false;
      // A dedicated connection (a pooled one may be handed to others); when it drops, it is made again.
      const connect = async (): Promise<void> => {
        const listener = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeouts.connectMs, keepAlive: true });
        listener.on('error', () => {});
        listener.on('notification', () => onCommit());
        listener.on('end', () => {
          if (!stopped) setTimeout(retry, 1000).unref();
        });
        await listener.connect();
        await listener.query(`LISTEN ${GENERATIONS_CHANNEL}`);
        client = listener;
        // Whatever was committed while no one listened.
        onCommit();
      };
      const retry = () => {
        if (!stopped) connect().catch(() => setTimeout(retry, 1000).unref());
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => {});
      };
    },

    async close() {
      await pool.end();
    },
  });
}
