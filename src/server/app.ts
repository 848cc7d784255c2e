// The HTTP server as a Fastify instance, answering from the data generation it
// is given (tests inject requests into it; `startServer` makes it listen and
// follows new generations).
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Answerer, Generator } from '../report/generator.js';
import { registerApiRoutes } from './api-routes.js';
import { registerEditorialRoutes } from './editorial-routes.js';
import type { AddressLimiter } from '../editor/login-limit.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../editor/sessions.js';
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
  /** Whether a request's Host header names this server (default: any; startServer passes hostChecker). */
  allowHost?: (host: string) => boolean;
  /** Where server errors are logged (default stderr). */
  log?: (message: string) => void;
  staticFiles?: ReadonlyMap<string, StaticFile>;
  /** Makes the server show its own writes (a review) at once; startServer passes its follower's check. */
  refresh?: () => Promise<void>;
  /** Trust X-Forwarded-* from a reverse proxy (client address for login limits, https for Secure cookies). */
  trustProxy?: boolean;
  /** Failed logins allowed per client address (tests set their own). */
  loginLimiter?: AddressLimiter;
}

/** Headers every response carries, errors of the framework itself included. */
function securityHeaders(reply: FastifyReply): void {
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
}

/** The methods of every page and reading route (the editors' routes also take POST). */
export const ALLOWED_METHODS = 'GET, HEAD';

export function buildServer(options: ServerOptions): FastifyInstance {
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const allowHost = options.allowHost ?? (() => true);
  const app = Fastify({
    logger: false,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 1000 },
    // An unknown parameter is refused (a misspelt filter must not silently return everything), not stripped.
    ajv: { customOptions: { removeAdditional: false } },
    bodyLimit: 16 * 1024,
    // A URL the router cannot even decode: the app's own error shape and headers, and the URL is not echoed.
    frameworkErrors: (error, _request, generic) => {
      const reply = generic as unknown as FastifyReply;
      securityHeaders(reply);
      reply.code(400).send({ error: error.code === 'FST_ERR_BAD_URL' ? 'ongeldige URL' : 'ongeldig verzoek' });
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    // DNS rebinding: a page elsewhere must not reach this server under a name it does not answer to.
    if (!allowHost(request.headers.host ?? '')) {
      reply.code(403).send({ error: 'onbekende host: deze server antwoordt alleen op zijn eigen adres' });
      return reply;
    }
    if (request.url.length > MAX_URL_CHARS) {
      reply.code(414).send({ error: `de URL is te lang (${request.url.length} tekens, hoogstens ${MAX_URL_CHARS})` });
      return reply;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.routeOptions.url === undefined) {
      reply.code(405).header('allow', ALLOWED_METHODS).send({ error: `methode ${request.method.slice(0, 20)} is hier niet toegestaan (wel: ${ALLOWED_METHODS})` });
      return reply;
    }
  });
  app.addHook('onSend', async (_request, reply) => securityHeaders(reply));
  const files = options.staticFiles ?? loadStaticFiles();
  const shell = files.get('/index.html');
  if (!shell) throw new Error('the web app has no index.html');
  installErrorHandling(app, log, shell);

  // The OpenAPI description is generated from the very schemas that validate requests: the routes
  // are registered after the plugin, so it sees every one of them.
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Beloftemeter API',
        version: '1',
        description:
          'Voortgang van het regeerakkoord: secties, rapporten, beloften met status en bronnen, zoeken en vragen (GET, zonder aanmelding). ' +
          'Redactie (tag "redactie"): aanmelden, beloften beoordelen, de beoordelingswachtrij en accounts; elke POST vraagt een sessiecookie en de kop x-csrf-token.',
      },
      components: {
        securitySchemes: {
          sessie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'gezet door POST /api/login' },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'het csrfToken uit POST /api/login of GET /api/session' },
        },
      },
    },
  });
  void app.register(async (routes) => {
    registerApiRoutes(routes, {
      data: options.data,
      generator: options.generator,
      answerer: options.answerer,
    });
    registerEditorialRoutes(routes, {
      data: options.data,
      refresh: options.refresh ?? (async () => {}),
      loginLimiter: options.loginLimiter,
    });
    routes.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    registerWebRoutes(routes, files, options.data);
  });
  return app;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Which Host headers a server bound to `bindHost` answers: with a loopback
 * bind, only loopback names (any port); otherwise the bind address; plus the
 * configured names. A server bound to every interface with no names configured
 * answers any Host (it is reachable under names it cannot know).
 */
export function hostChecker(bindHost: string, allowed: readonly string[] = []): (host: string) => boolean {
  const names = new Set(allowed.map((name) => name.toLowerCase()));
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::';
  const bindName = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  return (header) => {
    const host = header.toLowerCase().replace(/:\d+$/, '');
    if (names.has(host) || names.has(header.toLowerCase())) return true;
    if (LOOPBACK_NAMES.has(bindHost) || bindHost === 'localhost') return LOOPBACK_NAMES.has(host);
    if (wildcard) return names.size === 0 || LOOPBACK_NAMES.has(host);
    return host === bindName.toLowerCase() || LOOPBACK_NAMES.has(host);
  };
}
