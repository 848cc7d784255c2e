import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HeadingBlock } from './headings.js';
import { matchHeadings, titlesAgree, type TocNode } from './match.js';

const join = (lines: readonly string[]): string => lines.join(' ');

function section(number: string, title: string): TocNode {
  return { kind: 'section', number, title, level: number.split('.').length, page: 1 };
}

let position = 0;
function block(number: string, ...titleLines: string[]): HeadingBlock {
  const start = position;
  position += 1 + titleLines.length + 5;
  return {
    kind: number.includes('.') ? 'section' : 'chapter',
    number,
    titleLines,
    titleLineIndexes: titleLines.map((_, i) => start + 1 + i),
    start,
    end: start + 1 + titleLines.length,
    page: 1,
  };
}

const NODES: TocNode[] = [
  { kind: 'chapter', number: '3', title: 'Bestuurzaken', page: 1 },
  section('3.1', 'ICT en Informatie'),
  section('3.2', 'Programma Vlaanderen'),
  section('3.3', 'Aankoop'),
  section('3.4', 'Een slagkrachtige en gedragen Europese Unie'),
];

test('titles agree despite case, punctuation, diacritics and a small typo', () => {
  assert.ok(titlesAgree('Financiën en begroting', 'Financien en begroting'));
  assert.ok(titlesAgree('“Slimme” mobiliteit / innovatie', 'Slimme mobiliteit innovatie'));
  assert.ok(titlesAgree('aan een slagkrachtige en gedragen Europese Unie', 'aan een lagkrachtige en gedragen Europese Unie'));
  assert.ok(!titlesAgree('Aankoop', 'Programma Vlaanderen'));
  assert.ok(!titlesAgree('', 'Aankoop'));
});

test('headings are matched by number and title; run-together and misnumbered headings are repaired and reported', () => {
  position = 0;
  const blocks = [
    block('3', 'Bestuurzaken'),
    // "3.2 Programma Vlaanderen" printed without its number, right under 3.1.
    block('3.1', 'ICT en Informatie', 'Programma Vlaanderen'),
    // Printed as 3.2, but the TOC calls "Aankoop" 3.3.
    block('3.2', 'Aankoop'),
    block('3.4', 'Een slagkrachtige en', 'gedragen Europese Unie'),
    block('3.9', 'Een kop die niet in de inhoudstafel staat'),
  ];
  const warnings: string[] = [];
  const matches = matchHeadings(NODES, blocks, join, warnings);
  assert.deepEqual(matches.map((match) => match?.title), [
    'Bestuurzaken', 'ICT en Informatie', 'Programma Vlaanderen', 'Aankoop', 'Een slagkrachtige en gedragen Europese Unie',
  ]);
  // The split happens at the second title line: 3.1's heading ends where 3.2's begins.
  const [, ict, programma] = matches;
  assert.equal(ict?.end, blocks[1]!.titleLineIndexes[1]);
  assert.equal(programma?.start, blocks[1]!.titleLineIndexes[1]);
  assert.equal(programma?.end, blocks[1]!.end);
  assert.equal(warnings.length, 3);
  assert.match(warnings[0]!, /3\.2 Programma Vlaanderen.*without its number/);
  assert.match(warnings[1]!, /"3\.2 Aankoop" is numbered 3\.3/);
  assert.match(warnings[2]!, /3\.9 .*not in the table of contents/);
});

test('a TOC entry without a body heading stays unmatched and is reported; a section never matches into the next chapter', () => {
  position = 0;
  const nodes: TocNode[] = [
    { kind: 'chapter', number: '1', title: 'Welzijn', page: 1 },
    section('1.1', 'Visie'),
    { kind: 'chapter', number: '2', title: 'Armoede', page: 1 },
    section('2.1', 'Visie'),
  ];
  const warnings: string[] = [];
  const matches = matchHeadings(nodes, [block('1', 'Welzijn'), block('2', 'Armoede'), block('1.1', 'Visie')], join, warnings);
  assert.deepEqual(matches.map((match) => match !== null), [true, false, true, false]);
  assert.equal(warnings.length, 3);
  assert.ok(warnings.some((warning) => /"1\.1 Visie" has no heading/.test(warning)));
  assert.ok(warnings.some((warning) => /heading "1\.1 Visie" is not in the table of contents/.test(warning)));
  assert.ok(warnings.some((warning) => /"2\.1 Visie" has no heading/.test(warning)));
});
