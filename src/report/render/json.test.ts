import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SectionReport } from '../model.js';
import { numberCitations, placeholderKeys } from './citations.js';
import { renderJson, type JsonReport } from './json.js';

const FIXTURE = new URL('../../../test/fixtures/report/livc-r-section-report.json', import.meta.url);
const loadReport = (): SectionReport => JSON.parse(readFileSync(FIXTURE, 'utf8')) as SectionReport;

test('JSON export: versioned, pretty-printed, references numbered like the other formats', () => {
  const report = loadReport();
  const text = renderJson(report);
  assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n'));
  assert.ok(text.endsWith('}\n'));
  const json = JSON.parse(text) as JsonReport;
  const { order } = numberCitations(report);

  assert.deepEqual(
    json.references.map((reference) => [reference.n, reference.key]),
    order.map((key, index) => [index + 1, key]),
  );
  for (const reference of json.references) {
    const source = report.sources[reference.key]!;
    assert.deepEqual(Object.keys(reference), ['n', 'key', 'type', 'title', 'date', 'uri', 'snippet', 'stage', 'dossierId', 'mandatees']);
    assert.equal(reference.title, source.title);
    assert.equal(reference.uri, source.uri);
    assert.equal(reference.date, source.date);
    assert.equal(reference.stage, source.stage ?? null);
  }
  assert.equal(json.references.find((reference) => reference.type === 'parliament')?.uri, null);
  assert.equal(json.title, report.title);
  assert.deepEqual(json.section, report.section);
  assert.deepEqual(json.generator, report.generator);
});

test('JSON export: claims, commitments and dossier steps carry reference numbers', () => {
  const report = loadReport();
  const json = JSON.parse(renderJson(report)) as JsonReport;
  const numberOf = new Map(json.references.map((reference) => [reference.key, reference.n]));
  const listed = new Set(json.references.map((reference) => reference.n));

  json.body.forEach((section, s) =>
    section.paragraphs.forEach((paragraph, p) =>
      paragraph.forEach((claim, c) => {
        const original = report.body[s]!.paragraphs[p]![c]!;
        assert.equal(claim.text, original.text);
        assert.deepEqual(claim.citations, [...new Set(original.citations)].map((key) => numberOf.get(key)));
      }),
    ),
  );
  assert.deepEqual(json.body[0]!.paragraphs[0]![1]!.citations, [3, 4]);
  assert.deepEqual(json.body[1]!.paragraphs[0]![1]!.citations, [], 'a claim about missing evidence cites nothing');

  json.commitments.forEach((commitment, index) => {
    const original = report.commitments[index]!;
    assert.doesNotMatch(commitment.reason, /\{\{cite:/);
    assert.deepEqual(commitment.citations, [...new Set(placeholderKeys(original.reason))].map((key) => numberOf.get(key)));
    for (const n of commitment.citations) assert.ok(commitment.reason.includes(`[${n}]`));
    for (const n of commitment.citations) assert.ok(listed.has(n));
  });
  const first = json.commitments[0]!;
  assert.equal(first.reason, 'Decreet bekrachtigd op 2021-05-21 [4], na definitieve goedkeuring op 2021-03-05 [3]; het federale samenwerkingsakkoord ontbreekt nog [6]');
  assert.equal(first.statusLabel, 'gerealiseerd');
  assert.equal(first.decisiveCitation, 4);
  assert.deepEqual(first.problems.map((problem) => problem.n), [6, 6]);
  assert.deepEqual(first.evidence.map((evidence) => evidence.n), [4, 3, null], 'uncited evidence has no number');

  const steps = json.dossiers[0]!.steps;
  assert.deepEqual(steps.map((step) => step.n), [1, 2, null, 3, 4]);
  assert.equal(steps[2]!.decisionId, '5FD8E0F96B34EF0008000A98');
  assert.equal(json.dossiers.length, report.dossiers.length, 'JSON keeps every dossier, even single-step ones');
});
