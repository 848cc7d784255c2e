// The HTTP server as a Fastify instance, answering from the data generation it
// is given (tests inject requests into it; `startServer` makes it listen and
// follows new generations).
import Fastify, { type FastifyInstance } from 'fastify';
import type { Answerer, Generator } from '../report/generator.js';
import { registerApiRoutes } from './api-routes.js';
import { installErrorHandling } from './errors.js';
import type { ServedData } from './served-data.js';
import { loadStaticFiles, type StaticFile } from './static-files.js';
import { registerWebRoutes } from './web-routes.js';

/** Longer URLs are refused before any work: no legitimate request comes near it. */
export const MAX_URL_CHARS = 10_000;

/** Everything is served from this origin; no inline script or style, no frames, no plugins. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export interface ServerOptions {
  /** The data generation to answer from, taken once per request (see served-data.ts). */
  data: () => ServedData;
  generator: Generator;
  answerer: Answerer;
  /** Where server errors are logged (default stderr). */
  log?: (message: string) => void;
  staticFiles?: ReadonlyMap<string, StaticFile>;
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const app = Fastify({ logger: false, routerOptions: { maxParamLength: 1000 }, bodyLimit: 16 * 1024 });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_CHARS) {
      reply.code(414).send({ error: `de URL is te lang (${request.url.length} tekens, hoogstens ${MAX_URL_CHARS})` });
      return reply;
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  installErrorHandling(app, log);

  registerApiRoutes(app, {
    data: options.data,
    generator: options.generator,
    answerer: options.answerer,
  });
  registerWebRoutes(app, options.staticFiles ?? loadStaticFiles());
  return app;
}
