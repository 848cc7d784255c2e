import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../errors.js';
import { loadStatusGold, scoreStatuses, type ProjectCommitment, type StatusGold } from './eval-status.js';

// Sentences in the shape of the agreement's (status-dev.json), with the reference scorer's rules.
const gold: StatusGold = {
  sections: {
    'justitie/3.4': {
      commitments: [
        { text: 'We creëren een decretaal kader voor de deelname aan een LIVC-R.', checkable: true, status: 'gerealiseerd', evidence: ['D1', 'D2'] },
        { text: 'Er wordt een verbindingsofficier met veiligheidsmachtiging geïnstalleerd.', checkable: true, status: 'gerealiseerd', evidence: ['D3'] },
        { text: 'We zetten maximaal in op preventie van radicalisering.', checkable: false, status: 'geen spoor', evidence: [] },
        { text: 'We evalueren het actieplan tegen gewelddadige radicalisering.', checkable: true, status: 'in uitvoering', evidence: ['D4'] },
      ],
    },
    'welzijn/1.2.1.1': {
      commitments: [{ text: 'We voorzien een verder groeipad voor de kinderopvang.', checkable: true, status: 'geen spoor', evidence: [] }],
    },
  },
};

const project: Record<string, ProjectCommitment[]> = {
  'justitie/3.4': [
    // Line-end hyphenation as the PDF has it still matches ("LIVC-\nR" reads as "LIVCR" on both sides).
    { text: 'We creëren een decretaal kader voor de deelname aan een LIVC-\nR.', status: 'gerealiseerd', decisive: 'D2', confidence: 'hoog' },
    { text: 'Er wordt een verbindingsofficier met veiligheidsmachtiging geïnstalleerd.', status: 'gerealiseerd', decisive: 'D9', confidence: 'laag' },
    { text: 'We zetten maximaal in op preventie van radicalisering.', status: 'geen-spoor', decisive: null, confidence: 'laag' },
    // The evaluation sentence is not listed at all (counts as wrong).
  ],
  'welzijn/1.2.1.1': [{ text: 'We voorzien een verder groeipad voor de kinderopvang.', status: 'in-uitvoering', decisive: 'D5', confidence: 'laag' }],
};

describe('scoreStatuses', () => {
  it('scores as the reference scorer does', () => {
    const scores = scoreStatuses(gold, project);
    assert.equal(scores.gold_checkable, 4);
    assert.equal(scores.not_listed, 1);
    assert.equal(scores.accuracy, 0.5); // two of four checkable right
    assert.equal(scores.trace_agreement, 0.5); // the unlisted one and the false trace disagree
    assert.equal(scores.realised_precision, 1);
    assert.equal(scores.realised_recall, 1);
    assert.equal(scores.decisive_in_gold, '1/3');
    assert.equal(scores.decisive_precision, 0.333);
    assert.equal(scores.extraction_precision, 0.75); // three checkable of four listed-and-matched
    assert.equal(scores.high_confidence_accuracy, 1);
    assert.equal(scores.high_confidence_share, 0.25);
    assert.equal(scores.low_confidence_accuracy, 0.5);
    assert.deepEqual(scores.confusion_gold_x_project, {
      gerealiseerd: [2, 0, 0, 0, 0],
      'in uitvoering': [0, 0, 0, 0, 1],
      aangekondigd: [0, 0, 0, 0, 0],
      'geen spoor': [0, 1, 0, 0, 0],
    });
  });

  it('matches a sentence the product split in two to the part it overlaps most', () => {
    const split = {
      'welzijn/1.2.1.1': [
        { text: 'We voorzien een verder groeipad', status: 'geen spoor', decisive: null, confidence: null },
        { text: 'voor de kinderopvang in Vlaanderen en Brussel.', status: 'gerealiseerd', decisive: 'D1', confidence: null },
      ],
    };
    const scores = scoreStatuses({ sections: { 'welzijn/1.2.1.1': gold.sections['welzijn/1.2.1.1']! } }, split);
    assert.equal(scores.not_listed, 0);
    assert.equal(scores.accuracy, 1);
  });
});

describe('loadStatusGold', () => {
  it('names the problem in a file of the wrong shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gold-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sections: { x: { commitments: [{ text: 'a', checkable: true, status: 'klaar', evidence: [] }] } } }));
    assert.throws(() => loadStatusGold(bad), (error: Error) => error instanceof InputError && /sections\.x\.commitments\.0\.status/.test(error.message));
    writeFileSync(bad, '{"sections":');
    assert.throws(() => loadStatusGold(bad), (error: Error) => error instanceof InputError && /cannot read gold file/.test(error.message));
  });
});
