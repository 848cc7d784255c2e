import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVocabulary } from './hyphenation.js';
import type { LayoutLine } from './layout.js';
import { linesToText, measureColumns, type ColumnGeometry } from './paragraphs.js';

const BODY = 11;

function line(page: number, column: number, x: number, y: number, text: string, fontSize = BODY): LayoutLine {
  return { page, column, x, y, fontSize, text, items: [], footnoteRefs: [] };
}

const GEOMETRY: ColumnGeometry = { bases: [57, 306], indentStep: 28 };
const vocabulary = buildVocabulary([]);

test('paragraphs, list items and sub-items come out in the documented text format', () => {
  const lines = [
    line(1, 0, 57, 700, 'Eerste alinea loopt over'),
    line(1, 0, 57, 687, 'twee regels.'),
    line(1, 0, 85, 661, 'We doen iets met verschil-'),
    line(1, 0, 85, 648, 'lende middelen.'),
    // Sub-items follow without a gap; only their first line sits two steps in.
    line(1, 0, 113, 635, 'Een subpunt dat doorloopt'),
    line(1, 0, 85, 622, 'op de volgende regel;'),
    line(1, 0, 113, 609, 'Een tweede subpunt.'),
    line(1, 0, 85, 583, 'Een tweede punt dat naar de volgende'),
    // Next column: the sentence goes on, so does the item.
    line(1, 1, 334, 716, 'kolom doorloopt.'),
    line(1, 1, 306, 690, 'Een gewone alinea.'),
    // Next page: a finished sentence followed by a capital starts a new paragraph.
    line(2, 0, 57, 716, 'Nieuwe zin op een nieuwe pagina.'),
  ];
  assert.equal(
    linesToText(lines, GEOMETRY, BODY, vocabulary),
    [
      'Eerste alinea loopt over twee regels.',
      '',
      '- We doen iets met verschillende middelen.',
      '  - Een subpunt dat doorloopt op de volgende regel;',
      '  - Een tweede subpunt.',
      '- Een tweede punt dat naar de volgende kolom doorloopt.',
      '',
      'Een gewone alinea.',
      '',
      'Nieuwe zin op een nieuwe pagina.',
    ].join('\n'),
  );
});

test('a hyphenated word continues across a page break; a heading-sized line stands alone', () => {
  const lines = [
    line(1, 1, 306, 80, 'Dit gaat over de verschil-'),
    // Indented like a list item, but a broken word always continues.
    line(2, 0, 85, 716, 'lende pagina.'),
    line(2, 0, 71, 690, 'Tussenkop', 13),
    line(2, 0, 57, 677, 'Tekst onder de kop.'),
  ];
  assert.equal(
    linesToText(lines, GEOMETRY, BODY, vocabulary),
    'Dit gaat over de verschillende pagina.\n\nTussenkop\n\nTekst onder de kop.',
  );
});

test('measureColumns finds each column edge and the list indent from the lines themselves', () => {
  const lines: LayoutLine[] = [];
  for (let i = 0; i < 40; i++) {
    lines.push(line(1, 0, 56.7, 700 - i, 'a'), line(1, 0, 85.04, 700 - i, 'b'), line(1, 1, 306.1, 700 - i, 'c'), line(1, 1, 334.5, 700 - i, 'd'));
  }
  lines.push(line(1, 0, 40, 37, '12'), line(1, 0, 71, 650, 'Kop', 13));
  const geometry = measureColumns(lines, BODY);
  assert.deepEqual(geometry.bases, [57, 306]);
  assert.equal(geometry.indentStep, 28);
});
