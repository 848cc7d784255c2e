// How failures become HTTP answers: bad input 400, a refusal its own status (HttpError), anything
// else 500 with a generic message (the details go to the log, not the client).
import type { FastifyError, FastifyInstance } from 'fastify';
import { InputError, StoreUnavailableError } from '../errors.js';
import { WriterBusyError } from '../store/writer.js';
import type { StaticFile } from './static-files.js';

/** A refusal with its HTTP status, and the headers or fields its answer carries besides `error`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { headers?: Record<string, string>; body?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new HttpError(404, message);
/** No session: log in first. */
export const unauthorized = (message: string) => new HttpError(401, message);
/** A session, but not allowed (no CSRF token, another origin, not an admin). */
export const forbidden = (message: string) => new HttpError(403, message);
/** Someone changed it meanwhile; `current` is what stands now. */
export const conflict = (message: string, current: unknown) => new HttpError(409, message, { body: { current } });
export const tooManyAttempts = (message: string, retryAfterSeconds: number) => new HttpError(429, message, { headers: { 'retry-after': String(retryAfterSeconds) } });

export const GENERIC_FAILURE = 'Er ging iets mis op de server; probeer het later opnieuw.';

const TYPE_NAMES: Record<string, string> = { integer: 'een geheel getal', number: 'een getal', boolean: 'true of false', string: 'tekst' };

/** A request schema's complaint (ajv) as a Dutch sentence naming the parameter. */
export function dutchValidationMessage(issue: { keyword: string; instancePath: string; params: Record<string, unknown> }): string {
  const name = `"${issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'de aanvraag'}"`;
  const { params } = issue;
  switch (issue.keyword) {
    case 'required':
      return `de parameter "${String(params.missingProperty)}" ontbreekt`;
    case 'additionalProperties':
      return `onbekende parameter "${String(params.additionalProperty).slice(0, 40)}"`;
    case 'maximum':
      return `${name} mag hoogstens ${String(params.limit)} zijn`;
    case 'minimum':
      return `${name} moet minstens ${String(params.limit)} zijn`;
    case 'maxLength':
      return `${name} mag hoogstens ${String(params.limit)} tekens lang zijn`;
    case 'minLength':
      return `${name} moet minstens ${String(params.limit)} ${params.limit === 1 ? 'teken' : 'tekens'} lang zijn`;
    case 'enum':
      return `${name} moet een van deze waarden zijn: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `${name} moet ${TYPE_NAMES[String(params.type)] ?? String(params.type)} zijn`;
    default:
      return `${name} heeft een ongeldige waarde`;
  }
}

export const INDEX_BUSY = 'De index wordt net bijgewerkt (ingest of update); probeer het over enkele seconden opnieuw. Er ging niets verloren.';

export const READ_ONLY_INDEX = 'Deze server draait op een alleen-lezen index: beoordelen en aanmelden kan hier niet.';

export const STORE_UNAVAILABLE = 'De databank antwoordt op dit moment niet; probeer het over enkele seconden opnieuw.';

export function installErrorHandling(app: FastifyInstance, log: (message: string) => void, appShell?: StaticFile): void {
  // Logged once per outage, not once per request.
  let unavailableLogged = false;
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.status).headers(error.extra.headers ?? {}).send({ error: error.message, ...error.extra.body });
    // An index opened read-only (a read-only folder): reading works, reviewing cannot.
    if ((error as { code?: string }).code === 'SQLITE_READONLY') return reply.code(503).send({ error: READ_ONLY_INDEX });
    // An ingest or update holds the index longer than a save waits: not an outage, a moment's patience.
    if (error instanceof WriterBusyError) return reply.code(503).header('retry-after', '10').send({ error: INDEX_BUSY });
    // The database is frozen or down: say so at once; the next request tries again (the pool reconnects).
    if (error instanceof StoreUnavailableError) {
      if (!unavailableLogged) log(`databank onbereikbaar: ${error.message}`);
      unavailableLogged = true;
      return reply.code(503).header('retry-after', '5').send({ error: STORE_UNAVAILABLE });
    }
    unavailableLogged = false;
    if (error instanceof InputError) return reply.code(400).send({ error: error.message });
    if (error.validation) {
      return reply.code(400).send({ error: `ongeldige invoer: ${error.validation.map(dutchValidationMessage).join('; ')}` });
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
