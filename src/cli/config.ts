import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, RuntimeFailure } from '../errors.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

export const DEFAULT_DB_PATH = '.beloftemeter/index.db';

/** The bundled data folder of this checkout, wherever the command is run from. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface StoreOptions {
  db?: string;
}

export function resolveDbPath(options: StoreOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.db ?? env.BELOFTEMETER_DB ?? DEFAULT_DB_PATH;
}

/**
 * Opens the configured store. `DATABASE_URL=postgres://...` selects PostgreSQL,
 * otherwise the SQLite file from --db / BELOFTEMETER_DB / the default path.
 */
export async function openConfiguredStore(
  options: StoreOptions & { forWriting: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Store> {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new InputError(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${url.split(':')[0]!.slice(0, 20)}:…"; unset it to use the SQLite file`);
    }
    const { openPostgresStore } = await import('../store/postgres.js');
    return openPostgresStore(url);
  }
  const path = resolveDbPath(options, env);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new InputError(`${path} is a folder, not an index file: pass the file's path, e.g. --db ${join(path, 'index.db')}`);
  }
  if (!options.forWriting && !existsSync(path)) {
    throw new RuntimeFailure(`no index at ${path}: run "beloftemeter ingest" first (or pass --db PATH)`);
  }
  return openSqliteStore(path, { readonly: !options.forWriting });
}

/** Opens the configured store for reading, runs `use`, and always closes it. */
export async function withStore<T>(program: { opts(): StoreOptions }, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore({ ...program.opts(), forWriting: false });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
