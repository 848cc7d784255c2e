// PostgreSQL limits, apart from the driver, so the CLI can read them from the environment without loading pg.

/** Every wait on the database is bounded, so a frozen server costs a request seconds, not forever. */
export interface PostgresTimeouts {
  /** Opening a connection (and waiting for a free one in the pool). */
  connectMs: number;
  /** One statement, on the server (statement_timeout) and in the client (the answer must arrive). */
  statementMs: number;
  /** A transaction left idle by its client; an ingest computes its derived structures inside one, so this is long. */
  idleInTransactionMs: number;
  /** Connections per process. */
  poolMax: number;
}

export const POSTGRES_DEFAULTS: PostgresTimeouts = { connectMs: 5000, statementMs: 30_000, idleInTransactionMs: 600_000, poolMax: 4 };
