// One writer at a time per database: an ingest, update, verify or embed that
// finds another writer busy waits its turn (saying so once), and gives up
// with one clear line after a timeout. Readers never wait: SQLite's WAL and
// PostgreSQL's MVCC keep serving the last committed generation meanwhile.
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError } from '../errors.js';

export interface WriterTurn {
  /** How long to wait for another writer before giving up. */
  timeoutMs: number;
  /** Told once when this writer has to wait. */
  onWait: (message: string) => void;
}

export const DEFAULT_WRITER_TIMEOUT_MS = 600_000;
export const defaultWriterTurn: WriterTurn = { timeoutMs: DEFAULT_WRITER_TIMEOUT_MS, onWait: () => {} };

/** Another writer (an ingest, an update) kept the index for longer than this writer would wait. */
export class WriterBusyError extends StoreUnavailableError {}

export const WAITING_MESSAGE = 'wacht op een andere schrijver (ingest, update, verify of embed)…';
const POLL_MS = 200;

/** Retries `tryAcquire` until it succeeds, or throws after `turn.timeoutMs` (a WriterBusyError: a server answers 503). */
export async function takeTurn(tryAcquire: () => Promise<boolean> | boolean, turn: WriterTurn): Promise<void> {
  const started = Date.now();
  let told = false;
  for (;;) {
    if (await tryAcquire()) return;
    const waited = Date.now() - started;
    if (waited >= turn.timeoutMs) {
      throw new WriterBusyError(
        `een andere schrijver houdt de index al ${Math.round(waited / 1000)} s bezet; probeer het later opnieuw (of verhoog BELOFTEMETER_WRITER_TIMEOUT_MS)`,
      );
    }
    if (!told) {
      turn.onWait(WAITING_MESSAGE);
      told = true;
    }
    await sleep(Math.min(POLL_MS, turn.timeoutMs - waited));
  }
}
