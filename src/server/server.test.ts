// The HTTP API on a real (small) index built from the bundled data, through
// Fastify's inject: happy paths with real content, bad input, failures.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openConfiguredStore } from '../cli/config.js';
import { loadReportContext, type ReportContext } from '../report/context.js';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import type { Generator } from '../report/generator.js';
import type { Store } from '../store/store.js';
import { makeDataFolder } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';
import { buildServer, CONTENT_SECURITY_POLICY, hostChecker } from './app.js';
import { GENERIC_FAILURE } from './errors.js';
import { servedData, type ServedData } from './served-data.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-server-'));
const db = join(work, 'index.db');
let store: Store;
let context: ReportContext;
let app: FastifyInstance;
let data: ServedData;
const logged: string[] = [];
/** Set by a test to make report generation throw, as an unexpected bug would. */
let failGeneration = false;

const flakyGenerator: Generator = {
  name: 'extractive',
  generate: async (input) => {
    if (failGeneration) throw new Error('simulated failure in the generator');
    return extractiveGenerator.generate(input);
  },
};

before(async () => {
  const ingest = await runCli(['ingest', '--data', makeDataFolder(), '--quiet', '--db', db]);
  assert.equal(ingest.code, 0, ingest.stderr);
  store = await openConfiguredStore({ db, forWriting: false }, {});
  context = await loadReportContext(store);
  data = servedData(context, await store.generation());
  app = buildServer({
    data: () => data,
    generator: flakyGenerator,
    answerer: extractiveAnswerer,
    log: (message) => logged.push(message),
  });
  await app.ready();
});

after(async () => {
  await app.close();
  await store.close();
  rmSync(work, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('API happy paths', () => {
  test('stats counts the index', async () => {
    const res = await get('/api/stats');
    assert.equal(res.statusCode, 200);
    const stats = res.json();
    assert.equal(stats.sections, context.sections.length);
    assert.ok(stats.decisions > 100, `decisions: ${stats.decisions}`);
    assert.ok(stats.parliament >= 1);
    assert.ok(stats.chapters > 5);
  });

  test('sections is the agreement tree', async () => {
    const sections = (await get('/api/sections')).json() as { id: string; parentId: string | null; level: number; part: string; chapter: string; title: string; number: string }[];
    assert.equal(sections.length, context.sections.length);
    const s = sections.find((x) => x.id === 'justitie/3.4');
    assert.ok(s);
    assert.equal(s.parentId, 'justitie/3');
    assert.equal(s.level, 2);
    assert.equal(s.chapter, 'Justitie');
    const ids = new Set(sections.map((x) => x.id));
    for (const x of sections) if (x.parentId) assert.ok(ids.has(x.parentId), `parent of ${x.id} exists`);
  });

  test('a section by wildcard path and by URL-encoded id', async () => {
    for (const url of ['/api/sections/justitie/3.4', '/api/sections/justitie%2F3.4']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      const section = res.json();
      assert.equal(section.id, 'justitie/3.4');
      assert.match(section.text, /verbindingsofficier/);
    }
    const chapter = (await get('/api/sections/justitie/3')).json();
    assert.ok(chapter.children.some((c: { id: string }) => c.id === 'justitie/3.4'));
  });

  test('the 3.4 report as JSON has commitments and themis references', async () => {
    const res = await get('/api/reports/justitie/3.4?format=json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const report = res.json();
    assert.equal(report.section.id, 'justitie/3.4');
    assert.equal(report.commitments.length, 2);
    for (const c of report.commitments) assert.ok(['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor'].includes(c.status));
    assert.ok(report.references.length > 0);
    assert.ok(report.references.some((r: { uri: string | null }) => r.uri?.startsWith('http://themis.vlaanderen.be/id/')), 'a themis URI');
    assert.ok(report.references.some((r: { uri: string | null }) => r.uri === 'http://themis.vlaanderen.be/id/resource/9f4d4c60-492a-11ec-94bb-99a9d1e168fe'), 'liaison officer');
    // Default format is JSON, and the second request is served from the cache (same generatedAt).
    const again = (await get('/api/reports/justitie/3.4')).json();
    assert.equal(again.generatedAt, report.generatedAt);
  });

  test('the report as Markdown and as HTML', async () => {
    const md = await get('/api/reports/justitie/3.4?format=md');
    assert.equal(md.statusCode, 200);
    assert.match(String(md.headers['content-type']), /text\/markdown/);
    assert.match(md.body, /^# Voortgangsrapportage naleving regeerakkoord: 3\.4/);
    const html = await get('/api/reports/justitie/3.4?format=html');
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /text\/html/);
    assert.match(html.body, /themis\.vlaanderen\.be/);
    assert.doesNotMatch(String(html.headers['content-security-policy']), /script/, 'the standalone report may run no script');
    assert.match(String(html.headers['content-security-policy']), /default-src 'none'/);
  });

  test('search finds the liaison officer, with type and date filters', async () => {
    const res = await get('/api/search?q=verbindingsofficier&k=5');
    assert.equal(res.statusCode, 200);
    const { hits } = res.json();
    assert.ok(hits.length > 0 && hits.length <= 5);
    assert.match(hits[0].title, /verbindingsofficier/i);
    assert.match(hits[0].uri, /^http:\/\/themis\.vlaanderen\.be\//);
    const filtered = (await get('/api/search?q=radicalisering&k=20&type=decision&from=2021&to=2022-06')).json().hits as { type: string; date: string }[];
    assert.ok(filtered.length > 0);
    for (const hit of filtered) {
      assert.equal(hit.type, 'decision');
      assert.ok(hit.date >= '2021-01-01' && hit.date <= '2022-06-30', hit.date);
    }
    const parliament = (await get('/api/search?q=LIVC-R&type=parliament')).json().hits as { type: string }[];
    assert.ok(parliament.length > 0 && parliament.every((h) => h.type === 'parliament'));
  });

  test('search tells the real total and pages through the ranking', async () => {
    const first = (await get('/api/search?q=kinderopvang&k=5')).json();
    assert.ok(first.total > 5, `total ${first.total}`);
    assert.equal(first.offset, 0);
    const second = (await get('/api/search?q=kinderopvang&k=5&offset=5')).json();
    const both = (await get('/api/search?q=kinderopvang&k=10')).json();
    assert.deepEqual([...first.hits, ...second.hits].map((h: { id: string }) => h.id), both.hits.map((h: { id: string }) => h.id), 'pages are slices of one ranking');
    assert.equal(second.total, first.total);
    const decisions = (await get('/api/search?q=kinderopvang&k=5&type=decision')).json();
    assert.ok(decisions.total <= first.total, 'the total follows the filters');
    assert.equal((await get('/api/search?q=kinderopvang&offset=901')).statusCode, 400);
  });

  test('search per dossier: the stages of one dossier are one hit that lists the stages found', async () => {
    const q = encodeURIComponent('lokale integrale veiligheidscellen radicalisme');
    const flat = (await get(`/api/search?q=${q}&k=10`)).json();
    const res = await get(`/api/search?q=${q}&k=10&perDossier=true`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.perDossier, true);
    assert.equal(flat.perDossier, false);
    const withDossier = body.hits.filter((h: { dossier?: unknown }) => h.dossier) as { id: string; dossier: { id: string; stepCount: number; matched: { id: string }[] } }[];
    assert.ok(withDossier.length > 0);
    const ids = withDossier.map((h) => h.dossier.id);
    assert.equal(new Set(ids).size, ids.length, 'each dossier once');
    const livc = withDossier.find((h) => h.dossier.stepCount === 5);
    assert.ok(livc, 'the five-stage LIVC-R decree is one hit');
    assert.equal(livc.dossier.matched[0]!.id, livc.id, 'the best-ranked stage leads');
    const flatIds = flat.hits.map((h: { id: string }) => h.id);
    const stagesInFlat = flatIds.filter((id: string) => livc.dossier.matched.some((m) => m.id === id));
    assert.ok(stagesInFlat.length >= 2, 'without grouping the stages take several places');
  });

  test('ask answers with numbered citations that resolve to references', async () => {
    const res = await get(`/api/ask?q=${encodeURIComponent('wat deed de regering rond LIVC-R?')}`);
    assert.equal(res.statusCode, 200);
    const answer = res.json();
    assert.equal(answer.noEvidence, false);
    assert.ok(answer.references.length > 0);
    const numbers = new Set(answer.references.map((r: { n: number }) => r.n));
    const cited = answer.paragraphs.flat().flatMap((c: { citations: number[] }) => c.citations);
    assert.ok(cited.length > 0);
    for (const n of cited) assert.ok(numbers.has(n), `citation ${n} is listed`);
    assert.ok(answer.references.some((r: { title: string }) => /LIVC|radicali|informatie/i.test(r.title)));
  });

  test('documents: a decision and a parliament document', async () => {
    const hit = (await get('/api/search?q=verbindingsofficier&k=1')).json().hits[0];
    const decision = await get(`/api/documents/${hit.id}`);
    assert.equal(decision.statusCode, 200);
    assert.equal(decision.json().type, 'decision');
    assert.equal(decision.json().uri, hit.uri);
    const timeline = decision.json().dossier;
    assert.ok(timeline.steps.length >= 1);
    assert.deepEqual(timeline.steps.filter((s: { current: boolean }) => s.current).map((s: { decisionId: string }) => s.decisionId), [hit.id]);
    const [doc] = await store.parliamentDocuments();
    assert.ok(doc);
    const parliament = await get(`/api/documents/${doc.id}`);
    assert.equal(parliament.statusCode, 200);
    assert.equal(parliament.json().type, 'parliament');
    assert.equal(parliament.json().id, doc.id);
  });

  test('overview: per chapter counts, ready at once, with how many are to be checked', async () => {
    const res = (await get('/api/overview')).json();
    assert.equal(res.ready, true);
    assert.equal(res.generation, data.generation);
    assert.deepEqual([res.agreement, res.title], ['regeerakkoord-2019-2024', 'Regeerakkoord 2019-2024'], 'named as readers know it');
    assert.ok(res.chapters.every((c: { toCheck: number }) => Number.isInteger(c.toCheck)));
    const justitie = res.chapters.find((c: { id: string }) => c.id === 'justitie/3');
    assert.ok(justitie.counts.gerealiseerd >= 1, 'justitie has a realised commitment (3.4)');
    const total = res.chapters.reduce((sum: number, c: { counts: Record<string, number> }) => sum + Object.values(c.counts).reduce((a, b) => a + b, 0), 0);
    assert.ok(total > 100, `total commitments ${total}`);
  });

  test('promises: every commitment once, filters with counts that follow them, paging, CSV and a page per promise', async () => {
    const all = (await get('/api/promises?limit=5000')).json();
    const commitments = [...data.context.assessments.values()].reduce((sum, list) => sum + list.length, 0);
    assert.equal(all.total, commitments);
    assert.equal(all.items.length, commitments);
    assert.equal(Object.values(all.counts as Record<string, number>).reduce((a, b) => a + b, 0), commitments);
    assert.equal(new Set(all.items.map((p: { id: string }) => p.id)).size, commitments, 'each commitment once');

    const justitie = (await get('/api/promises?chapter=justitie/3&limit=5000')).json();
    assert.ok(justitie.total > 0 && justitie.items.every((p: { chapterId: string }) => p.chapterId === 'justitie/3'));
    const realised = (await get('/api/promises?chapter=justitie/3&status=gerealiseerd')).json();
    assert.equal(realised.total, justitie.counts.gerealiseerd, 'the count beside a status is what choosing it gives');
    assert.deepEqual(realised.counts, justitie.counts, 'counts follow the other filters, not the status itself');
    const livc = (await get(`/api/promises?q=${encodeURIComponent('LIVC-R beroepsgeheim')}`)).json();
    assert.equal(livc.total, 1);
    assert.equal(livc.items[0].path, 'justitie/3.4/1');
    const page2 = (await get('/api/promises?limit=10&offset=10')).json();
    assert.deepEqual(page2.items.map((p: { id: string }) => p.id), all.items.slice(10, 20).map((p: { id: string }) => p.id));
    assert.equal((await get('/api/promises?status=klaar')).statusCode, 400);

    const csv = await get('/api/promises?chapter=justitie/3&format=csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="beloften\.csv"/);
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'id,hoofdstuk,sectie,engagement,status,zekerheid,toelichting,bron,bron_datum,bron_link,ministers,nagekeken_door,beoordeeld_door_redactie_op,voorstel_machine');
    assert.equal(lines.length, justitie.total + 1);

    const detail = await get('/api/promises/justitie/3.4/1');
    assert.equal(detail.statusCode, 200);
    const promise = detail.json();
    assert.equal(promise.promise.id, 'justitie/3.4#1');
    assert.match(promise.promise.text, /LIVC-R/);
    assert.ok(promise.sources.length > 0 && promise.sources.every((s: { n: number; match: number }) => s.n > 0 && s.match > 0 && s.match <= 1));
    assert.match(promise.reason, /\[\d+\]/);
    for (const url of ['/api/promises/justitie/3.4/99', '/api/promises/bestaat/niet/1', '/api/promises/justitie/3.4/x']) assert.equal((await get(url)).statusCode, 404, url);
  });

  test('a promise tells when it got where it is: the dated decisions that took it further', async () => {
    const order = ['aangekondigd', 'in-uitvoering', 'gerealiseerd'];
    const detail = (await get('/api/promises/justitie/3.4/1')).json() as {
      promise: { status: string };
      progress: { date: string; status: string; stageLabel: string; decisionId: string; n: number | null }[];
    };
    assert.ok(detail.progress.length > 0, 'the LIVC-R decree went through several stages');
    for (let i = 1; i < detail.progress.length; i++) {
      assert.ok(detail.progress[i]!.date >= detail.progress[i - 1]!.date);
      assert.ok(order.indexOf(detail.progress[i]!.status) > order.indexOf(detail.progress[i - 1]!.status), 'each step goes further');
    }
    assert.equal(detail.progress.at(-1)!.status, detail.promise.status, 'the last step is where the promise stands');
  });

  test('a document lists the promises it is evidence for', async () => {
    const promise = (await get('/api/promises/justitie/3.4/1')).json() as { sources: { key: string; decisive: boolean }[] };
    const decisive = promise.sources.find((s) => s.decisive) ?? promise.sources[0]!;
    const doc = (await get(`/api/documents/${decisive.key}`)).json() as { promises: { path: string; decisive: boolean; statusLabel: string }[] };
    const listed = doc.promises.find((p) => p.path === 'justitie/3.4/1');
    assert.ok(listed, JSON.stringify(doc.promises));
    assert.equal(listed.decisive, decisive.decisive);
    const unrelated = (await get('/api/documents/parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord')).json() as { promises: unknown[] };
    assert.ok(Array.isArray(unrelated.promises));
  });

  test('the API is described by an OpenAPI document made from the schemas that validate requests', async () => {
    const res = await get('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/promises'] && doc.paths['/api/search'] && doc.paths['/api/reports/{*}'], Object.keys(doc.paths).join(', '));
    assert.ok(Object.keys(doc.paths).every((path: string) => path.startsWith('/api/')), 'pages are not part of the API');
    const status = doc.paths['/api/promises'].get.parameters.find((p: { name: string }) => p.name === 'status');
    assert.deepEqual(status.schema.enum, ['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor']);
    const q = doc.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'q');
    assert.equal(q.required, true);
    // The same schema refuses what the document says is out of range.
    const k = doc.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'k');
    assert.equal((await get(`/api/search?q=x&k=${k.schema.maximum + 1}`)).statusCode, 400);
  });

  test('unknown pages are the app with a 404; unknown API routes are JSON', async () => {
    for (const [url, status] of [['/sectie/justitie/3.4', 200], ['/sectie/bestaat/niet', 404], ['/belofte/justitie/3.4/1', 200], ['/belofte/justitie/3.4/99', 404], ['/nergens', 404], ['/beloften', 200], ['/methode', 200], ['/inloggen', 200], ['/redactie', 200]] as const) {
      const res = await get(url);
      assert.equal(res.statusCode, status, url);
      assert.match(res.body, /<script type="module" src="\/assets\/app\.js">/, `${url}: the app shows its own page`);
    }
    const api = await get('/api/nergens');
    assert.equal(api.statusCode, 404);
    assert.match(api.json().error, /onbekende route/);
  });

  test('the web app: shell on app paths, assets, security headers', async () => {
    for (const url of ['/', '/sectie/justitie/3.4', '/zoeken?q=x', '/vragen']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<script type="module" src="\/assets\/app\.js"><\/script>/);
      assert.doesNotMatch(res.body, /<script>(?!<)/, 'no inline script');
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
    const js = await get('/assets/app.js');
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /text\/javascript/);
    assert.equal((await get('/assets/../server/app.js')).statusCode, 404);
    assert.equal((await get('/assets/nope.js')).statusCode, 404);
  });
});

describe('API bad input', () => {
  const expect400 = async (url: string, pattern: RegExp) => {
    const res = await get(url);
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.match(res.json().error, pattern);
  };

  test('k out of range or not a number, said in Dutch', async () => {
    await expect400('/api/search?q=kerken&k=0', /^ongeldige invoer: "k" moet minstens 1 zijn$/);
    await expect400('/api/search?q=kerken&k=101', /^ongeldige invoer: "k" mag hoogstens 100 zijn$/);
    await expect400('/api/search?q=kerken&k=abc', /^ongeldige invoer: "k" moet een geheel getal zijn$/);
  });

  test('impossible dates, unknown type, missing q, unknown format', async () => {
    await expect400('/api/search?q=kerken&from=2021-02-30', /"from" verwacht een datum als 2021, 2021-03 of 2021-03-05; "2021-02-30" is dat niet/);
    await expect400('/api/search?q=kerken&to=gisteren', /"to" verwacht een datum/);
    await expect400('/api/search?q=kerken&type=tweet', /"type" moet een van deze waarden zijn: decision, parliament/);
    await expect400('/api/search?q=kerken&perDossier=misschien', /"perDossier" moet true of false zijn/);
    await expect400('/api/search', /de parameter "q" ontbreekt/);
    await expect400('/api/reports/justitie/3.4?format=pdf', /"format" moet een van deze waarden zijn: json, md, html/);
    await expect400('/api/ask?q=kort', /te kort/);
  });

  test('a misspelt parameter is refused, not ignored', async () => {
    await expect400('/api/promises?staus=gerealiseerd', /onbekende parameter "staus"/);
    await expect400('/api/search?q=kerken&ministr=Somers', /onbekende parameter "ministr"/);
  });

  test('a query string of 20,000 characters is refused', async () => {
    const res = await get(`/api/search?q=${'a'.repeat(20_000)}`);
    assert.equal(res.statusCode, 414);
    assert.match(res.json().error, /te lang/);
  });

  test('unknown ids are 404', async () => {
    for (const url of ['/api/sections/justitie/99.9', '/api/reports/bestaat/niet', '/api/documents/parlement/bestaat-niet', '/api/nope']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.ok(res.json().error.length > 5);
    }
  });

  test('other methods are 405 with Allow; every error carries the security headers and the app\'s error shape', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      for (const url of ['/api/stats', '/api/sections/justitie/3.4', '/nergens']) {
        const res = await app.inject({ method, url });
        assert.equal(res.statusCode, 405, `${method} ${url}`);
        assert.equal(res.headers.allow, 'GET, HEAD');
        assert.match(res.json().error, /niet toegestaan/);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
      }
    }
    assert.equal((await app.inject({ method: 'HEAD', url: '/api/stats' })).statusCode, 200);
    const bad = await get('/api/sections/%E0%A4%A<script>');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json(), { error: 'ongeldige URL' });
    assert.doesNotMatch(bad.body, /script/, 'the URL is not echoed');
    assert.equal(bad.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(bad.headers['x-frame-options'], 'DENY');
  });

  test('the Host header must name this server: loopback names for a loopback bind, plus configured ones', async () => {
    const loopback = hostChecker('127.0.0.1');
    assert.ok(loopback('127.0.0.1:3000') && loopback('localhost:8080') && loopback('[::1]:3000') && loopback('localhost'));
    assert.ok(!loopback('evil.example:3000') && !loopback('') && !loopback('127.0.0.1.evil.example'));
    const named = hostChecker('127.0.0.1', ['beloftemeter.example']);
    assert.ok(named('beloftemeter.example') && named('beloftemeter.example:443'));
    const lan = hostChecker('192.0.2.10');
    assert.ok(lan('192.0.2.10:3000') && !lan('evil.example'));
    assert.ok(hostChecker('0.0.0.0')('any.example'), 'every interface and no names: any host');
    assert.ok(!hostChecker('0.0.0.0', ['nieuws.example'])('any.example'));
    const guarded = buildServer({ data: () => data, generator: flakyGenerator, answerer: extractiveAnswerer, allowHost: loopback, log: () => {} });
    try {
      const refused = await guarded.inject({ method: 'GET', url: '/api/stats', headers: { host: 'rebind.example:3000' } });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.json().error, /onbekende host/);
      assert.equal((await guarded.inject({ method: 'GET', url: '/api/stats', headers: { host: '127.0.0.1:3000' } })).statusCode, 200);
    } finally {
      await guarded.close();
    }
  });

  test('a hostile query comes back as data, JSON-escaped', async () => {
    const q = '<script>alert(1)</script>"\'';
    const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.equal(res.json().query, q, 'the query is returned as a string value');
    const unknown = await get(`/api/sections/${encodeURIComponent(q)}`);
    assert.equal(unknown.statusCode, 404);
    assert.match(String(unknown.headers['content-type']), /application\/json/);
    assert.equal(unknown.headers['x-content-type-options'], 'nosniff');
  });

  test('an error thrown in a handler is a 500 with a generic message, logged, and the server keeps answering', async () => {
    const id = context.sections.find((s) => s.id !== 'justitie/3.4' && s.level === 2)!.id;
    failGeneration = true;
    try {
      const res = await get(`/api/reports/${id}`);
      assert.equal(res.statusCode, 500);
      assert.deepEqual(res.json(), { error: GENERIC_FAILURE });
      assert.doesNotMatch(res.body, /simulated/, 'no internals leak to the client');
      assert.ok(logged.some((line) => line.includes('simulated failure in the generator')), 'the cause is logged');
    } finally {
      failGeneration = false;
    }
    assert.equal((await get(`/api/reports/${id}`)).statusCode, 200, 'a failed build is not cached');
    assert.equal((await get('/api/stats')).statusCode, 200);
  });
});
