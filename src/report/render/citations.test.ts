import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SectionReport } from '../model.js';
import { UnknownCitationError, numberCitations, placeholderKeys, replaceCitationPlaceholders, resolveReason } from './citations.js';

const FIXTURE = new URL('../../../test/fixtures/report/livc-r-section-report.json', import.meta.url);
const loadReport = (): SectionReport => JSON.parse(readFileSync(FIXTURE, 'utf8')) as SectionReport;

const PARLIAMENT_294 = 'parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord';

test('numbers by first appearance: body claims first, then reasons, then parliamentary signals', () => {
  const report = loadReport();
  const { order, numberOf } = numberCitations(report);

  // Expected order derived from the report itself, walking it the documented way.
  const expected: string[] = [];
  const see = (key: string) => {
    if (!expected.includes(key)) expected.push(key);
  };
  for (const section of report.body) for (const paragraph of section.paragraphs) for (const claim of paragraph) claim.citations.forEach(see);
  for (const commitment of report.commitments) placeholderKeys(commitment.reason).forEach(see);
  for (const commitment of report.commitments) commitment.problems.forEach((problem) => see(problem.sourceKey));
  assert.deepEqual(order, expected);

  // The concrete fixture: five decisions cited in the prose, question 294 first cited in a reason.
  assert.equal(order.length, 6);
  assert.equal(numberOf.get('5F0D5B16FA87E000080004A0'), 1);
  assert.equal(numberOf.get('60A3B2AA364ED90008000362'), 4, 'cited again in the conclusion, keeps its first number');
  assert.equal(numberOf.get(PARLIAMENT_294), 6);
  order.forEach((key, index) => assert.equal(numberOf.get(key), index + 1));
});

test('sources that are never cited get no number', () => {
  const report = loadReport();
  assert.ok(report.sources['60E42297364ED900080007C3'], 'the fixture holds an uncited source');
  const { order, numberOf } = numberCitations(report);
  assert.equal(numberOf.has('60E42297364ED900080007C3'), false);
  assert.equal(order.includes('60E42297364ED900080007C3'), false);
});

test('a source first cited in a reason is numbered after the body and before the signals', () => {
  const report = loadReport();
  report.commitments[1]!.reason += ' en draaiboek {{cite:60E42297364ED900080007C3}}';
  const { order, numberOf } = numberCitations(report);
  assert.equal(numberOf.get(PARLIAMENT_294), 6, 'first reason');
  assert.equal(numberOf.get('60E42297364ED900080007C3'), 7, 'second reason');
  assert.equal(order.length, 7);
});

test('a signal source cited nowhere else is numbered after the reasons', () => {
  const report = loadReport();
  const commitment = report.commitments[0]!;
  commitment.reason = 'Decreet bekrachtigd op 2021-05-21 {{cite:60A3B2AA364ED90008000362}}';
  const { order, numberOf } = numberCitations(report);
  assert.equal(order.at(-1), PARLIAMENT_294);
  assert.equal(numberOf.get(PARLIAMENT_294), order.length);
});

test('a citation of an unknown source throws, wherever it is', () => {
  const inClaim = loadReport();
  inClaim.body[0]!.paragraphs[0]![0]!.citations.push('DOES-NOT-EXIST');
  assert.throws(() => numberCitations(inClaim), (error: unknown) => error instanceof UnknownCitationError && error.key === 'DOES-NOT-EXIST');

  const inReason = loadReport();
  inReason.commitments[1]!.reason += ' {{cite:ALSO-MISSING}}';
  assert.throws(() => numberCitations(inReason), /ALSO-MISSING/);

  const inSignal = loadReport();
  inSignal.commitments[1]!.problems.push({ sourceKey: 'parlement/unknown', quote: 'x' });
  assert.throws(() => numberCitations(inSignal), UnknownCitationError);

  const emptyKey = loadReport();
  emptyKey.commitments[0]!.reason = 'leeg {{cite:}}';
  assert.throws(() => numberCitations(emptyKey), UnknownCitationError);

  // A key that exists on every object's prototype is still unknown.
  const prototypeKey = loadReport();
  prototypeKey.body[0]!.paragraphs[0]![0]!.citations = ['constructor'];
  assert.throws(() => numberCitations(prototypeKey), UnknownCitationError);
});

test('resolveReason writes Markdown citations; the formatter variant escapes text and links citations', () => {
  const numberOf = new Map([
    ['A', 3],
    ['B', 7],
  ]);
  assert.equal(resolveReason('Goedgekeurd op 2021-03-05 {{cite:A}}{{cite:B}}', numberOf), 'Goedgekeurd op 2021-03-05 \\[3\\]\\[7\\]');
  assert.equal(resolveReason('geen bronnen', numberOf), 'geen bronnen');
  const html = replaceCitationPlaceholders('a < b {{cite:B}} & c', numberOf, {
    citation: (n) => `<a href="#ref-${n}">[${n}]</a>`,
    text: (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
  });
  assert.equal(html, 'a &lt; b <a href="#ref-7">[7]</a> &amp; c');
  assert.throws(() => resolveReason('{{cite:C}}', numberOf), UnknownCitationError);
  assert.deepEqual(placeholderKeys('{{cite:x}} en {{cite:parlement/y-1}} en {{cite:x}}'), ['x', 'parlement/y-1', 'x']);
});
