import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Source } from '../model.js';
import { LIVC_DECISIONS, livcGeneratorInput, livcSources } from './fixtures.js';
import { buildAnswerMessages, buildReportMessages, numberAnswerEvidence, numberReportEvidence, reminderMessage } from './prompt.js';

const source = (key: string, date: string | null): Source => ({ key, type: 'parliament', title: `Titel ${key}`, date, uri: null, snippet: '' });

describe('evidence numbering', () => {
  it('numbers report evidence by date, then key, undated last, whatever the input order', () => {
    const sources = {
      z: source('z', '2021-01-01'),
      b: source('b', null),
      a: source('a', '2021-01-01'),
      m: source('m', '2020-06-30'),
    };
    const expected = [
      [1, 'm'],
      [2, 'a'],
      [3, 'z'],
      [4, 'b'],
    ];
    assert.deepEqual(numberReportEvidence(sources).map((item) => [item.number, item.source.key]), expected);
    const reversed = Object.fromEntries(Object.entries(sources).reverse());
    assert.deepEqual(numberReportEvidence(reversed).map((item) => [item.number, item.source.key]), expected);
  });

  it('keeps retrieval order for answers and drops duplicates', () => {
    const numbered = numberAnswerEvidence([source('x', '2024-01-01'), source('y', '2019-01-01'), source('x', '2024-01-01')]);
    assert.deepEqual(numbered.map((item) => [item.number, item.source.key]), [
      [1, 'x'],
      [2, 'y'],
    ]);
  });
});

describe('report prompt', () => {
  const input = livcGeneratorInput();
  const evidence = numberReportEvidence(input.sources);
  const [system, user] = buildReportMessages(input, evidence);

  it('sets the rules in the system message', () => {
    assert.equal(system?.role, 'system');
    for (const rule of [/uitsluitend het genummerde bewijs/, /verzin nooit een nummer/, /geen spoor gevonden/, /"lijkt"/, /uitsluitend met één JSON-object/]) {
      assert.match(system!.content, rule);
    }
  });

  it('lists section, commitments with status, dossier timeline and numbered evidence', () => {
    const text = user!.content;
    assert.match(text, /# Sectie 2\.2\.9 Preventie van radicalisering/);
    assert.ok(text.includes(input.section.text));
    assert.match(text, /E1\. "De inspanningen op het vlak van begeleiding van geradicaliseerde gedetineerden/);
    assert.match(text, /Status: geen spoor\./);
    assert.match(text, /E2\. "We creëren een decretaal kader/);
    assert.match(text, /Status: gerealiseerd\. Reden: Definitieve goedkeuring van het ontwerpdecreet op 2021-03-05\n/, 'foreign [3] stripped');
    assert.match(text, /Bewijs voor dit engagement: \[1\]\[2\]\[3\]/);
    assert.match(text, /2020-07-17 principiële goedkeuring \[1\]; 2020-12-18 tweede principiële goedkeuring \[2\]; 2021-03-05 definitieve goedkeuring \[3\]/);
    const sources = livcSources();
    LIVC_DECISIONS.forEach(({ id }, index) => {
      const s = sources[id]!;
      assert.ok(text.includes(`[${index + 1}] ${s.date} | beslissing van de Vlaamse Regering | fase: `), id);
      assert.ok(text.includes(`    Titel: ${s.title}`), id);
      assert.ok(text.includes(s.snippet.slice(0, 80).trim()), id);
    });
    assert.match(text, /"sections"/);
    // The model never sees keys or URIs, so it cannot copy or invent them.
    for (const id of Object.keys(sources)) assert.ok(!text.includes(id), id);
    assert.ok(!text.includes('themis.vlaanderen.be'));
  });

  it('says so when there is no evidence at all', () => {
    const empty = { ...input, sources: {}, commitments: input.commitments.map((c) => ({ ...c, evidence: [], decisiveSourceKey: null })) };
    const [, message] = buildReportMessages(empty, []);
    assert.match(message!.content, /\(geen bewijs gevonden\)/);
    assert.match(message!.content, /Geldige bewijsnummers: geen/);
  });
});

describe('answer prompt and reminders', () => {
  it('puts the question and the numbered evidence in the user message', () => {
    const [system, user] = buildAnswerMessages(
      { question: 'Wat deed de regering rond LIVC-R?', sources: [source('p1', '2022-04-26')] },
      numberAnswerEvidence([source('p1', '2022-04-26')]),
    );
    assert.match(system!.content, /"noEvidence": true/);
    assert.match(user!.content, /Wat deed de regering rond LIVC-R\?/);
    assert.match(user!.content, /\[1\] 2022-04-26 \| parlementair document/);
  });

  it('names the problem and the valid numbers', () => {
    const reminder = reminderMessage('truncated', 12);
    assert.equal(reminder.role, 'user');
    assert.match(reminder.content, /te lang/);
    assert.match(reminder.content, /1 tot en met 12/);
  });
});
