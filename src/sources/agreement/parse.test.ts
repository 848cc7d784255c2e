import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import type { AgreementSection } from '../../model/documents.js';
import { readPdfPages, type PdfPage } from '../pdf.js';
import { parseAgreement, parseAgreementPages, type AgreementParse } from './index.js';

const PDF = new URL('../../../data/regeerakkoord-2019-2024.pdf', import.meta.url);
const OPTIONS = { agreement: 'regeerakkoord-2019-2024' };

let bytes: Uint8Array;
/** The PDF read once (about 3 s): the parse and the independent TOC reading share it. */
let pages: PdfPage[];
let parse: AgreementParse;
let sections: AgreementSection[];
let elapsedMs: number;

before(async () => {
  bytes = new Uint8Array(await readFile(PDF));
  const started = performance.now();
  pages = await readPdfPages(bytes, OPTIONS.agreement);
  parse = parseAgreementPages(pages, OPTIONS);
  elapsedMs = performance.now() - started;
  sections = parse.sections;
});

function byId(id: string): AgreementSection {
  const section = sections.find((candidate) => candidate.id === id);
  assert.ok(section, `section ${id} exists`);
  return section;
}

/**
 * An independent reading of the TOC: the raw text lines that start with a
 * chapter or section number, in order, on the pages from the first to the last
 * one headed "Inhoudstafel" (the header is printed on odd pages only).
 */
async function rawTocNumbers(): Promise<string[]> {
  const headed = pages.filter((candidate) => candidate.items.some((item) => item.text.trim() === 'Inhoudstafel')).map((page) => page.number);
  const numbers: string[] = [];
  for (const page of pages.filter((candidate) => candidate.number >= Math.min(...headed) && candidate.number <= Math.max(...headed))) {
    const rows = new Map<number, string>();
    for (const item of [...page.items].sort((a, b) => a.x - b.x)) rows.set(Math.round(item.y), (rows.get(Math.round(item.y)) ?? '') + item.text);
    for (const y of [...rows.keys()].sort((a, b) => b - a)) {
      const match = /^(\d+(?:\.\d+)*)\s*(—|\s)/.exec(rows.get(y)!.trim());
      if (match) numbers.push(match[1]!);
    }
  }
  return numbers;
}

test('every table-of-contents entry comes out once, in order, and nothing else', async () => {
  const expected = await rawTocNumbers();
  assert.ok(expected.length > 200, 'the raw TOC reading finds the entries');
  assert.deepEqual(sections.map((section) => section.number), expected);
  const perLevel = new Map<number, number>();
  for (const section of sections) perLevel.set(section.level, (perLevel.get(section.level) ?? 0) + 1);
  assert.deepEqual([...perLevel].sort((a, b) => a[0] - b[0]), [[1, 26], [2, 101], [3, 120], [4, 39]]);
  const parents = new Set(sections.map((section) => section.parentId));
  const leaves = sections.filter((section) => !parents.has(section.id));
  assert.ok(leaves.length >= 224, `${leaves.length} leaf sections`);
});

test('the six parts are read from the TOC and chapters restart their numbers in each part', () => {
  const parts = [...new Map(sections.map((section) => [section.partIndex, section.part])).entries()];
  assert.deepEqual(parts, [
    [1, 'VLAANDEREN SCHITTERT'],
    [2, 'VLAANDEREN IS SOCIAAL EN RECHTVAARDIG'],
    [3, 'VLAANDEREN KIJKT COMPLEXLOOS VOORUIT'],
    [4, 'VLAANDEREN KOESTERT ONZE NATUUR'],
    [5, 'VLAANDEREN BESTUURT EN INVESTEERT, ZONDER EXTRA LASTEN'],
    [6, 'BIJLAGE'],
  ]);
  const firstChapters = sections.filter((section) => section.level === 1 && section.number === '1').map((section) => section.id);
  assert.deepEqual(firstChapters, ['onderwijs/1', 'welzijn/1', 'samenleven/1', 'energie-en-klimaat/1', 'mobiliteit-en-openbare-werken/1']);
  const annex = byId('fusie-van-entiteiten-bijlage-bij-het-regeerakkoord/8');
  assert.equal(annex.part, 'BIJLAGE');
  assert.equal(annex.chapter, 'Fusie van entiteiten – bijlage bij het regeerakkoord');
});

test('ids, slugs, parents and order form one consistent tree', () => {
  const ids = new Set(sections.map((section) => section.id));
  assert.equal(ids.size, sections.length, 'ids are unique');
  const chapters = sections.filter((section) => section.level === 1);
  assert.equal(new Set(chapters.map((chapter) => chapter.chapterSlug)).size, chapters.length, 'chapter slugs are unique');
  const seen = new Map<string, AgreementSection>();
  sections.forEach((section, index) => {
    assert.equal(section.order, index);
    assert.equal(section.agreement, 'regeerakkoord-2019-2024');
    assert.match(section.chapterSlug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(section.id, `${section.chapterSlug}/${section.number}`);
    assert.equal(section.level, section.number.split('.').length);
    if (section.level === 1) {
      assert.equal(section.parentId, null);
      assert.equal(section.title, section.chapter);
    } else {
      const parent = seen.get(section.parentId ?? '');
      assert.ok(parent, `${section.id}: its parent comes before it`);
      assert.equal(parent.level, section.level - 1);
      assert.ok(section.number.startsWith(`${parent.number}.`));
      assert.equal(parent.chapterSlug, section.chapterSlug);
    }
    assert.ok(section.pageStart <= section.pageEnd);
    seen.set(section.id, section);
  });
});

test('justitie/3.4 is the information exchange section, clean and unbroken', () => {
  const section = byId('justitie/3.4');
  assert.equal(section.title, 'Dankzij een gecoördineerde uitwisseling van gegevens');
  assert.equal(section.parentId, 'justitie/3');
  assert.ok(section.text.startsWith('De strijd tegen gewelddadige radicalisering'), section.text.slice(0, 80));
  for (const word of ['verbindingsofficier met veiligheidsmachtiging geïnstalleerd', 'informatie-uitwisseling', 'LIVC-R']) {
    assert.ok(section.text.includes(word), word);
  }
  assert.doesNotMatch(section.text, /verbindings-|geïnstal-|Dankzij een gecoördineerde/);
  // Two commitments, one per line.
  assert.equal(section.text.split('\n').filter((line) => line.startsWith('- ')).length, 2);
  assert.deepEqual([section.pageStart, section.pageEnd], [99, 99]);
});

test('binnenlands-bestuur-en-stedenbeleid/2.2.9 is "Preventie van radicalisering"', () => {
  const section = byId('binnenlands-bestuur-en-stedenbeleid/2.2.9');
  assert.equal(section.title, 'Preventie van radicalisering');
  assert.equal(section.level, 3);
  assert.equal(section.parentId, 'binnenlands-bestuur-en-stedenbeleid/2.2');
  for (const word of ['plaats voor verschillende ideologieën', 'levensovertuigingen', 'socio-preventieve diensten', 're-integratie', 'gezinsondersteuning']) {
    assert.ok(section.text.includes(word), word);
  }
});

test('line-end hyphenation is undone across the document while compounds keep their hyphen', () => {
  const everything = sections.map((section) => `${section.title}\n${section.text}`).join('\n');
  // Broken words, some across a diaeresis the typesetter dropped ("pati-enten").
  for (const word of ['werkloosheidsverzekering', 'tegenover hun patiënten die extra kwetsbaar', 'efficiënter']) {
    assert.ok(everything.includes(word), word);
  }
  // Compounds broken at their own hyphen.
  for (const word of ['O&O&I-systeem', 'milieu-uitdagingen', 'armoede-indicatoren', 'niet-werkende', 'zij-instromers', 'Vlaams-Europees', 'hulp- en dienstverlening']) {
    assert.ok(everything.includes(word), word);
  }
  assert.doesNotMatch(everything, /patienten|pati-enten|werk-loosheid|informatieuitwisseling/);
});

test('page furniture, part title pages, front matter and the back cover stay out of the text', () => {
  const everything = sections.map((section) => section.text).join('\n\n');
  for (const furniture of ['Inhoudstafel', 'Vlaanderen schittert', 'Vlaanderen is sociaal en rechtvaardig', 'Vlaanderen bestuurt en investeert', 'departement.kb@vlaanderen.be']) {
    assert.ok(!everything.includes(furniture), furniture);
  }
  // The "Verhaal" (page 3) and the "Samenvatting" (pages 12-19) are no chapters of a part.
  assert.ok(!everything.includes('Het is goed leven in Vlaanderen'));
  assert.ok(!everything.includes('Vlaanderen staat sterk. De werkloosheid is laag'));
  for (const section of sections) {
    for (const paragraph of section.text.split('\n')) assert.doesNotMatch(paragraph, /^\s*\d+\s*$/, `${section.id}: a page number on its own`);
  }
  // A sentence that runs from page 98 onto page 99 reads through the page break.
  assert.ok(byId('justitie/3.3.2').text.includes('bestuurlijke maatregelen, die gericht zijn op herstel van de oorspronkelijke toestand.'));
  // The last section ends with the agreement, not with the colophon.
  assert.ok(sections[sections.length - 1]!.text.endsWith('FFEU-provisie van €105 mio.'));
});

test('page ranges cover each node\'s own text; a node without own text sits on its heading\'s page', () => {
  const longSection = byId('werk-en-sociale-economie/3.2.1.1');
  assert.deepEqual([longSection.pageStart, longSection.pageEnd], [53, 55]);
  const onderwijs = byId('onderwijs/1');
  assert.equal(onderwijs.text, '');
  assert.deepEqual([onderwijs.pageStart, onderwijs.pageEnd], [21, 21]);
  const media = byId('media/6');
  assert.ok(media.text.length > 5000, 'a chapter without sections carries all its text');
  assert.equal(sections.filter((section) => section.parentId === media.id).length, 0);
});

test('where the body deviates from the TOC, the TOC wins and the deviation is reported', () => {
  assert.deepEqual(parse.warnings, [
    'page 195: heading "3.2.4 Programma Vlaanderen" is printed without its number, right under "3.2.3 ICT en Informatie"',
    'page 195: heading "3.2.4 Aankoop" is numbered 3.2.5 in the table of contents',
  ]);
  assert.equal(byId('bestuurzaken/3.2.3').text, '');
  assert.ok(byId('bestuurzaken/3.2.4').text.startsWith('Radicaal Digitaal II'));
  const aankoop = byId('bestuurzaken/3.2.5');
  assert.equal(aankoop.title, 'Aankoop');
  assert.ok(aankoop.text.startsWith('- De Vlaamse overheid gebruikt maximaal haar koopkracht'));
  // The body heading corrects a typo in the TOC ("lagkrachtige").
  assert.match(byId('buitenlands-beleid-en-toerisme/4.2').title, /aan een slagkrachtige en gedragen Europese Unie/);
});

test('footnotes are attached to the section whose text carries the marker', () => {
  const section = byId('economie-en-innovatie/2.3.4');
  assert.match(section.text, /\n\nVoetnoot 4: Bij “fygitale” ondernemingsvormen worden fysieke kleinhandel/);
  assert.doesNotMatch(byId('economie-en-innovatie/2.3.3').text, /fygitale/);
  assert.match(byId('omgeving/2.2.2.5').text, /Voetnoot 7: Ecosysteemdiensten .* grondwatersysteem, klimaat$/s);
});

test('lists keep one item per line, sub-items indented', () => {
  const text = byId('fusie-van-entiteiten-bijlage-bij-het-regeerakkoord/8.2').text;
  assert.match(text, /waarbij we nagaan of de uitvoerende taken in één hand geclusterd kunnen worden per vervoersmodus:\n {2}- Alles m\.b\.t\. vervoer en infrastructuur van en over water in één hand, excl\. vervoer op maat;\n {2}- Alles m\.b\.t\. transportinfrastructuur/);
});

test('the whole agreement parses in a few seconds', () => {
  console.log(`parseAgreement: ${sections.length} nodes in ${Math.round(elapsedMs)} ms`);
  assert.ok(elapsedMs < 15_000, `${Math.round(elapsedMs)} ms`);
});

test('bad input is an InputError: not a PDF, or a PDF without a table of contents', async () => {
  await assert.rejects(parseAgreement(new TextEncoder().encode('dit is geen pdf'), OPTIONS), InputError);
  const withoutToc = minimalPdf(['Inleiding', 'Dit document heeft geen inhoudstafel.', '1 Eerste punt']);
  await assert.rejects(
    parseAgreement(withoutToc, { agreement: 'leeg', what: 'leeg.pdf' }),
    (error: unknown) => error instanceof InputError && /leeg\.pdf has no recognisable table of contents/.test(error.message),
  );
});

/** A valid one-page PDF with the given lines of text in Helvetica. */
function minimalPdf(lines: string[]): Uint8Array {
  const content = `BT /F1 11 Tf 57 700 Td 14 TL ${lines.map((line) => `(${line}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
