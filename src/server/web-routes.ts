// The web app: one HTML page for every app path (path routing, so deep links
// like /sectie/justitie/3.4 work) plus its static assets.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from './errors.js';
import type { StaticFile } from './static-files.js';

/** Paths the client-side router knows; each gets the app shell. */
export const APP_PATHS = ['/', '/sectie/*', '/document/*', '/zoeken', '/vragen'];

export function registerWebRoutes(app: FastifyInstance, files: ReadonlyMap<string, StaticFile>): void {
  const send = (reply: FastifyReply, file: StaticFile) =>
    reply.type(file.contentType).header('cache-control', 'no-cache').send(file.body);

  const shell = files.get('/index.html');
  if (!shell) throw new Error('the web app has no index.html');
  for (const path of APP_PATHS) app.get(path, async (_request, reply) => send(reply, shell));

  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const file = files.get(`/assets/${request.params['*']}`);
    if (!file) throw new NotFoundError('onbekend bestand');
    return send(reply, file);
  });
}
