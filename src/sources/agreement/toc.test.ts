import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PdfTextItem } from '../pdf.js';
import type { LayoutLine, PageLayout } from './layout.js';
import { findTocPages, parseTocLines } from './toc.js';

const WIDTH = 595;

function item(x: number, text: string, fontSize: number): PdfTextItem {
  return { text, x, y: 0, width: text.length * fontSize * 0.5, fontSize, fontName: 'f', bold: false, hasEOL: false };
}

/** A TOC line: text items from the left, optionally a page number in the right margin. */
function tocLine(page: number, y: number, fontSize: number, text: string, pageNumber?: string): LayoutLine {
  const items = [item(57, text, fontSize)];
  if (pageNumber !== undefined) items.push(item(524, pageNumber, fontSize));
  return { page, column: 0, x: 57, y, fontSize, text: pageNumber ? `${text} ${pageNumber}` : text, items, footnoteRefs: [] };
}

const join = (previous: string, next: string): string => `${previous} ${next}`;

test('parseTocLines reads parts, chapters and sections with their page numbers, joining wrapped entries', () => {
  const lines = [
    tocLine(4, 700, 25, 'Inhoudstafel'),
    tocLine(4, 656, 15, 'VLAANDEREN SCHITTERT', '20'),
    tocLine(4, 620, 13, '1 — Onderwijs', '21'),
    tocLine(4, 599, 11, '1.1 Uitdagingen en visie', '22'),
    tocLine(4, 580, 11, '1.2 Ruimte geven aan ondernemingen om te ondernemen,'),
    tocLine(4, 567, 11, 'innoveren en internationaliseren', '23'),
    tocLine(4, 550, 9, '1.2.1 Werf 1 - Elk talent telt', '23'),
    tocLine(5, 720, 9, '1.2.1.1 Een gepersonaliseerde aanpak', '24'),
    tocLine(5, 700, 15, 'BIJLAGE', '210'),
    tocLine(5, 680, 13, '8 — Fusie van entiteiten', '211'),
  ];
  assert.deepEqual(parseTocLines(lines, () => WIDTH, join), [
    { kind: 'part', title: 'VLAANDEREN SCHITTERT', page: 20 },
    { kind: 'chapter', number: '1', title: 'Onderwijs', page: 21 },
    { kind: 'section', number: '1.1', title: 'Uitdagingen en visie', level: 2, page: 22 },
    { kind: 'section', number: '1.2', title: 'Ruimte geven aan ondernemingen om te ondernemen, innoveren en internationaliseren', level: 2, page: 23 },
    { kind: 'section', number: '1.2.1', title: 'Werf 1 - Elk talent telt', level: 3, page: 23 },
    { kind: 'section', number: '1.2.1.1', title: 'Een gepersonaliseerde aanpak', level: 4, page: 24 },
    { kind: 'part', title: 'BIJLAGE', page: 210 },
    { kind: 'chapter', number: '8', title: 'Fusie van entiteiten', page: 211 },
  ]);
});

test('a page number printed as separate digits is read as one number', () => {
  const line = tocLine(4, 620, 13, '1 — Onderwijs');
  line.items.push(item(524, '2', 13), item(531, '1', 13));
  assert.deepEqual(parseTocLines([line], () => WIDTH, join), [{ kind: 'chapter', number: '1', title: 'Onderwijs', page: 21 }]);
});

test('without numbered entries there is no TOC', () => {
  const lines = [tocLine(4, 700, 11, 'Inleiding', '3'), tocLine(4, 680, 11, 'Besluit', '9')];
  assert.deepEqual(parseTocLines(lines, () => WIDTH, join), []);
});

test('findTocPages takes the first run of pages made mostly of entries with page numbers', () => {
  const page = (number: number, entries: number, prose: number): PageLayout => ({
    page: number,
    lines: [
      ...Array.from({ length: entries }, (_, i) => tocLine(number, 700 - i * 12, 9, `1.${i + 1} Titel`, String(20 + i))),
      ...Array.from({ length: prose }, (_, i) => tocLine(number, 300 - i * 12, 11, 'gewone tekst zonder paginanummer')),
    ],
    footnotes: new Map(),
    hasFurniture: true,
  });
  const layouts = [page(1, 0, 20), page(2, 30, 2), page(3, 12, 0), page(4, 1, 30), page(5, 20, 0)];
  assert.deepEqual(findTocPages(layouts, () => WIDTH), [2, 3]);
  assert.deepEqual(findTocPages([page(1, 0, 20)], () => WIDTH), []);
});
