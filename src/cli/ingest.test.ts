// Integration: the ingest command on a real (small) data folder, and every
// kind of bad input the foundation issue names, each leaving the store intact.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { bundledDecisionLines, emptyFolder, makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-cli-'));
const db = join(work, 'index.db');
const cli = (...args: string[]) => runCli([...args, '--db', db]);
let data: string;
let baseline: { sections: number; decisions: number; parliament: number };

async function stats() {
  const result = await cli('stats', '--json');
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as { sections: number; decisions: number; parliament: number; leafSections: number };
}

before(async () => {
  data = makeDataFolder();
  const result = await cli('ingest', '--data', data, '--quiet');
  assert.equal(result.code, 0, result.stderr);
  const s = await stats();
  baseline = { sections: s.sections, decisions: s.decisions, parliament: s.parliament };
});

after(() => rmSync(work, { recursive: true, force: true }));

describe('ingest', () => {
  test('loads the agreement tree, the decisions and the parliament documents', async () => {
    const s = await stats();
    assert.equal(s.sections, 286);
    assert.equal(s.leafSections, 225);
    assert.equal(s.decisions, sampleDecisionLines().length);
    assert.equal(s.parliament, 3);
  });

  test('re-ingesting the same data changes nothing', async () => {
    const result = await cli('ingest', '--data', data, '--quiet', '--json');
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.written.decisions, 0);
    assert.equal(summary.written.parliament, 0);
    assert.equal(summary.decisions, baseline.decisions);
  });

  test('show prints a clean section with hyphenation undone', async () => {
    const result = await cli('show', 'justitie/3.4');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /De strijd tegen gewelddadige radicalisering/);
    assert.match(result.stdout, /verbindingsofficier/);
    assert.match(result.stdout, /geïnstalleerd/);
    assert.match(result.stdout, /informatie-uitwisseling/);
    assert.doesNotMatch(result.stdout, /verbindings-\s*officier|geïnstal-\s*leerd/);
  });

  test('show finds decisions and parliament documents, and suggests ids for a partial one', async () => {
    const decision = JSON.parse((await cli('show', '5FBE4A0E6B34EF0008000C2C', '--json')).stdout || '{}');
    const anyId = JSON.parse(bundledDecisionLines()[0]!).id as string;
    const shown = await cli('show', anyId, '--json');
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).type, 'decision');
    assert.ok(decision);
    const doc = await cli('show', 'parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord', '--json');
    assert.equal(JSON.parse(doc.stdout).number, '294');
    const partial = await cli('show', '3.4');
    assert.equal(partial.code, 2);
    assert.match(partial.stderr, /did you mean: .*justitie\/3\.4/);
  });

  test('sections --json lists the tree with parents', async () => {
    const sections = JSON.parse((await cli('sections', '--json')).stdout) as { id: string; parentId: string | null }[];
    assert.equal(sections.length, 286);
    const livc = sections.find((s) => s.id === 'binnenlands-bestuur-en-stedenbeleid/2.2.9');
    assert.equal(livc?.parentId, 'binnenlands-bestuur-en-stedenbeleid/2.2');
  });
});

describe('dossiers in show and search', () => {
  // The LIVC-R authorisation decree: five stages from principled approval to ratification.
  const LIVC_FINAL = '603F6012339140000800035B';

  test('show of a decision prints its dossier timeline with the decision marked', async () => {
    const result = await cli('show', LIVC_FINAL);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Dossier: .*lokale integrale veiligheidscellen/i);
    assert.match(result.stdout, /5 stappen, 2020-07-17 tot 2021-05-21; verste stadium: bekrachtiging en afkondiging/);
    assert.match(result.stdout, /^→ 2021-03-05 {2}definitieve goedkeuring .*\[603F6012339140000800035B\]$/m);
    assert.match(result.stdout, /^ {2}2020-07-17 {2}principiële goedkeuring .*\[5F0D5B16FA87E000080004A0\]$/m);
    const json = JSON.parse((await cli('show', LIVC_FINAL, '--json')).stdout);
    assert.deepEqual(json.dossier.steps.map((s: { date: string }) => s.date), ['2020-07-17', '2020-10-30', '2020-12-18', '2021-03-05', '2021-05-21']);
    assert.deepEqual(json.dossier.steps.filter((s: { current: boolean }) => s.current).map((s: { decisionId: string }) => s.decisionId), [LIVC_FINAL]);
  });

  test('search --per-dossier folds the stages of one dossier into one result', async () => {
    const query = ['lokale', 'integrale', 'veiligheidscellen', 'radicalisme'];
    const flat = JSON.parse((await cli('search', ...query, '--k', '10', '--json')).stdout) as { id: string }[];
    const result = await cli('search', ...query, '--k', '10', '--per-dossier', '--json');
    assert.equal(result.code, 0, result.stderr);
    const grouped = JSON.parse(result.stdout) as { id: string; rank: number; dossier?: { id: string; stepCount: number; matched: { id: string }[] } }[];
    const livcStages = new Set(['5F0D5B16FA87E000080004A0', '5F9936BF5B1AD200080003A6', '5FD8E0F96B34EF0008000A98', LIVC_FINAL, '60A3B2AA364ED90008000362']);
    assert.ok(flat.filter((h) => livcStages.has(h.id)).length >= 3, 'without grouping the stages crowd the list');
    const livc = grouped.filter((h) => livcStages.has(h.id));
    assert.equal(livc.length, 1, 'one result for the dossier');
    assert.equal(livc[0]!.dossier?.stepCount, 5);
    assert.ok(livc[0]!.dossier!.matched.length >= 3);
    assert.ok(livc[0]!.dossier!.matched.every((m) => livcStages.has(m.id)));
    const dossierIds = grouped.flatMap((h) => (h.dossier ? [h.dossier.id] : []));
    assert.equal(new Set(dossierIds).size, dossierIds.length, 'no dossier twice');
    assert.deepEqual(grouped.map((h) => h.rank), grouped.map((_, i) => i + 1));
    assert.equal(grouped.length, 10, 'still k results: collapsing looks further down the ranking');
    const text = await cli('search', ...query, '--k', '3', '--per-dossier');
    assert.match(text.stdout, /dossier van 5 stappen \(2020-07-17 tot 2021-05-21, verst: bekrachtiging en afkondiging\); ook gevonden: /);
  });
});

describe('bad input leaves the index intact', () => {
  test('a truncated .gz stops with exit 2 and a clear message', async () => {
    const full = gzipSync(`${sampleDecisionLines().join('\n')}\n`);
    const dir = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl.gz', content: full.subarray(0, Math.floor(full.length / 2)) } });
    const result = await cli('ingest', '--data', dir, '--quiet');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /truncated or not valid gzip/);
    assert.deepEqual({ ...(await stats()), leafSections: undefined }, { ...(await stats()), leafSections: undefined });
    const s = await stats();
    assert.deepEqual({ sections: s.sections, decisions: s.decisions, parliament: s.parliament }, baseline);
  });

  test('a malformed JSON line is skipped and reported with its line number; the rest is ingested', async () => {
    const lines = sampleDecisionLines().slice(0, 5);
    const broken = [lines[0], lines[1], '{"type":"news-item", "id": oops', lines[2], lines[3], lines[4]].join('\n');
    const dir = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl', content: broken } });
    const otherDb = join(work, 'malformed.db');
    const result = await runCli(['ingest', '--data', dir, '--db', otherDb, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.decisions, 5);
    assert.equal(summary.skipped, 1);
    assert.equal(summary.issues[0].line, 3);
    assert.match(result.stderr, /waarschuwing: .*beslissingen\.jsonl:3: not valid JSON/);
  });

  test('list-valued, null-valued fields and hostile HTML are normalised and sanitised', async () => {
    const record = JSON.parse(bundledDecisionLines().find((l) => /"mandateeIds":\s*\[/.test(l))!);
    record.id = record.attributes.uuid = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    record.attributes.themeId = null;
    record.attributes.position = null;
    record.attributes.htmlContent = '<p onclick="steal()">Goedgekeurd<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">link</a></p>';
    const dir = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl', content: JSON.stringify(record) }, withAgreement: false, withParliament: false });
    const otherDb = join(work, 'hostile.db');
    assert.equal((await runCli(['ingest', '--data', dir, '--db', otherDb, '--quiet'])).code, 0);
    const shown = JSON.parse((await runCli(['show', 'AAAAAAAAAAAAAAAAAAAAAAAA', '--json', '--db', otherDb])).stdout);
    assert.ok(shown.mandatees.length >= 2);
    assert.deepEqual(shown.themes, []);
    assert.equal(shown.position, null);
    assert.doesNotMatch(shown.bodyHtml, /script|onclick|onerror|javascript:/i);
    assert.doesNotMatch(shown.bodyText, /alert/);
    assert.match(shown.bodyText, /Goedgekeurd/);
  });

  test('a non-PDF agreement stops with exit 2 and the old index stays readable', async () => {
    const dir = makeDataFolder();
    writeFileSync(join(dir, 'regeerakkoord-2019-2024.pdf'), 'dit is geen pdf');
    const result = await cli('ingest', '--data', dir, '--quiet');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not a PDF file/);
    const s = await stats();
    assert.deepEqual({ sections: s.sections, decisions: s.decisions, parliament: s.parliament }, baseline);
    assert.match((await cli('show', 'justitie/3.4')).stdout, /verbindingsofficier/);
  });

  test('an empty data folder and a missing one are refused with exit 2', async () => {
    const empty = await cli('ingest', '--data', emptyFolder(), '--quiet');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no data found/);
    const missing = await cli('ingest', '--data', join(work, 'nope'), '--quiet');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the data folder/);
  });

  test('commands on a missing index and unknown flags fail clearly', async () => {
    const none = await runCli(['stats', '--db', join(work, 'missing.db')]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no index at .*run "beloftemeter ingest" first/);
    const unknown = await cli('stats', '--bogus');
    assert.equal(unknown.code, 2);
    assert.doesNotMatch(unknown.stderr, /at .*\.js:\d+/, 'no stack trace');
  });
});

test('the README documents the two commands CI runs', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
  assert.match(readme, /npm ci && npm run setup/);
  assert.match(ci, /npm ci && npm run setup/);
  assert.match(ci, /^npm test$/m);
});
