// `beloftemeter serve`: open the store, load the newest data generation
// (context and overview) before listening, then follow new generations: after
// an ingest, update or verify commits, the server answers from the new data
// within one poll interval.
import type { FastifyInstance } from 'fastify';
import { openConfiguredStore, type StoreOptions } from '../cli/config.js';
import type { Answerer, Generator } from '../report/generator.js';
import { queryEmbeddingsFromEnv } from '../search/embeddings/retriever.js';
import { buildServer, hostChecker } from './app.js';
import { followGenerations, loadServedData, warmReports, type EmbeddingsLoader, type Follower } from './served-data.js';

export interface StartOptions extends StoreOptions {
  host: string;
  port: number;
  generator: Generator;
  answerer: Answerer;
  /** How often the store is asked for a newer generation (default 2000 ms). */
  reloadIntervalMs?: number;
  /** Trust X-Forwarded-* headers from a reverse proxy in front of the server. */
  trustProxy?: boolean;
  /** Host names the server also answers to, besides its bind address (see hostChecker). */
  allowedHosts?: readonly string[];
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  data: Follower;
  /** Milliseconds: opening the store + loading the data, and until listening. */
  timings: { loadMs: number; listenMs: number };
  close(): Promise<void>;
}

export const DEFAULT_RELOAD_INTERVAL_MS = 2000;
/** How long an editor's save waits for an ingest or update to finish before the server answers 503. */
export const SERVER_WRITER_TIMEOUT_MS = 30_000;

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const started = performance.now();
  // Writable when it can be (editors' reviews and logins are written), read-only in a read-only folder.
  const store = await openConfiguredStore({ db: options.db, forWriting: 'existing', writerTimeoutMs: SERVER_WRITER_TIMEOUT_MS });
  try {
    const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
    const embeddings: EmbeddingsLoader = (context) => queryEmbeddingsFromEnv(store, context.search.index, (message) => log(`waarschuwing: ${message}`));
    const initial = await loadServedData(store, { embeddings, agreement: options.agreement });
    const loadMs = performance.now() - started;
    // With the extractive generator every report of a generation is rendered in the background, so serving one is a read.
    const warm = options.generator.name === 'extractive';
    let data: Follower;
    data = followGenerations(store, initial, {
      intervalMs: options.reloadIntervalMs ?? DEFAULT_RELOAD_INTERVAL_MS,
      log,
      embeddings,
      agreement: options.agreement,
      onServe: (served) => {
        if (warm) void warmReports(served, options.generator, () => data === undefined || data.current() === served);
      },
    });
    await data.listen();
    const app = buildServer({
      data: data.current,
      generator: options.generator,
      answerer: options.answerer,
      allowHost: hostChecker(options.host, options.allowedHosts),
      refresh: () => data.check(),
      trustProxy: options.trustProxy,
      log,
    });
    try {
      await app.listen({ host: options.host, port: options.port });
    } catch (error) {
      data.stop();
      throw error;
    }
    const listenMs = performance.now() - started;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host}:${port}`,
      app,
      data,
      timings: { loadMs: Math.round(loadMs), listenMs: Math.round(listenMs) },
      close() {
        closing ??= (async () => {
          data.stop();
          await app.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
