// The JSON API. Ids contain slashes (`justitie/3.4`, `parlement/...`), so the
// id routes are wildcards: `/api/sections/justitie/3.4` and the URL-encoded
// `/api/sections/justitie%2F3.4` both work.
import type { FastifyInstance } from 'fastify';
import type { AgreementSection } from '../model/documents.js';
import { askQuestion } from '../report/ask.js';
import type { Answerer, Generator } from '../report/generator.js';
import { findDocument } from '../dossiers/timeline.js';
import { ancestorsOf } from '../sources/agreement/index.js';
import { indexStats, sectionSummary } from '../store/summary.js';
import { parseDateBound } from '../search/query.js';
import { countDocuments, searchDocuments } from '../search/service.js';
import { InputError } from '../errors.js';
import { notFound } from './errors.js';
import type { CommitmentStatus } from '../report/model.js';
import { filterPromises, promisesCiting, promisesCsv } from './promises.js';
import { renderedReport, type ServedData } from './served-data.js';

export interface ApiDeps {
  /** The current data generation; every handler takes it once, so one request never mixes two. */
  data: () => ServedData;
  generator: Generator;
  answerer: Answerer;
}

/** The standalone HTML report styles itself inline and runs no script; its own policy says exactly that. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const wildcardParams = {
  type: 'object',
  properties: { '*': { type: 'string', minLength: 1, maxLength: 300 } },
  required: ['*'],
} as const;

const dateBound = { type: 'string', minLength: 4, maxLength: 10 } as const;

/** A date bound of the query string, refused in Dutch (the API speaks to the web app's readers). */
function dateParameter(value: string, bound: 'from' | 'to'): string {
  try {
    return parseDateBound(value, bound, bound);
  } catch {
    throw new InputError(`"${bound}" verwacht een datum als 2021, 2021-03 of 2021-03-05; "${value.slice(0, 40)}" is dat niet`);
  }
}

/** `?agreement=<id>` on every route about the agreement; default: the only or newest one. */
const agreementParam = { type: 'string', minLength: 1, maxLength: 200 } as const;
const agreementOnly = { querystring: { type: 'object', properties: { agreement: agreementParam }, additionalProperties: false } } as const;
type WithAgreement = { Querystring: { agreement?: string } };

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { generator, answerer } = deps;

  const findSection = (data: ServedData, id: string): AgreementSection => {
    const section = data.sectionById.get(id);
    if (!section) throw notFound(`geen sectie met id "${id}" (zie /api/sections)`);
    return section;
  };


  const dataFor = (agreement: string | undefined) => deps.data().forAgreement(agreement);

  app.get<WithAgreement>('/api/stats', { schema: agreementOnly }, async (request) => {
    const data = await dataFor(request.query.agreement);
    return { ...(await indexStats(data.context.store, data.context.sections)), agreement: data.context.agreement, generation: data.generation };
  });

  app.get<WithAgreement>('/api/overview', { schema: agreementOnly }, async (request) => (await dataFor(request.query.agreement)).overview);

  app.get<WithAgreement>('/api/sections', { schema: agreementOnly }, async (request) => (await dataFor(request.query.agreement)).context.sections.map(sectionSummary));

  app.get<{ Params: { '*': string } } & WithAgreement>('/api/sections/*', { schema: { params: wildcardParams, ...agreementOnly } }, async (request) => {
    const data = await dataFor(request.query.agreement);
    const section = findSection(data, request.params['*']);
    const children = data.context.sections.filter((s) => s.parentId === section.id).map(sectionSummary);
    // From the chapter down to the parent: the breadcrumbs of the section's page.
    return { ...section, ancestors: ancestorsOf(data.sectionById, section).map(sectionSummary), children };
  });

  app.get<{ Params: { '*': string }; Querystring: { format: 'json' | 'md' | 'html'; agreement?: string } }>(
    '/api/reports/*',
    {
      schema: {
        params: wildcardParams,
        querystring: {
          type: 'object',
          properties: { format: { type: 'string', enum: ['json', 'md', 'html'], default: 'json' }, agreement: agreementParam },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const data = await dataFor(request.query.agreement);
      const section = findSection(data, request.params['*']);
      const report = await renderedReport(data, section.id, generator);
      if (request.query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(report.md);
      if (request.query.format === 'html') {
        return reply.type('text/html; charset=utf-8').header('content-security-policy', HTML_REPORT_CSP).send(report.html);
      }
      return reply.type('application/json; charset=utf-8').send(report.json);
    },
  );

  app.get<{ Querystring: { q: string; k: number; offset: number; type?: 'decision' | 'parliament'; from?: string; to?: string; minister?: string; perDossier: boolean } }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 10_000 },
            k: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
            offset: { type: 'integer', minimum: 0, maximum: 900, default: 0 },
            type: { type: 'string', enum: ['decision', 'parliament'] },
            from: dateBound,
            to: dateBound,
            minister: { type: 'string', maxLength: 200 },
            perDossier: { type: 'boolean', default: false },
          },
          required: ['q'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { q, k, offset, type, from, to, minister, perDossier } = request.query;
      const { context, embeddings } = deps.data();
      const search = {
        query: q,
        type,
        from: from ? dateParameter(from, 'from') : undefined,
        to: to ? dateParameter(to, 'to') : undefined,
        mandatee: minister || undefined,
      };
      const hits = await searchDocuments(context.search, context.store, { ...search, k, offset }, { dossierOf: perDossier ? context.dossierOf : undefined, embeddings });
      const total = countDocuments(context.search, { ...search, k });
      return { query: q, k, offset, perDossier, total, hits };
    },
  );

  app.get<{ Querystring: { q: string } }>(
    '/api/ask',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { q: { type: 'string', maxLength: 10_000 } },
          required: ['q'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { context } = deps.data();
      const answered = await askQuestion(context.store, context.search, request.query.q, answerer, context.dossierOf);
      const numberOf = new Map(answered.references.map((r) => [r.key, r.n]));
      return {
        question: answered.question,
        noEvidence: answered.answer.noEvidence,
        generator: answered.answer.generator,
        // Citations as reference numbers; a key the answerer invented has no number and is dropped.
        paragraphs: answered.answer.paragraphs.map((claims) =>
          claims.map((claim) => ({
            text: claim.text,
            citations: [...new Set(claim.citations.flatMap((key) => (numberOf.has(key) ? [numberOf.get(key)!] : [])))],
          })),
        ),
        references: answered.references.map((r) => ({ n: r.n, key: r.key, type: r.type, title: r.title, date: r.date, uri: r.uri, snippet: r.snippet })),
      };
    },
  );

  app.get<{
    Querystring: {
      status?: CommitmentStatus; chapter?: string; confidence?: 'hoog' | 'laag'; minister?: string; q?: string; reviewed?: 'ja' | 'nee';
      offset: number; limit: number; format: 'json' | 'csv'; agreement?: string;
    };
  }>(
    '/api/promises',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor'] },
            chapter: { type: 'string', maxLength: 300 },
            confidence: { type: 'string', enum: ['hoog', 'laag'] },
            minister: { type: 'string', maxLength: 200 },
            q: { type: 'string', maxLength: 500 },
            reviewed: { type: 'string', enum: ['ja', 'nee'] },
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 5000, default: 50 },
            format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
            agreement: agreementParam,
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const { offset, limit, format, agreement, ...filters } = request.query;
      const data = await dataFor(agreement);
      const result = filterPromises(await data.promises(), filters);
      if (format === 'csv') {
        // The whole filtered list: an export is not paged.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="beloften.csv"')
          .send(promisesCsv(result.rows));
      }
      return { generation: data.generation, total: result.total, counts: result.counts, toCheck: result.toCheck, reviewed: result.reviewed, offset, limit, items: result.rows.slice(offset, offset + limit) };
    },
  );

  app.get<{ Params: { '*': string } } & WithAgreement>('/api/promises/*', { schema: { params: wildcardParams, ...agreementOnly } }, async (request) => {
    const path = request.params['*'];
    const detail = await (await dataFor(request.query.agreement)).promise(path);
    if (!detail) throw notFound(`geen belofte "${path}" (verwacht: <sectie-id>/<nummer>, bv. justitie/3.4/1)`);
    return detail;
  });

  app.get<{ Params: { '*': string } }>('/api/documents/*', { schema: { params: wildcardParams } }, async (request) => {
    const id = request.params['*'];
    const data = deps.data();
    const doc = await findDocument(data.context.store, data.context.dossierOf, id);
    if (!doc) throw notFound(`geen beslissing of parlementair document met id "${id}"`);
    return { ...doc, promises: promisesCiting(data.context, await data.promises(), id) };
  });
}
