// Integration: reports, batch export and questions through the CLI, on a real
// (small) index built from the bundled data; the LLM path against a local
// server that speaks the chat-completions protocol.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiError, completion, startFakeChatServer } from '../testing/fake-chat-server.js';
import { makeDataFolder } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-report-'));
const db = join(work, 'index.db');
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli([...args, '--db', db], env);

before(async () => {
  const result = await cli(['ingest', '--data', makeDataFolder(), '--quiet']);
  assert.equal(result.code, 0, result.stderr);
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Checks the examples' format and that citations and references match one to one; returns the cited URIs. */
function checkMarkdownReport(markdown: string): string[] {
  assert.match(markdown, /^# Voortgangsrapportage naleving regeerakkoord: /);
  assert.match(markdown, /<details>\n {8}<summary>Regeerakkoord Sectie <\/summary>\n {8}<p>/);
  assert.match(markdown, /<details>\n {8}<summary> Referenties<\/summary>/);
  const [body, refs] = markdown.split('<summary> Referenties</summary>') as [string, string];
  const cited = new Set([...body.matchAll(/\\\[(\d+)\\\]/g)].map((m) => Number(m[1])));
  const listed = [...refs.matchAll(/^\s*\*\*\[?\\\[(\d+)\\\]\]?(?:\(([^)]+)\))?\*\* : \*\*\((\d{4}-\d{2}-\d{2}|zonder datum)\)\*\* /gm)];
  assert.ok(listed.length > 0, 'has references');
  assert.deepEqual([...cited].sort((a, b) => a - b), listed.map((m) => Number(m[1])), 'every citation is listed and every reference cited');
  assert.deepEqual(listed.map((m) => Number(m[1])), listed.map((_, i) => i + 1), 'numbered 1..n');
  const first = [...body.matchAll(/\\\[(\d+)\\\]/g)].map((m) => Number(m[1]));
  assert.deepEqual([...new Set(first)], [...new Set(first)].sort((a, b) => a - b), 'numbered in order of first appearance');
  return listed.flatMap((m) => (m[2] ? [m[2]] : []));
}

describe('report', () => {
  test('justitie/3.4 cites the LIVC-R decree and the liaison officer, each commitment with a status', async () => {
    const md = await cli(['report', 'justitie/3.4']);
    assert.equal(md.code, 0, md.stderr);
    const uris = checkMarkdownReport(md.stdout);
    // Decisions the predecessor's report also cited: the LIVC-R decree's final stage and the liaison officer.
    assert.ok(uris.some((u) => u.includes('60A3B2AA364ED90008000362') || u.includes('bff8d9d0-4924-11ec-94bb-99a9d1e168fe')), 'LIVC-R decree');
    assert.ok(uris.includes('http://themis.vlaanderen.be/id/resource/9f4d4c60-492a-11ec-94bb-99a9d1e168fe'), 'liaison officer');
    const json = JSON.parse((await cli(['report', 'justitie/3.4', '--format', 'json'])).stdout);
    assert.equal(json.commitments.length, 2);
    for (const c of json.commitments) {
      assert.ok(['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor'].includes(c.status));
      assert.ok(['hoog', 'laag'].includes(c.confidence));
      assert.ok(c.reason.length > 10 && c.confidenceReason.length > 10);
    }
    // The decree commitment has a trace whose decisive source is the furthest stage of the LIVC-R dossier: the ratified decree.
    assert.notEqual(json.commitments[0].status, 'geen-spoor');
    assert.equal(json.commitments[0].decisiveSourceKey, '60A3B2AA364ED90008000362');
    assert.equal(json.commitments[1].status, 'gerealiseerd');
    assert.equal(json.commitments[1].decisiveSourceKey, '5E4B9B2AA19C1A0008000182');
  });

  test('binnenlands-bestuur-en-stedenbeleid/2.2.9 shows the LIVC-R dossier stages and the parliament signal', async () => {
    const md = (await cli(['report', 'binnenlands-bestuur-en-stedenbeleid/2.2.9'])).stdout;
    checkMarkdownReport(md);
    assert.match(md, /## Dossiers[\s\S]*principiële goedkeuring[\s\S]*bekrachtiging/);
    assert.match(md, /Dat samenwerkingsakkoord is er nog niet/);
    assert.doesNotMatch(md, /woonmaatschappijen/i, 'no evidence that only shares generic words');
  });

  test('html and json renderings; unknown sections and formats are refused', async () => {
    const html = await cli(['report', 'justitie/3.4', '--format', 'html']);
    assert.match(html.stdout, /^<!DOCTYPE html>/i);
    assert.match(html.stdout, /<html lang="nl">/);
    assert.equal((await cli(['report', 'justitie/99.9'])).code, 2);
    assert.equal((await cli(['report', 'justitie/3.4', '--format', 'pdf'])).code, 2);
    assert.equal((await cli(['report', '--all'])).code, 2);
  });

  test('report --all writes every section, skips finished ones on a rerun, and leaves no temporary files', async () => {
    const out = join(work, 'reports');
    const first = await cli(['report', '--all', '--out', out, '--quiet']);
    assert.equal(first.code, 0, first.stderr);
    const files = readdirSync(out);
    const reports = files.filter((f) => f.endsWith('.md') && f !== 'index.md');
    assert.ok(reports.length >= 225, `${reports.length} reports`);
    assert.ok(files.includes('index.md') && files.includes('index.json'));
    assert.ok(!files.some((f) => f.includes('.tmp-')));
    for (const file of ['justitie__3.4.md', 'media__6.md']) assert.ok(existsSync(join(out, file)), file);
    checkMarkdownReport(readFileSync(join(out, 'justitie__3.4.md'), 'utf8'));
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    assert.equal(index.sections.length, reports.length);
    const rerun = await cli(['report', '--all', '--out', out, '--quiet']);
    assert.match(rerun.stdout, /\(0 nieuw, \d+ al klaar\)/);
    assert.equal(index.generation, JSON.parse(readFileSync(join(out, 'justitie__3.4.json'), 'utf8')).generation);
    // After a new ingest every file is of an older data generation, and is rewritten.
    assert.equal((await cli(['ingest', '--data', makeDataFolder(), '--quiet'])).code, 0);
    const afterIngest = await cli(['report', '--all', '--out', out, '--quiet']);
    assert.match(afterIngest.stdout, new RegExp(`\\(${index.sections.length} nieuw, 0 al klaar\\)`));
    assert.ok(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).generation > index.generation);
  });
});

describe('ask', () => {
  test('answers with citations from the evidence', async () => {
    const result = await cli(['ask', 'wat deed de regering rond LIVC-R?', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const answered = JSON.parse(result.stdout);
    assert.equal(answered.answer.noEvidence, false);
    assert.ok(answered.references.length > 0);
    assert.ok(answered.references.some((r: { title: string }) => /veiligheidscel|LIVC/i.test(r.title)));
    const keys = new Set(answered.references.map((r: { key: string }) => r.key));
    for (const claim of answered.answer.paragraphs.flat()) for (const key of claim.citations) assert.ok(keys.has(key));
  });

  test('says so when nothing relevant is found, and refuses too short or too long questions', async () => {
    const none = await cli(['ask', 'Hoeveel giraffen leven er op de maan volgens de sterrenkundigen?']);
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stdout, /geen relevante beslissingen of parlementaire documenten/);
    assert.doesNotMatch(none.stdout, /Bronnen:/);
    const short = await cli(['ask', 'LIVC?']);
    assert.equal(short.code, 2);
    assert.match(short.stderr, /te kort/);
    const long = await cli(['ask', 'waarom '.repeat(200)]);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /te lang/);
  });
});

describe('LLM generator through the CLI', () => {
  test('an invented reference never reaches the report; unusable answers fall back to the extractive generator', async () => {
    const invented = JSON.stringify({
      title: 'Rapport',
      sections: [{ heading: 'Bevindingen', paragraphs: [[{ text: 'Het decreet werd goedgekeurd.', citations: [1, 99] }, { text: 'Verzonnen.', citations: [42] }]] }],
    });
    const server = await startFakeChatServer([completion(invented)]);
    try {
      const env = { BELOFTEMETER_LLM_BASE_URL: server.baseURL, BELOFTEMETER_LLM_MODEL: 'test-model', BELOFTEMETER_LLM_API_KEY: 'sk-test' };
      const md = await cli(['report', 'justitie/3.4', '--generator', 'llm'], env);
      assert.equal(md.code, 0, md.stderr);
      checkMarkdownReport(md.stdout);
      assert.match(md.stdout, /Het decreet werd goedgekeurd \\\[\d+\\\]\./);
      assert.doesNotMatch(md.stdout, /Verzonnen/);
      assert.match(md.stdout, /taalmodel test-model/);
      assert.equal(server.requests[0]?.headers.authorization, 'Bearer sk-test');
    } finally {
      await server.close();
    }
    const broken = await startFakeChatServer([apiError(500, 'kapot')]);
    try {
      const env = {
        BELOFTEMETER_LLM_BASE_URL: broken.baseURL, BELOFTEMETER_LLM_MODEL: 'test-model', BELOFTEMETER_LLM_MAX_RETRIES: '1',
      };
      const md = await cli(['report', 'justitie/3.4', '--generator', 'llm'], env);
      assert.equal(md.code, 0, md.stderr);
      checkMarkdownReport(md.stdout);
      assert.match(md.stdout, /terugval op de extractieve generator/);
    } finally {
      await broken.close();
    }
    const missing = await cli(['report', 'justitie/3.4', '--generator', 'llm'], { BELOFTEMETER_LLM_BASE_URL: undefined, BELOFTEMETER_LLM_MODEL: undefined });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /BELOFTEMETER_LLM_BASE_URL/);
  });
});

describe('one assessment per commitment', () => {
  test('a chapter report shows every commitment with the status, source and confidence of its own section report', async () => {
    const sections = JSON.parse((await cli(['sections', '--json'])).stdout) as { id: string; parentId: string | null }[];
    const chapter = JSON.parse((await cli(['report', 'justitie/3', '--format', 'json'])).stdout);
    assert.ok(chapter.commitments.length > 5, 'the chapter has commitments from its sections');
    const inChapter = new Map(chapter.commitments.map((c: { id: string }) => [c.id, c]));
    let compared = 0;
    for (const id of new Set(chapter.commitments.map((c: { id: string }) => c.id.split('#')[0]!))) {
      const own = JSON.parse((await cli(['report', id as string, '--format', 'json'])).stdout);
      for (const c of own.commitments.filter((x: { id: string }) => x.id.startsWith(`${id}#`))) {
        const same = inChapter.get(c.id) as { status: string; decisiveSourceKey: string | null; confidence: string; text: string };
        assert.ok(same, `${c.id} is in the chapter report`);
        assert.deepEqual(
          [same.text, same.status, same.decisiveSourceKey, same.confidence],
          [c.text, c.status, c.decisiveSourceKey, c.confidence],
          `${c.id}: one status in every view`,
        );
        compared++;
      }
    }
    assert.equal(compared, chapter.commitments.length);
    assert.ok(sections.some((s) => s.parentId === 'justitie/3'));
    // Offsets still point into the text the report quotes.
    for (const c of chapter.commitments) assert.equal(chapter.section.text.slice(c.start, c.end), c.text);
  });
});

describe('eval-status', () => {
  test('scores the stored statuses against a gold file and refuses a malformed one', async () => {
    const report = JSON.parse((await cli(['report', 'binnenlands-bestuur-en-stedenbeleid/2.2.5', '--format', 'json'])).stdout);
    const label = (s: string) => s.replace('-', ' ');
    const commitments = report.commitments.map((c: { text: string; status: string; decisiveSourceKey: string | null }, i: number) => ({
      text: c.text,
      checkable: true,
      // The last one the assessor judged otherwise.
      status: i === report.commitments.length - 1 ? (c.status === 'geen-spoor' ? 'gerealiseerd' : 'geen spoor') : label(c.status),
      evidence: c.decisiveSourceKey ? [c.decisiveSourceKey] : [],
    }));
    const goldFile = join(work, 'gold.json');
    writeFileSync(goldFile, JSON.stringify({ sections: { 'binnenlands-bestuur-en-stedenbeleid/2.2.5': { commitments } } }));
    const result = await cli(['eval-status', goldFile, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const scores = JSON.parse(result.stdout);
    const n = commitments.length;
    assert.equal(scores.gold_checkable, n);
    assert.equal(scores.not_listed, 0);
    assert.equal(scores.accuracy, Math.round(((n - 1) / n) * 1000) / 1000);
    assert.equal(scores.extraction_precision, 1);
    const text = await cli(['eval-status', goldFile]);
    assert.match(text.stdout, /juiste status: +0\.\d{3}/);
    writeFileSync(goldFile, JSON.stringify({ sections: { x: { commitments: [{ text: 'a' }] } } }));
    const bad = await cli(['eval-status', goldFile]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not in the format of status-dev\.json/);
  });
});

describe('verify: a language model checks the candidate sources', () => {
  // The model of this test says a source carries out a commitment when it is the LIVC-R decree or the
  // officer's appointment, and only shares the topic otherwise: a strict reader, scripted.
  const judge = (request: { body: { messages?: { role: string; content: string }[] } | null }) => {
    const prompt = request.body?.messages?.find((m) => m.role === 'user')?.content ?? '';
    const sources = [...prompt.matchAll(/^\[(\d+)\] (.*)$/gm)];
    const oordelen = sources.map(([, n, line]) => ({
      bron: Number(n),
      oordeel: /machtigingsdecreet|Aanstellen van een verbindingsofficier/.test(line!) ? 'voert uit' : 'zelfde onderwerp',
    }));
    return completion(JSON.stringify({ oordelen }));
  };

  test('verdicts set the status in every view, are kept, survive a re-ingest, and are not asked twice', async () => {
    const server = await startFakeChatServer((request) => judge(request));
    const env = { BELOFTEMETER_LLM_BASE_URL: server.baseURL, BELOFTEMETER_LLM_MODEL: 'test-model' };
    try {
      const first = await cli(['verify', 'justitie/3.4', '--json', '--quiet'], env);
      assert.equal(first.code, 0, first.stderr);
      const summary = JSON.parse(first.stdout);
      assert.equal(summary.model, 'test-model');
      assert.equal(summary.failed, 0);
      assert.ok(summary.verified >= 2 && summary.requests === summary.verified, JSON.stringify(summary));
      assert.equal(server.requests.length, summary.requests);
      assert.match(server.requests[0]!.body!.messages![1]!.content, /^Engagement uit het regeerakkoord \(3\.4 /);

      const report = JSON.parse((await cli(['report', 'justitie/3.4', '--format', 'json'])).stdout);
      const [decree, officer] = report.commitments;
      assert.equal(decree.status, 'gerealiseerd');
      assert.equal(decree.verifiedBy, 'test-model');
      assert.match(decree.confidenceReason, /^Nagekeken door taalmodel test-model/);
      assert.equal(decree.decisiveSourceKey, '60A3B2AA364ED90008000362');
      assert.equal(officer.status, 'gerealiseerd');
      // The chapter shows the same verified status.
      const chapter = JSON.parse((await cli(['report', 'justitie/3', '--format', 'json'])).stdout);
      assert.deepEqual(chapter.commitments.find((c: { id: string }) => c.id === decree.id).verifiedBy, 'test-model');

      const again = JSON.parse((await cli(['verify', 'justitie/3.4', '--json', '--quiet'], env)).stdout);
      assert.equal(again.requests, 0);
      assert.equal(again.alreadyVerified, summary.verified);

      assert.equal((await cli(['ingest', '--data', makeDataFolder(), '--quiet'])).code, 0);
      const afterIngest = JSON.parse((await cli(['report', 'justitie/3.4', '--format', 'json'])).stdout);
      assert.equal(afterIngest.commitments[0].verifiedBy, 'test-model');
    } finally {
      await server.close();
    }
    const missing = await cli(['verify'], { BELOFTEMETER_LLM_BASE_URL: undefined, BELOFTEMETER_LLM_MODEL: undefined });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /verify needs a language model/);
  });
});
