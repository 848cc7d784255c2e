// How failures become HTTP answers: bad input 400, unknown ids 404, anything
// else 500 with a generic message (the details go to the log, not the client).
import type { FastifyError, FastifyInstance } from 'fastify';
import { InputError, StoreUnavailableError } from '../errors.js';
import type { StaticFile } from './static-files.js';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export const GENERIC_FAILURE = 'Er ging iets mis op de server; probeer het later opnieuw.';

export const STORE_UNAVAILABLE = 'De databank antwoordt op dit moment niet; probeer het over enkele seconden opnieuw.';

export function installErrorHandling(app: FastifyInstance, log: (message: string) => void, appShell?: StaticFile): void {
  // Logged once per outage, not once per request.
  let unavailableLogged = false;
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof NotFoundError) return reply.code(404).send({ error: error.message });
    // The database is frozen or down: say so at once; the next request tries again (the pool reconnects).
    if (error instanceof StoreUnavailableError) {
      if (!unavailableLogged) log(`databank onbereikbaar: ${error.message}`);
      unavailableLogged = true;
      return reply.code(503).header('retry-after', '5').send({ error: STORE_UNAVAILABLE });
    }
    unavailableLogged = false;
    if (error instanceof InputError) return reply.code(400).send({ error: error.message });
    if (error.validation) {
      return reply.code(400).send({ error: `ongeldige invoer: ${error.message}` });
    }
    // Fastify's own client errors (malformed URL, unsupported media type, ...) keep their status.
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: error.message });
    }
    log(`${request.method} ${request.url.slice(0, 200)} mislukt: ${error.stack ?? error.message}`);
    return reply.code(500).send({ error: GENERIC_FAILURE });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A person who follows a bad link gets the app, which shows its own "niet gevonden" page; programs get JSON.
    if (appShell && !path.startsWith('/api/') && !path.startsWith('/assets/')) {
      return reply.code(404).type(appShell.contentType).header('cache-control', 'no-cache').send(appShell.body);
    }
    reply.code(404).send({ error: `onbekende route: ${request.method} ${path.slice(0, 200)}` });
  });
}
