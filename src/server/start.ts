// `beloftemeter serve`: open the store and load the report context once, start
// listening, then compute the start page's overview in the background.
import type { FastifyInstance } from 'fastify';
import { openConfiguredStore, type StoreOptions } from '../cli/config.js';
import { loadReportContext } from '../report/context.js';
import type { Answerer, Generator } from '../report/generator.js';
import { queryEmbeddingsFromEnv } from '../search/embeddings/retriever.js';
import { buildServer } from './app.js';
import { startOverview, type OverviewJob } from './overview.js';

export interface StartOptions extends StoreOptions {
  host: string;
  port: number;
  generator: Generator;
  answerer: Answerer;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  overview: OverviewJob;
  /** Milliseconds: opening the store + loading the context, and until listening. */
  timings: { loadMs: number; listenMs: number };
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const started = performance.now();
  const store = await openConfiguredStore({ db: options.db, forWriting: false });
  try {
    const context = await loadReportContext(store);
    const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
    const embeddings = await queryEmbeddingsFromEnv(store, context.search.index, (message) => log(`waarschuwing: ${message}`));
    const loadMs = performance.now() - started;
    let overview: OverviewJob | null = null;
    const app = buildServer({
      context,
      generator: options.generator,
      answerer: options.answerer,
      overview: () => overview?.snapshot() ?? null,
      embeddings,
      log,
    });
    await app.listen({ host: options.host, port: options.port });
    const listenMs = performance.now() - started;
    overview = startOverview(context, log);
    const job = overview;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host}:${port}`,
      app,
      overview: job,
      timings: { loadMs: Math.round(loadMs), listenMs: Math.round(listenMs) },
      close() {
        closing ??= (async () => {
          job.stop();
          await job.finished;
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
