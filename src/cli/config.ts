import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, RuntimeFailure } from '../errors.js';
import { z } from 'zod';
import { parseEnv, wholeNumber } from '../env.js';
import { POSTGRES_DEFAULTS } from '../store/postgres-defaults.js';
import { OlderSchemaError, openSqliteStore } from '../store/sqlite.js';
import { DEFAULT_WRITER_TIMEOUT_MS, type WriterTurn } from '../store/writer.js';
import type { Store } from '../store/store.js';
import type { Output } from './output.js';

export const DEFAULT_DB_PATH = '.beloftemeter/index.db';

/** The bundled data folder of this checkout, wherever the command is run from. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface StoreOptions {
  db?: string;
  /** The agreement a command is about (see store/agreements.ts). */
  agreement?: string;
  /** Told once when a write has to wait for another writer. */
  onWriterWait?: (message: string) => void;
}

/** Limits on waiting for the database, from the environment (each variable named when its value is bad). */
export function storeLimitsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const schema = z.object({
    writerTimeoutMs: wholeNumber('BELOFTEMETER_WRITER_TIMEOUT_MS', 0, 86_400_000, DEFAULT_WRITER_TIMEOUT_MS),
    connectMs: wholeNumber('BELOFTEMETER_PG_CONNECT_TIMEOUT_MS', 100, 600_000, POSTGRES_DEFAULTS.connectMs),
    statementMs: wholeNumber('BELOFTEMETER_PG_STATEMENT_TIMEOUT_MS', 100, 3_600_000, POSTGRES_DEFAULTS.statementMs),
    idleInTransactionMs: wholeNumber('BELOFTEMETER_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS', 1000, 86_400_000, POSTGRES_DEFAULTS.idleInTransactionMs),
    poolMax: wholeNumber('BELOFTEMETER_PG_POOL_MAX', 1, 100, POSTGRES_DEFAULTS.poolMax),
  });
  return parseEnv(schema, {
    writerTimeoutMs: env.BELOFTEMETER_WRITER_TIMEOUT_MS,
    connectMs: env.BELOFTEMETER_PG_CONNECT_TIMEOUT_MS,
    statementMs: env.BELOFTEMETER_PG_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: env.BELOFTEMETER_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    poolMax: env.BELOFTEMETER_PG_POOL_MAX,
  });
}

export function resolveDbPath(options: StoreOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.db ?? env.BELOFTEMETER_DB ?? DEFAULT_DB_PATH;
}

/**
 * Opens the configured store. `DATABASE_URL=postgres://...` selects PostgreSQL,
 * otherwise the SQLite file from --db / BELOFTEMETER_DB / the default path.
 */
export async function openConfiguredStore(
  /**
   * `forWriting`: true creates the index when missing; `existing` needs an existing index and opens it
   * writable when its folder is (a server: reviews and logins), else read-only.
   * `writerTimeoutMs` caps how long a write waits for another writer.
   */
  options: StoreOptions & { forWriting: boolean | 'existing'; writerTimeoutMs?: number },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Store> {
  const limits = storeLimitsFromEnv(env);
  const { writerTimeoutMs: configured, ...timeouts } = limits;
  const writerTimeoutMs = options.writerTimeoutMs === undefined ? configured : Math.min(configured, options.writerTimeoutMs);
  const writer: WriterTurn = { timeoutMs: writerTimeoutMs, onWait: options.onWriterWait ?? (() => {}) };
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new InputError(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${url.split(':')[0]!.slice(0, 20)}:…"; unset it to use the SQLite file`);
    }
    const { openPostgresStore } = await import('../store/postgres.js');
    return openPostgresStore(url, { writer, timeouts });
  }
  const path = resolveDbPath(options, env);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new InputError(`${path} is a folder, not an index file: pass the file's path, e.g. --db ${join(path, 'index.db')}`);
  }
  if (options.forWriting !== true && !existsSync(path)) {
    throw new RuntimeFailure(`no index at ${path}: run "beloftemeter ingest" first (or pass --db PATH)`);
  }
  const readonly = options.forWriting === 'existing' ? !canWrite(path) : !options.forWriting;
  try {
    return openSqliteStore(path, { readonly, writer });
  } catch (error) {
    // An index of an older version is brought up to date by whoever may write it, a reading command included.
    if (error instanceof OlderSchemaError && readonly && canWrite(path)) return openSqliteStore(path, { readonly: false, writer });
    throw error;
  }
}

/** Whether this process may write the index file and create its side files (WAL) next to it. */
function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the configured store, runs `use`, and always closes it. For a command
 * that writes (`writing`), a missing SQLite index is created, a wait for
 * another writer is told on stderr, and an index this call created is removed
 * again when `use` fails: later commands must not take an empty file for an index.
 */
export async function withStore<T>(
  program: { opts(): StoreOptions },
  use: (store: Store) => Promise<T>,
  writing?: { out: Pick<Output, 'stderr'> },
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const options = program.opts();
  const creating = writing && !env.DATABASE_URL && !existsSync(resolveDbPath(options, env)) ? resolveDbPath(options, env) : null;
  const store = await openConfiguredStore(
    { ...options, forWriting: Boolean(writing), onWriterWait: writing ? (message) => writing.out.stderr(`${message}\n`) : undefined },
    env,
  );
  let done = false;
  try {
    const result = await use(store);
    done = true;
    return result;
  } finally {
    await store.close();
    if (!done && creating) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${creating}${suffix}`, { force: true });
  }
}
