import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Source } from '../model.js';
import { extractJson, parseQuestionAnswer, parseReportAnswer } from './parse.js';
import type { NumberedSource } from './prompt.js';

const source = (key: string): Source => ({ key, type: 'decision', title: key, date: '2021-01-01', uri: null, snippet: '' });
const evidence: NumberedSource[] = ['A', 'B', 'C'].map((key, index) => ({ number: index + 1, source: source(key) }));

const report = (paragraphs: unknown[], extra: object = {}): string =>
  JSON.stringify({ title: 'Titel', sections: [{ heading: 'Bevindingen', paragraphs }], ...extra });

function ok<T>(parsed: { ok: true; value: T } | { ok: false; detail: string }): T {
  if (!parsed.ok) assert.fail(`expected success, got: ${parsed.detail}`);
  return parsed.value;
}

describe('extractJson', () => {
  it('accepts bare JSON, a fenced block, chatter around the object and a <think> block', () => {
    const object = { a: 1 };
    for (const content of [
      '{"a": 1}',
      '```json\n{"a": 1}\n```',
      '```\n{"a": 1}\n```',
      'Natuurlijk! Hier is het antwoord: {"a": 1} Veel succes.',
      '<think>Eerst {denk} ik na.</think>\n{"a": 1}',
    ]) {
      const result = extractJson(content);
      assert.ok(result.ok, content);
      assert.deepEqual(result.value, object);
    }
  });

  it('rejects truncated JSON, arrays and prose', () => {
    for (const content of ['{"title": "Voortgang', '[1, 2]', 'Ik kan dit niet beantwoorden.', '']) {
      const result = extractJson(content);
      assert.equal(result.ok, false, content);
      if (!result.ok) assert.equal(result.problem, 'not-json');
    }
  });
});

describe('parseReportAnswer', () => {
  it('maps numbers to keys, accepts numbers written as strings, and dedupes', () => {
    const value = ok(parseReportAnswer(report([[{ text: 'Zin.', citations: [2, '3', '[2]'] }]]), evidence));
    assert.deepEqual(value.body[0]!.paragraphs[0], [{ text: 'Zin.', citations: ['B', 'C'] }]);
    assert.equal(value.title, 'Titel');
  });

  it('repairs invented citations: drops the number, or the claim when nothing valid is left', () => {
    const parsed = parseReportAnswer(
      report([
        [
          { text: 'Gedeeltelijk gestaafd.', citations: [1, 99] },
          { text: 'Helemaal verzonnen.', citations: [99, 0, -1] },
          { text: 'Onzin als nummer.', citations: ['bron'] },
        ],
      ]),
      evidence,
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.body[0]!.paragraphs[0], [{ text: 'Gedeeltelijk gestaafd.', citations: ['A'] }]);
    assert.deepEqual(parsed.repairs.invalidCitations, ['99', '99', '0', '-1', 'bron']);
    assert.equal(parsed.repairs.droppedClaims, 2);
  });

  it('takes [n] markers out of the text, including lists like [1, 3]', () => {
    const value = ok(
      parseReportAnswer(report([[{ text: 'Goedgekeurd op 5 maart 2021 [1, 3] en bekrachtigd [2][42].', citations: [] }]]), evidence),
    );
    assert.deepEqual(value.body[0]!.paragraphs[0], [{ text: 'Goedgekeurd op 5 maart 2021 en bekrachtigd.', citations: ['A', 'C', 'B'] }]);
  });

  it('keeps an uncited sentence only when it states that evidence is missing', () => {
    const parsed = parseReportAnswer(
      report([
        [
          { text: 'Voor dit engagement werd geen spoor gevonden.', citations: [] },
          { text: 'De regering levert duidelijk inspanningen.', citations: [] },
          { text: 'Gestaafd.', citations: [1] },
        ],
      ]),
      evidence,
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.body[0]!.paragraphs[0]!.map((c) => c.text), ['Voor dit engagement werd geen spoor gevonden.', 'Gestaafd.']);
    assert.equal(parsed.repairs.droppedUncitedClaims, 1);
  });

  it('accepts a paragraph written as one claim and drops empty sections', () => {
    const content = JSON.stringify({
      title: 'T',
      sections: [
        { heading: 'Leeg', paragraphs: [] },
        { heading: '  Conclusie ', paragraphs: [{ text: 'Besloten.', citations: [3] }] },
      ],
    });
    const value = ok(parseReportAnswer(content, evidence));
    assert.deepEqual(value.body, [{ heading: 'Conclusie', paragraphs: [[{ text: 'Besloten.', citations: ['C'] }]] }]);
  });

  it('fails when nothing usable is left, or the schema is wrong', () => {
    const none = parseReportAnswer(report([[{ text: 'Verzonnen.', citations: [7] }]]), evidence);
    assert.equal(none.ok, false);
    if (!none.ok) assert.equal(none.problem, 'no-claims');

    const wrong = parseReportAnswer(JSON.stringify({ title: 'T', body: 'tekst' }), evidence);
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.equal(wrong.problem, 'schema');
  });

  it('ignores an unusable title', () => {
    const value = ok(parseReportAnswer(report([[{ text: 'Zin.', citations: [1] }]], { title: 'x'.repeat(300) }), evidence));
    assert.equal(value.title, null);
  });
});

describe('parseQuestionAnswer', () => {
  it('returns cited paragraphs', () => {
    const value = ok(parseQuestionAnswer(JSON.stringify({ noEvidence: false, paragraphs: [[{ text: 'Ja.', citations: [2] }]] }), evidence));
    assert.deepEqual(value, { noEvidence: false, paragraphs: [[{ text: 'Ja.', citations: ['B'] }]] });
  });

  it('turns "no evidence" (flagged, or only absence sentences) into an empty answer', () => {
    assert.deepEqual(ok(parseQuestionAnswer('{"noEvidence": true, "paragraphs": [[{"text": "x", "citations": [1]}]]}', evidence)), {
      noEvidence: true,
      paragraphs: [],
    });
    assert.deepEqual(
      ok(parseQuestionAnswer('{"paragraphs": [[{"text": "Het bewijs zegt hier niets over.", "citations": []}]]}', evidence)),
      { noEvidence: true, paragraphs: [] },
    );
  });

  it('fails when every claim was invented', () => {
    const parsed = parseQuestionAnswer('{"noEvidence": false, "paragraphs": [[{"text": "Verzonnen.", "citations": [9]}]]}', evidence);
    assert.equal(parsed.ok, false);
  });
});
