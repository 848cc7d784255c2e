// The renderer tests run on a hand-built report whose sources are real: this
// test keeps the fixture honest against the bundled data, so the rendered
// samples show real ids, URIs, titles and dates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Decision } from '../../model/documents.js';
import { bundledDecisions } from '../../testing/fixture-data.js';
import { readParliamentFolder } from '../../sources/parliament/index.js';
import type { SectionReport } from '../model.js';
import { collapseWhitespace } from '../../text/index.js';

const FIXTURE = new URL('../../../test/fixtures/report/livc-r-section-report.json', import.meta.url);
const PARLIAMENT = fileURLToPath(new URL('../../../data/parlement/', import.meta.url));
const report = JSON.parse(readFileSync(FIXTURE, 'utf8')) as SectionReport;

test('fixture decisions are real bundled decisions: id, URI, title, date and body extract', async () => {
  const wanted = new Set([
    ...Object.values(report.sources).filter((source) => source.type === 'decision').map((source) => source.key),
    ...report.dossiers.flatMap((dossier) => dossier.steps.map((step) => step.decisionId)),
  ]);
  const found = new Map<string, Decision>();
  for (const decision of await bundledDecisions()) if (wanted.has(decision.id)) found.set(decision.id, decision);
  assert.equal(found.size, wanted.size, 'every decision of the fixture is in the bundled data');
  assert.ok(found.size >= 5);

  for (const source of Object.values(report.sources)) {
    if (source.type !== 'decision') continue;
    const decision = found.get(source.key)!;
    assert.equal(source.uri, decision.uri);
    assert.equal(source.title, decision.title);
    assert.equal(source.date, decision.meetingDate);
    assert.ok(collapseWhitespace(decision.bodyText).startsWith(source.snippet), `snippet of ${source.key} is the start of its body`);
  }
  for (const step of report.dossiers.flatMap((dossier) => dossier.steps)) {
    assert.equal(step.date, found.get(step.decisionId)!.meetingDate);
  }
  assert.ok(
    report.dossiers[0]!.steps.some((step) => !(step.decisionId in report.sources)),
    'one dossier step is not among the sources (rendered without a number)',
  );
});

test('fixture parliament source is written question 294, without a link, quoted verbatim', async () => {
  const { documents } = await readParliamentFolder(PARLIAMENT);
  const parliamentSources = Object.values(report.sources).filter((source) => source.type === 'parliament');
  assert.equal(parliamentSources.length, 1);
  const source = parliamentSources[0]!;
  const document = documents.find((candidate) => candidate.id === source.key);
  assert.ok(document, source.key);
  assert.equal(document.number, '294');
  assert.equal(source.title, document.title);
  assert.equal(source.date, document.date);
  assert.equal(source.uri, null);
  assert.equal(document.uri, null);
  const problems = report.commitments.flatMap((commitment) => commitment.problems);
  assert.ok(problems.length >= 2);
  for (const problem of problems) assert.ok(collapseWhitespace(document.text).includes(problem.quote), problem.quote);
});

test('fixture commitments are exact spans of the section text', () => {
  for (const commitment of report.commitments) {
    assert.equal(report.section.text.slice(commitment.start, commitment.end), commitment.text);
  }
});
