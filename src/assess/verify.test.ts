import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Commitment, Source } from '../report/model.js';
import { assessVerified } from './status.js';
import { applyVerdicts, buildVerifyMessages, commitmentHash, indexVerdicts, parseVerdicts, verificationCandidates } from './verify.js';

const decree: Source = {
  key: 'D-final', type: 'decision', title: 'Erkenning lokale geloofsgemeenschappen: wijzigingsdecreet', date: '2021-10-22', uri: null,
  snippet: 'De Vlaamse Regering bekrachtigt het decreet.', stage: 'bekrachtiging', dossierId: 'dossier-1',
};
const principle: Source = { ...decree, key: 'D-principle', date: '2020-11-13', stage: 'principiele-goedkeuring' };
const subsidy: Source = { ...decree, key: 'D-other', title: 'Subsidie voor een ander project', stage: 'uitvoering', dossierId: undefined };
const question: Source = { key: 'parlement/vraag', type: 'parliament', title: 'Schriftelijke vraag', date: null, uri: null, snippet: '' };
const sources = new Map([decree, principle, subsidy, question].map((s) => [s.key, s]));

const commitment: Commitment = {
  id: 'x/1#1', text: 'We passen de erkenningsregels voor lokale geloofsgemeenschappen aan.', start: 0, end: 10,
  evidence: [
    { sourceKey: 'D-other', score: 0.6, sharedTerms: [] },
    { sourceKey: 'D-principle', score: 0.4, sharedTerms: [] },
    { sourceKey: 'D-final', score: 0.4, sharedTerms: [] },
    { sourceKey: 'parlement/vraag', score: 0.2, sharedTerms: [] },
  ],
  status: 'gerealiseerd', confidence: 'laag', confidenceReason: '', reason: '', decisiveSourceKey: 'D-other', problems: [],
};
const input = { commitment, evidence: commitment.evidence, sources };

describe('parseVerdicts', () => {
  it('reads verdicts leniently in form and strictly in substance', () => {
    const keys = ['D-other', 'D-principle', 'D-final'];
    const answer = '```json\n{"oordelen": [{"bron": "[1]", "oordeel": "Zelfde onderwerp"}, {"bron": 2, "oordeel": "voorbereiding"}, {"bron": 3, "oordeel": "Voert uit"}, {"bron": 9, "oordeel": "voert uit"}, {"bron": 2, "oordeel": "deels"}]}\n```';
    assert.deepEqual([...parseVerdicts(answer, keys)!], [['D-other', 'onderwerp'], ['D-principle', 'voorbereiding'], ['D-final', 'voert-uit']]);
    assert.deepEqual([...parseVerdicts('{"oordelen": [{"bron": 1, "oordeel": "misschien"}]}', keys)!], []);
    assert.equal(parseVerdicts('Ik weet het niet.', keys), null);
  });

  it('asks about each candidate by number, with its date and stage', () => {
    const [system, user] = buildVerifyMessages(commitment, '2.2.5 Erkenning', [decree, question]);
    assert.match(system!.content, /streng/);
    assert.match(user!.content, /^\[1\] 22 oktober 2021 · bekrachtiging en afkondiging · Erkenning lokale geloofsgemeenschappen: wijzigingsdecreet$/m);
    assert.match(user!.content, /^\[2\] zonder datum · parlementair document · Schriftelijke vraag$/m);
    assert.match(user!.content, /"voert uit"/);
  });
});

describe('assessVerified', () => {
  it('sets the status from verified sources only: the best match on another subject no longer counts', () => {
    const verdicts = new Map([['D-other', 'onderwerp'], ['D-principle', 'voorbereiding'], ['D-final', 'voert-uit']]);
    const result = assessVerified(input, verdicts, 'm');
    assert.equal(result.status, 'gerealiseerd');
    assert.equal(result.decisiveSourceKey, 'D-final');
    assert.equal(result.confidence, 'hoog');
    assert.match(result.confidenceReason, /^Nagekeken door taalmodel m: /);
  });

  it('partial delivery is in uitvoering; preparation of a draft is in uitvoering at low confidence', () => {
    assert.equal(assessVerified(input, new Map([['D-final', 'deels']]), 'm').status, 'in-uitvoering');
    const prepared = assessVerified(input, new Map([['D-principle', 'voorbereiding']]), 'm');
    assert.equal(prepared.status, 'in-uitvoering');
    assert.equal(prepared.confidence, 'laag');
  });

  it('geen spoor when every candidate was rejected (sure), or when only some were judged (not sure)', () => {
    const all = new Map([['D-other', 'onderwerp'], ['D-principle', 'niet-relevant'], ['D-final', 'onderwerp'], ['parlement/vraag', 'onderwerp']]);
    const rejected = assessVerified(input, all, 'm');
    assert.equal(rejected.status, 'geen-spoor');
    assert.equal(rejected.confidence, 'hoog');
    assert.match(rejected.confidenceReason, /geen van de 4 kandidaat-bronnen/);
    assert.equal(assessVerified(input, new Map([['D-other', 'onderwerp']]), 'm').confidence, 'laag');
  });
});

describe('applyVerdicts', () => {
  it('re-assesses only the commitments with verdicts, and marks them with the model', async () => {
    const other: Commitment = { ...commitment, id: 'x/1#2', text: 'Een ander engagement.' };
    const verdicts = indexVerdicts([
      { commitmentHash: commitmentHash(`  ${commitment.text}\n`), sourceKey: 'D-final', model: 'm', verdict: 'voert-uit', verifiedAt: 'now' },
      { commitmentHash: commitmentHash(commitment.text), sourceKey: 'D-other', model: 'm', verdict: 'bogus', verifiedAt: 'now' },
    ]);
    const applied = await applyVerdicts(new Map([['x/1', [commitment, other]]]), verdicts, async (keys) => new Map(keys.map((k) => [k, sources.get(k)!])), new Map());
    const [verified, untouched] = applied.get('x/1')!;
    assert.equal(verified!.verifiedBy, 'm');
    assert.equal(verified!.decisiveSourceKey, 'D-final');
    assert.equal(untouched, other);
    assert.deepEqual(verificationCandidates(commitment), ['D-other', 'D-principle', 'D-final', 'parlement/vraag']);
  });
});
