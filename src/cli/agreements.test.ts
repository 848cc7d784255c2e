// Several agreements side by side: a second agreement PDF in the data folder
// keeps the first one's sections (their ids recur), commands and URLs take the
// agreement, and the newest one is the default.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { extractiveAnswerer, extractiveGenerator } from '../report/extractive.js';
import { buildServer } from '../server/app.js';
import { loadServedData } from '../server/served-data.js';
import { openSqliteStore } from '../store/sqlite.js';
import { makeSmallAgreementPdf } from '../testing/agreement-pdf.js';
import { makeDataFolder } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-agreements-'));
const db = join(work, 'index.db');
const cli = (args: string[]) => runCli([...args, '--db', db]);
const FIRST = 'regeerakkoord-2019-2024';
const NEXT = 'regeerakkoord-2024-2029';
let data: string;

before(async () => {
  data = makeDataFolder();
  writeFileSync(join(data, `${NEXT}.pdf`), makeSmallAgreementPdf());
  const result = await cli(['ingest', '--data', data, '--quiet']);
  assert.equal(result.code, 0, result.stderr);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('both agreements are kept; the newest is the default and the other is one flag away', async () => {
  const stats = JSON.parse((await cli(['stats', '--json'])).stdout);
  assert.deepEqual(stats.agreements, [{ agreement: FIRST, sections: 286 }, { agreement: NEXT, sections: 5 }]);
  assert.equal(stats.sections, 291);

  const newest = JSON.parse((await cli(['sections', '--json'])).stdout) as { id: string }[];
  assert.deepEqual(newest.map((s) => s.id), ['justitie/3', 'justitie/3.4', 'justitie/3.5', 'welzijn/4', 'welzijn/4.1']);
  assert.equal(JSON.parse((await cli(['sections', '--json', '--agreement', FIRST])).stdout).length, 286);

  const next = JSON.parse((await cli(['report', 'justitie/3.4', '--format', 'json'])).stdout);
  assert.equal(next.section.title, 'Een snellere rechtspraak');
  assert.ok(next.commitments.some((c: { text: string }) => /proefbureau voor snelrecht/.test(c.text)));
  const first = JSON.parse((await cli(['report', 'justitie/3.4', '--format', 'json', '--agreement', FIRST])).stdout);
  assert.match(first.section.title, /gecoördineerde uitwisseling van gegevens/);
  assert.ok(first.commitments.some((c: { text: string }) => /LIVC-R/.test(c.text)));

  const unknown = await cli(['sections', '--agreement', 'regeerakkoord-1999']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, new RegExp(`no agreement "regeerakkoord-1999" in the index \\(stored: ${FIRST}, ${NEXT}\\)`));
});

test('an ingest of a folder with one agreement leaves the other as it was', async () => {
  const only = makeDataFolder();
  unlinkSync(join(only, `${FIRST}.pdf`));
  writeFileSync(join(only, `${NEXT}.pdf`), makeSmallAgreementPdf());
  assert.equal((await cli(['ingest', '--data', only, '--quiet'])).code, 0);
  const stats = JSON.parse((await cli(['stats', '--json'])).stdout);
  assert.deepEqual(stats.agreements.map((a: { sections: number }) => a.sections), [286, 5]);
  const first = JSON.parse((await cli(['report', 'justitie/3.4', '--format', 'json', '--agreement', FIRST])).stdout);
  assert.equal(first.commitments.length, 2, 'its assessments are still there');
});

test('the API takes the agreement; the default is the newest', async () => {
  const store = openSqliteStore(db, { readonly: true });
  try {
    const served = await loadServedData(store);
    const app = buildServer({ data: () => served, generator: extractiveGenerator, answerer: extractiveAnswerer, log: () => {} });
    const get = async (url: string) => app.inject({ method: 'GET', url });
    assert.equal((await get('/api/sections')).json().length, 5);
    assert.equal((await get(`/api/sections?agreement=${FIRST}`)).json().length, 286);
    assert.equal((await get('/api/reports/justitie/3.4')).json().section.title, 'Een snellere rechtspraak');
    assert.match((await get(`/api/reports/justitie/3.4?agreement=${FIRST}`)).json().section.title, /gecoördineerde/);
    assert.equal((await get(`/api/stats?agreement=${FIRST}`)).json().agreement, FIRST);
    assert.equal((await get('/api/overview')).json().title, 'Regeerakkoord 2024-2029', 'the start page names the agreement it shows');
    const promises = (await get(`/api/promises?agreement=${NEXT}&limit=100`)).json();
    assert.ok(promises.total > 0 && promises.items.every((p: { chapterId: string }) => ['justitie/3', 'welzijn/4'].includes(p.chapterId)));
    const unknown = await get('/api/sections?agreement=regeerakkoord-1999');
    assert.equal(unknown.statusCode, 400);
    await app.close();
  } finally {
    await store.close();
  }
});
