// Cross-check against another parser: the retrieval benchmark's sections carry
// their path in the TOC and their text as that parser extracted it (hyphenation
// not undone). Every one must be found here, with text covering its words.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { AgreementSection } from '../../model/documents.js';
import { parseAgreement, sectionFullText } from './index.js';

const PDF = new URL('../../../data/regeerakkoord-2019-2024.pdf', import.meta.url);
const EVAL = new URL('../../../test/fixtures/agreement/eval-sections.json', import.meta.url);

interface EvalSection {
  path: string[];
  query: string;
}

let sections: AgreementSection[];
let evalSections: EvalSection[];

before(async () => {
  sections = await parseAgreement(new Uint8Array(await readFile(PDF)), { agreement: 'regeerakkoord-2019-2024' });
  evalSections = (JSON.parse(await readFile(EVAL, 'utf8')) as { sections: EvalSection[] }).sections;
});

/** Case and diacritics folded, hyphens removed (the other parser kept "verschil-lende"), split on the rest. */
function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[-\u00AD]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

function titleKey(title: string): string {
  return tokens(title).join(' ');
}

/** "2 — Binnenlands bestuur en stedenbeleid" + the last numbered path element ("2.2.9 Preventie ..."). */
function findNode(path: readonly string[]): AgreementSection | undefined {
  const chapter = /^(\d+)\s*—\s*(.+)$/u.exec(path[0] ?? '');
  if (!chapter) return undefined;
  const last = [...path].reverse().find((part) => /^\d+(\.\d+)*\s/.test(part)) ?? path[0]!;
  const number = /^(\d+(?:\.\d+)*)/.exec(last)![1];
  return sections.find((section) => titleKey(section.chapter) === titleKey(chapter[2]!) && section.number === number);
}

test('every benchmark section is a node here, and its text covers the other parser\'s words', () => {
  assert.equal(evalSections.length, 40);
  const coverages: number[] = [];
  for (const evalSection of evalSections) {
    const node = findNode(evalSection.path);
    assert.ok(node, `no node for ${evalSection.path.join(' / ')}`);
    const ours = new Set(tokens(sectionFullText(sections, node.id)));
    const theirs = [...new Set(tokens(evalSection.query))];
    const coverage = theirs.filter((token) => ours.has(token)).length / theirs.length;
    assert.ok(coverage >= 0.9, `${node.id}: ${(coverage * 100).toFixed(1)}% of the query's words`);
    coverages.push(coverage);
  }
  const mean = coverages.reduce((sum, value) => sum + value, 0) / coverages.length;
  assert.ok(mean >= 0.98, `mean coverage ${(mean * 100).toFixed(1)}%`);
});

test('benchmark sections are leaves, so a query is a node\'s own text (the chapter "6 — Media" included)', () => {
  for (const evalSection of evalSections) {
    const node = findNode(evalSection.path)!;
    assert.equal(sections.filter((section) => section.parentId === node.id).length, 0, node.id);
  }
  const media = findNode(['6 — Media'])!;
  assert.equal(media.id, 'media/6');
  assert.equal(media.level, 1);
});
