// The web app: one HTML page for every app path (path routing, so deep links
// like /sectie/justitie/3.4 work) plus its static assets.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from './errors.js';
import type { ServedData } from './served-data.js';
import type { StaticFile } from './static-files.js';

/** Paths the client-side router knows; each gets the app shell. */
export const APP_PATHS = ['/', '/document/*', '/zoeken', '/vragen', '/beloften', '/methode', '/inloggen', '/redactie'];

export function registerWebRoutes(app: FastifyInstance, files: ReadonlyMap<string, StaticFile>, data: () => ServedData): void {
  const send = (reply: FastifyReply, file: StaticFile) =>
    reply.type(file.contentType).header('cache-control', 'no-cache').send(file.body);

  const shell = files.get('/index.html');
  if (!shell) throw new Error('the web app has no index.html');
  // The pages are not part of the API description (/api/openapi.json).
  const page = { schema: { hide: true } };
  for (const path of APP_PATHS) app.get(path, page, async (_request, reply) => send(reply, shell));
  // A section or promise that does not exist is a 404 (the app shows its "niet gevonden" page), not a 200.
  app.get<{ Params: { '*': string } }>('/sectie/*', page, async (request, reply) => {
    return send(reply.code(data().sectionById.has(request.params['*']) ? 200 : 404), shell);
  });
  app.get<{ Params: { '*': string } }>('/belofte/*', page, async (request, reply) => {
    const path = request.params['*'];
    return send(reply.code((await data().promiseRow(path)) ? 200 : 404), shell);
  });

  app.get<{ Params: { '*': string } }>('/assets/*', page, async (request, reply) => {
    const file = files.get(`/assets/${request.params['*']}`);
    if (!file) throw notFound('onbekend bestand');
    return send(reply, file);
  });
}
