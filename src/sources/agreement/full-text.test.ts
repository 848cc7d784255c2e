import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../errors.js';
import type { AgreementSection } from '../../model/documents.js';
import { sectionFullText, sectionHeading, sectionWithDescendants } from './full-text.js';

function node(number: string, title: string, parentNumber: string | null, text: string, order: number): AgreementSection {
  return {
    id: `justitie/${number}`,
    agreement: 'test',
    partIndex: 1,
    part: 'DEEL',
    chapter: 'Justitie',
    chapterSlug: 'justitie',
    number,
    title,
    level: number.split('.').length,
    parentId: parentNumber === null ? null : `justitie/${parentNumber}`,
    order,
    pageStart: 1,
    pageEnd: 1,
    text,
  };
}

const SECTIONS = [
  node('3', 'Justitie', null, '', 0),
  node('3.1', 'Visie', '3', 'Eigen tekst van 3.1.', 1),
  node('3.1.1', 'Detail', '3.1', 'Tekst van 3.1.1.', 2),
  node('3.2', 'Uitwisseling', '3', 'Tekst van 3.2.', 3),
];

test('sectionHeading prints chapters with a dash and sections with their number', () => {
  assert.equal(sectionHeading(SECTIONS[0]!), '3 — Justitie');
  assert.equal(sectionHeading(SECTIONS[2]!), '3.1.1 Detail');
});

test('sectionFullText gives the node and all its descendants in reading order, each under its heading', () => {
  assert.equal(sectionFullText(SECTIONS, 'justitie/3.1'), '3.1 Visie\n\nEigen tekst van 3.1.\n\n3.1.1 Detail\n\nTekst van 3.1.1.');
  assert.equal(sectionFullText(SECTIONS, 'justitie/3.2'), '3.2 Uitwisseling\n\nTekst van 3.2.');
  const chapter = sectionFullText(SECTIONS, 'justitie/3');
  assert.ok(chapter.startsWith('3 — Justitie\n\n3.1 Visie'));
  assert.ok(chapter.endsWith('3.2 Uitwisseling\n\nTekst van 3.2.'));
  // Order comes from `order`, not from the array's order.
  assert.deepEqual(sectionWithDescendants([...SECTIONS].reverse(), 'justitie/3').map((s) => s.number), ['3', '3.1', '3.1.1', '3.2']);
});

test('an unknown section id is an input error', () => {
  assert.throws(() => sectionFullText(SECTIONS, 'justitie/9.9'), (error: unknown) => error instanceof InputError && /justitie\/9\.9/.test(error.message));
});
