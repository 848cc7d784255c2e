// The editors' side of the API: logging in and out, reviewing a promise (its
// status, its evidence, a public and an internal note), the review queue and,
// for admins, the accounts. Every write needs a session (else 401), the
// session's CSRF token in a header and no foreign Origin (else 403); an
// editor who is not an admin cannot manage accounts (403).
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../errors.js';
import { addAccount, disableAccount, login } from '../editor/accounts.js';
import { addressLimiter, type AddressLimiter } from '../editor/login-limit.js';
import { MAX_PASSWORD_CHARS } from '../editor/passwords.js';
import { cleanNote, MAX_NOTE_CHARS, REVIEW_STATUSES } from '../editor/reviews.js';
import { csrfMatches, CSRF_HEADER, hashSessionId, newSession, SESSION_COOKIE, SESSION_HOURS } from '../editor/sessions.js';
import type { CommitmentStatus } from '../report/model.js';
import { ROLES, type ActiveSession, type EvidenceJudgement, type Role } from '../store/editorial.js';
import { conflict, forbidden, notFound, tooManyAttempts, unauthorized } from './errors.js';
import { statusLegend } from './overview.js';
import { reviewKeyOf, reviewQueue } from './promises.js';
import { statusLabel } from '../report/render/labels.js';
import type { ServedData } from './served-data.js';

export interface EditorialDeps {
  data: () => ServedData;
  /** Makes this server show a write at once (its own poll would take up to an interval). */
  refresh: () => Promise<void>;
  /** Failed logins per client address (default: 20 per 15 minutes). */
  loginLimiter?: AddressLimiter;
}

const wildcardParams = {
  type: 'object',
  properties: { '*': { type: 'string', minLength: 1, maxLength: 300 } },
  required: ['*'],
} as const;
const agreementQuery = { type: 'object', properties: { agreement: { type: 'string', minLength: 1, maxLength: 200 } }, additionalProperties: false } as const;

/** Notes may use the whole of MAX_NOTE_CHARS in any script: the body limit leaves room for 4 bytes a character. */
const REVIEW_BODY_LIMIT = 64 * 1024;

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'een minuut' : `${m} minuten`;
}

/** Whether a request's Origin (when it sends one) is this server itself. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** How the OpenAPI document says a route is authorised. */
const READS = { tags: ['redactie'], security: [{ sessie: [] }] };
const WRITES = { tags: ['redactie'], security: [{ sessie: [], csrf: [] }] };

/** Nothing an editor sees may stay in a shared cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

const FOREIGN_ORIGIN = 'verzoek van een andere website geweigerd';

export function registerEditorialRoutes(app: FastifyInstance, deps: EditorialDeps): void {
  const limiter = deps.loginLimiter ?? addressLimiter();
  void app.register(cookie);
  const store = () => deps.data().context.store;

  const cookieOptions = (request: FastifyRequest) =>
    ({ path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' }) as const;

  const currentSession = async (request: FastifyRequest): Promise<ActiveSession | null> => {
    const id = request.cookies[SESSION_COOKIE];
    if (!id || id.length > 200) return null;
    const session = await store().session(hashSessionId(id), new Date().toISOString());
    return session && !session.disabled ? session : null;
  };

  /** The session of a request that may act: 401 without one; for writes 403 without the CSRF token or from another origin. */
  const requireSession = async (request: FastifyRequest, options: { write: boolean; role?: Role }): Promise<ActiveSession> => {
    const session = await currentSession(request);
    if (!session) throw unauthorized('log eerst in als redacteur');
    if (options.write) {
      if (!sameOrigin(request.headers.origin, request.headers.host)) throw forbidden(FOREIGN_ORIGIN);
      const presented = request.headers[CSRF_HEADER];
      if (!csrfMatches(typeof presented === 'string' ? presented : undefined, session.csrfToken)) {
        throw forbidden('het CSRF-token ontbreekt of klopt niet: laad de pagina opnieuw');
      }
    }
    if (options.role === 'admin' && session.role !== 'admin') throw forbidden('alleen een beheerder mag accounts beheren');
    return session;
  };

  app.get('/api/session', { schema: { tags: ['redactie'] } }, async (request, reply) => {
    noStore(reply);
    const session = await currentSession(request);
    return session ? { user: { name: session.userName, role: session.role }, csrfToken: session.csrfToken } : { user: null, csrfToken: null };
  });

  app.post<{ Body: { name: string; password: string } }>(
    '/api/login',
    {
      schema: {
        tags: ['redactie'],
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_CHARS } },
          required: ['name', 'password'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      noStore(reply);
      // No logging in from another site either (it could log a reader in under the attacker's account).
      if (!sameOrigin(request.headers.origin, request.headers.host)) throw forbidden(FOREIGN_ORIGIN);
      const blocked = limiter.blockedFor(request.ip);
      if (blocked > 0) throw tooManyAttempts(`te veel mislukte aanmeldingen vanaf dit adres; probeer het over ${minutes(blocked)} opnieuw`, blocked);
      const result = await login(store(), request.body.name, request.body.password);
      if (!result.ok) {
        if (result.reason === 'locked') {
          throw tooManyAttempts(`te veel mislukte aanmeldingen voor dit account; probeer het over ${minutes(result.retryAfterSeconds)} opnieuw`, result.retryAfterSeconds);
        }
        limiter.failed(request.ip);
        throw unauthorized('gebruikersnaam of wachtwoord klopt niet');
      }
      // A new session id at every login: an id planted before the login never becomes a logged-in one.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous && previous.length <= 200) await store().deleteSession(hashSessionId(previous));
      const { id, session } = newSession(result.user.name);
      await store().createSession(session);
      reply.setCookie(SESSION_COOKIE, id, { ...cookieOptions(request), maxAge: SESSION_HOURS * 3600 });
      return { user: { name: result.user.name, role: result.user.role }, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/logout', { schema: WRITES }, async (request, reply) => {
    noStore(reply);
    const session = await requireSession(request, { write: true });
    await store().deleteSession(session.idHash);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return { user: null, csrfToken: null };
  });

  /** The commitment at `<section>/<n>` as the machine assessed it, with its agreement. */
  const machineCommitment = async (path: string, agreement: string | undefined) => {
    const data = await deps.data().forAgreement(agreement);
    const row = await data.promiseRow(path);
    const machine = row && data.context.machineAssessments.get(row.sectionId)?.find((c) => c.id === row.id);
    if (!row || !machine || !data.context.agreement) throw notFound(`geen belofte "${path.slice(0, 300)}" (verwacht: <sectie-id>/<nummer>, bv. justitie/3.4/1)`);
    return { data, machine, key: reviewKeyOf(data.context.agreement, row) };
  };

  app.get<{ Params: { '*': string }; Querystring: { agreement?: string } }>(
    '/api/reviews/*',
    { schema: { ...READS, params: wildcardParams, querystring: agreementQuery } },
    async (request, reply) => {
      noStore(reply);
      await requireSession(request, { write: false });
      const { machine, key } = await machineCommitment(request.params['*'], request.query.agreement);
      const [reviews, log] = await Promise.all([store().reviews(key.agreement), store().reviewLog(key)]);
      const review = reviews.find((r) => r.sectionId === key.sectionId && r.commitmentHash === key.commitmentHash) ?? null;
      return {
        review,
        log,
        machine: { status: machine.status, confidence: machine.confidence, reason: machine.reason, evidence: machine.evidence.map((e) => e.sourceKey) },
        statuses: statusLegend(),
      };
    },
  );

  app.post<{
    Params: { '*': string };
    Querystring: { agreement?: string };
    Body: { status: CommitmentStatus; publicNote: string; internalNote: string; evidence: Record<string, EvidenceJudgement>; revision: number | null };
  }>(
    '/api/reviews/*',
    {
      bodyLimit: REVIEW_BODY_LIMIT,
      schema: {
        ...WRITES,
        params: wildcardParams,
        querystring: agreementQuery,
        body: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: [...REVIEW_STATUSES] },
            publicNote: { type: 'string', maxLength: MAX_NOTE_CHARS, default: '' },
            internalNote: { type: 'string', maxLength: MAX_NOTE_CHARS, default: '' },
            evidence: { type: 'object', additionalProperties: { type: 'string', enum: ['aanvaard', 'verworpen'] }, maxProperties: 50, default: {} },
            revision: { type: ['integer', 'null'], minimum: 1 },
          },
          required: ['status', 'revision'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const session = await requireSession(request, { write: true });
      const { machine, key } = await machineCommitment(request.params['*'], request.query.agreement);
      const proposed = new Set(machine.evidence.map((e) => e.sourceKey));
      const foreign = Object.keys(request.body.evidence).find((sourceKey) => !proposed.has(sourceKey));
      if (foreign) throw new InputError(`de bron "${foreign.slice(0, 100)}" hoort niet bij het bewijs van deze belofte`);
      const at = new Date().toISOString();
      const review = {
        ...key,
        status: request.body.status,
        publicNote: cleanNote(request.body.publicNote),
        internalNote: cleanNote(request.body.internalNote),
        evidence: request.body.evidence,
        seenSources: [...proposed],
        machineStatus: machine.status,
        reviewer: session.userName,
        reviewedAt: at,
      };
      const saved = await store().changeReview({ key, review, machineStatus: machine.status, user: session.userName, at, expectedRevision: request.body.revision });
      if ('conflict' in saved) {
        const by = saved.conflict ? `door ${saved.conflict.reviewer} ` : '';
        throw conflict(`deze belofte werd intussen ${by}anders beoordeeld; laad de pagina opnieuw en kijk de wijziging na`, saved.conflict);
      }
      await deps.refresh();
      return saved;
    },
  );

  // Withdrawing a review hands the promise back to the machine; the audit log keeps what was withdrawn.
  app.post<{ Params: { '*': string }; Querystring: { agreement?: string }; Body: { revision: number } }>(
    '/api/withdrawals/*',
    {
      schema: {
        ...WRITES,
        params: wildcardParams,
        querystring: agreementQuery,
        body: { type: 'object', properties: { revision: { type: 'integer', minimum: 1 } }, required: ['revision'], additionalProperties: false },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const session = await requireSession(request, { write: true });
      const { machine, key } = await machineCommitment(request.params['*'], request.query.agreement);
      const withdrawn = await store().changeReview({ key, review: null, machineStatus: machine.status, user: session.userName, at: new Date().toISOString(), expectedRevision: request.body.revision });
      if ('conflict' in withdrawn) {
        if (!withdrawn.conflict) throw conflict('deze belofte heeft geen beoordeling (meer) om in te trekken; laad de pagina opnieuw', null);
        throw conflict(`deze belofte werd intussen door ${withdrawn.conflict.reviewer} anders beoordeeld; laad de pagina opnieuw en kijk de wijziging na`, withdrawn.conflict);
      }
      await deps.refresh();
      return withdrawn;
    },
  );

  app.get<{ Querystring: { agreement?: string; chapter?: string; offset: number; limit: number } }>(
    '/api/review-queue',
    {
      schema: {
        ...READS,
        querystring: {
          type: 'object',
          properties: {
            agreement: { type: 'string', minLength: 1, maxLength: 200 },
            chapter: { type: 'string', maxLength: 300 },
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      noStore(reply);
      await requireSession(request, { write: false });
      const data = await deps.data().forAgreement(request.query.agreement);
      const { chapter } = request.query;
      const rows = await data.promises();
      // An editor works through one policy domain at a time.
      const queue = reviewQueue(chapter ? rows.filter((r) => r.chapterId === chapter) : rows);
      const { offset, limit } = request.query;
      return {
        generation: data.generation,
        total: queue.length,
        counts: {
          nieuwBewijs: queue.filter((item) => item.queueReason === 'nieuw-bewijs').length,
          teControleren: queue.filter((item) => item.queueReason === 'te-controleren').length,
        },
        orphans: data.context.orphanReviews.map((r) => ({ sectionId: r.sectionId, status: r.status, statusLabel: statusLabel(r.status), reviewer: r.reviewer, reviewedAt: r.reviewedAt, publicNote: r.publicNote })),
        offset,
        limit,
        items: queue.slice(offset, offset + limit),
      };
    },
  );

  // Reading a route that only takes POST says so, as the other routes do for POST.
  for (const path of ['/api/login', '/api/logout', '/api/users/:name/disable']) {
    app.get(path, { schema: { hide: true } }, async (request, reply) =>
      reply.code(405).header('allow', 'POST').send({ error: `methode ${request.method} is hier niet toegestaan (wel: POST)` }),
    );
  }

  const publicUser = (u: { name: string; role: Role; createdAt: string; disabledAt: string | null }) => ({
    name: u.name,
    role: u.role,
    createdAt: u.createdAt,
    disabledAt: u.disabledAt,
  });

  app.get('/api/users', { schema: READS }, async (request, reply) => {
    noStore(reply);
    await requireSession(request, { write: false, role: 'admin' });
    return { users: (await store().users()).map(publicUser) };
  });

  app.post<{ Body: { name: string; role: Role; password: string } }>(
    '/api/users',
    {
      schema: {
        ...WRITES,
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            role: { type: 'string', enum: [...ROLES] },
            password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_CHARS },
          },
          required: ['name', 'role', 'password'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      noStore(reply);
      await requireSession(request, { write: true, role: 'admin' });
      const user = await addAccount(store(), request.body.name, request.body.role, request.body.password);
      return reply.code(201).send({ user: publicUser(user) });
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/users/:name/disable',
    { schema: { ...WRITES, params: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['name'] } } },
    async (request, reply) => {
      noStore(reply);
      const session = await requireSession(request, { write: true, role: 'admin' });
      if (request.params.name === session.userName) throw new InputError('je kunt je eigen account niet uitschakelen');
      await disableAccount(store(), request.params.name);
      return { disabled: request.params.name };
    },
  );
}
