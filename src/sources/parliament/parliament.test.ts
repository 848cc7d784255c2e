import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParliamentDocument } from '../../model/documents.js';
import { makePdf } from '../../testing/agreement-pdf.js';
import {
  decodeText,
  findDutchDates,
  markdownToText,
  nameCase,
  parseDutchDate,
  parseParliamentText,
  readParliamentFolder,
  textToParagraphs,
} from './index.js';

const FOLDER = fileURLToPath(new URL('../../../data/parlement/', import.meta.url));
const QUESTION_294 = 'schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord.txt';
const QUESTION_LIVC = 'schriftelijke-vraag-kader-gegevensuitwisseling-livc.txt';
const COMMITTEE = 'commissie-2022-09-27-terugkoppeling-verbindingsofficier.md';

async function parseBundled(fileName: string): Promise<ParliamentDocument> {
  return parseParliamentText(decodeText(await readFile(join(FOLDER, fileName))), fileName);
}

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'beloftemeter-parliament-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('written question 294: metadata from the ANTWOORD line, question and answer kept apart', async () => {
  const doc = await parseBundled(QUESTION_294);
  assert.equal(doc.id, 'parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord');
  assert.equal(doc.kind, 'schriftelijke-vraag');
  assert.equal(doc.title, 'Lokale integrale veiligheidscellen inzake radicalisme, extremisme en terrorisme (LIVC-R’s) - Samenwerkingsakkoord');
  assert.equal(doc.number, '294');
  assert.equal(doc.date, '2022-04-26', 'the question date, not "30 juli 2018" or "1 februari 2022" from the text');
  assert.equal(doc.asker, 'Jeremie Vaneeckhout');
  assert.equal(doc.addressee, null, 'no minister is named in the text');
  assert.equal(doc.uri, null);
  assert.equal(doc.sourceFile, QUESTION_294);

  assert.ok(doc.question?.startsWith('De wet van 30 juli 2018 tot oprichting van lokale integrale veiligheidscellen'));
  assert.ok(doc.question?.endsWith('Biedt deze manier van werken voldoende garanties op zowel privacy als doorstroming van informatie?'));
  assert.match(doc.question!, /Dat samenwerkingsakkoord is er nog niet/);
  assert.equal(doc.question!.match(/^\d\. /gm)?.length, 5, 'five numbered sub-questions');
  assert.doesNotMatch(doc.question!, /ANTWOORD|Er is geen zicht/);

  assert.ok(doc.answer?.startsWith('1-3+5.Voor de opmaak van het samenwerkingsakkoord'));
  assert.ok(doc.answer?.endsWith('dat op 1 februari 2022 van start ging.'));
  assert.match(doc.answer!, /Er is geen zicht op verdere timing en aanpak\./);
  assert.doesNotMatch(doc.answer!, /ANTWOORD|JEREMIE|twistpunten/);
  // A sentence cut by a page break is whole again; a line-end hyphen inside a name is joined.
  assert.match(doc.answer!, /LIVC-R actoren, zo goed mogelijk te informeren/);
  assert.match(doc.answer!, /vraag- en antwoordfiche LIVC-R uitgewerkt/);

  assert.ok(doc.text.startsWith(`${doc.title}\n\n`));
  assert.match(doc.text, /\n\nANTWOORD op vraag nr\. 294 van 26 april 2022 van JEREMIE VANEECKHOUT\n\n/);
});

test('written question without ANTWOORD heading: the answer starts where the numbering restarts', async () => {
  const doc = await parseBundled(QUESTION_LIVC);
  assert.equal(doc.id, 'parlement/schriftelijke-vraag-kader-gegevensuitwisseling-livc');
  assert.equal(doc.kind, 'schriftelijke-vraag');
  assert.equal(doc.title, 'Bestrijding radicalisering - Kader gegevensuitwisseling');
  assert.equal(doc.number, null, 'the "schriftelijke vraag 587" it cites is another question');
  assert.equal(doc.date, null, 'only partial dates ("december 2016") in the text');
  assert.equal(doc.asker, null);
  assert.equal(doc.addressee, 'minister van welzijn, volksgezondheid en gezin', 'as the answer names itself');
  assert.equal(doc.uri, null);

  assert.ok(doc.question?.startsWith('In het actieplan betreffende de bestrijding van gewelddadige radicalisering'));
  assert.ok(doc.question?.endsWith('op de hoogte gebracht over de gegevensuitwisseling rekening houdend met het bestaande kader?'));
  assert.ok(doc.answer?.startsWith('1. We verwijzen in deze naar het antwoord geformuleerd op schriftelijke vraag 587'));
  assert.ok(doc.answer?.endsWith('b) Opnieuw verwijs ik naar het antwoord op schriftelijke vraag 587.'));
  assert.deepEqual(doc.question!.match(/^\d(?=\. )/gm), ['1', '2', '3', '4', '5']);
  assert.deepEqual(doc.answer!.match(/^\d(?=\. )/gm), ['1', '2', '3', '4', '5']);
  assert.doesNotMatch(doc.answer!, /Hoeveel vormingen/);
});

test('committee slide deck: kind, meeting date, title from the first heading, markup stripped', async () => {
  const doc = await parseBundled(COMMITTEE);
  assert.deepEqual(
    { ...doc, text: undefined },
    {
      id: 'parlement/commissie-2022-09-27-terugkoppeling-verbindingsofficier',
      kind: 'commissiedocument',
      title: 'Terugkoppeling Verbindingsofficier Politie bij de Vlaamse Regering',
      number: null,
      date: '2022-09-27',
      asker: null,
      addressee: null,
      question: null,
      answer: null,
      text: undefined,
      uri: null,
      sourceFile: COMMITTEE,
    },
  );
  assert.doesNotMatch(doc.text, /\*\*|^#|▶|^- *$/m);
  assert.match(doc.text, /^Commissie Algemeen beleid,\nFinanciën, Begroting en Justitie\nDinsdag 27 september 2022$/m);
  assert.match(doc.text, /^- Recapitulieren\n {2}- Informatiepositie versterken$/m);
  assert.match(doc.text, /^- Vlaams regeerakkoord – beleidsnota Minister Justitie$/m);
  assert.match(doc.text, /^ {4}- zowel aanpak radicalisering$/m);
  assert.match(doc.text, /^ {2}- Samenwerkingsovereenkomst bijgevolg nog achterwege$/m);
  // A hard break inside a slide bullet continues the bullet.
  assert.match(doc.text, /^- WPA Art 44\/11\/9 toegang politionele informatie andere overheden met wettelijk opdracht/m);
});

test('readParliamentFolder reads the bundled folder', async () => {
  const { documents, issues } = await readParliamentFolder(FOLDER);
  assert.deepEqual(issues, []);
  assert.deepEqual(
    documents.map((d) => [d.id, d.kind]),
    [
      ['parlement/commissie-2022-09-27-terugkoppeling-verbindingsofficier', 'commissiedocument'],
      ['parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord', 'schriftelijke-vraag'],
      ['parlement/schriftelijke-vraag-kader-gegevensuitwisseling-livc', 'schriftelijke-vraag'],
    ],
  );
});

test('a folder with a PDF, a broken PDF, a windows-1252 text and files to ignore', async () => {
  await withTempDir(async (dir) => {
    await copyFile(join(FOLDER, QUESTION_294), join(dir, QUESTION_294));
    // Runs written out of reading order, a two-run line, a paragraph gap, a page break mid-sentence and page numbers.
    const pdf = makePdf([
      [
        { x: 72, y: 690, size: 11, text: 'Wat is de stand van zaken? Wanneer volgt het' },
        { x: 72, y: 780, size: 11, text: 'SCHRIFTELIJKE VRAAG nr. 12 van AN DE TESTER-VOORBEELD datum: 3 maart 2021' },
        { x: 72, y: 766, size: 11, text: 'aan PIETER VAN DEN PROEF, VLAAMS MINISTER VAN PROEVEN' },
        { x: 72, y: 736, size: 11, text: 'Proefdossier' },
        { x: 140, y: 736, size: 11, text: '- Stand van zaken' },
        { x: 72, y: 714, size: 11, text: '1. Hoe ver staat het proefdossier?' },
        { x: 297, y: 40, size: 9, text: '1' },
      ],
      [
        { x: 72, y: 780, size: 11, text: 'decreet?' },
        { x: 72, y: 750, size: 11, text: 'ANTWOORD' },
        { x: 72, y: 720, size: 11, text: 'Het decreet is in voorbereiding.' },
        { x: 297, y: 40, size: 9, text: '2' },
      ],
    ]);
    await writeFile(join(dir, 'vraag-12.pdf'), pdf);
    await writeFile(join(dir, 'kapot.pdf'), 'dit is geen pdf');
    await writeFile(join(dir, 'afgebroken.pdf'), pdf.subarray(0, 40));
    await writeFile(join(dir, 'leeg.txt'), '  \n\n');
    await writeFile(join(dir, 'nota.docx'), 'genegeerd');
    await writeFile(join(dir, 'overzicht.json'), '{}');
    await writeFile(
      join(dir, 'commissie-verslag-ansi.txt'),
      Buffer.from('Verslag\r\n\r\nCommissie voor Financiën en Begroting\r\nVrijdag 3 februari 2023\r\n\r\nDe commissie bespreekt het ontwerp.\r\n', 'latin1'),
    );

    const { documents, issues } = await readParliamentFolder(dir);
    assert.deepEqual(
      documents.map((d) => d.sourceFile),
      ['commissie-verslag-ansi.txt', QUESTION_294, 'vraag-12.pdf'],
    );
    assert.deepEqual(
      issues.map((issue) => issue.source.slice(dir.length + 1)).sort(),
      ['afgebroken.pdf', 'kapot.pdf', 'leeg.txt'],
    );
    assert.ok(issues.every((issue) => issue.message.length > 0 && issue.line === undefined));
    assert.match(issues.find((issue) => issue.source.endsWith('kapot.pdf'))!.message, /not a PDF/);

    const ansi = documents[0]!;
    assert.equal(ansi.kind, 'commissiedocument');
    assert.equal(ansi.title, 'Verslag');
    assert.equal(ansi.date, '2023-02-03');
    assert.match(ansi.text, /Commissie voor Financiën en Begroting/);

    const fromPdf = documents[2]!;
    assert.equal(fromPdf.id, 'parlement/vraag-12');
    assert.equal(fromPdf.kind, 'schriftelijke-vraag');
    assert.equal(fromPdf.number, '12');
    assert.equal(fromPdf.date, '2021-03-03');
    assert.equal(fromPdf.asker, 'An De Tester-Voorbeeld');
    assert.equal(fromPdf.addressee, 'Pieter Van den Proef');
    assert.equal(fromPdf.title, 'Proefdossier - Stand van zaken');
    assert.equal(fromPdf.question, '1. Hoe ver staat het proefdossier?\n\nWat is de stand van zaken? Wanneer volgt het decreet?');
    assert.equal(fromPdf.answer, 'Het decreet is in voorbereiding.');
    assert.doesNotMatch(fromPdf.text, /^\d$/m, 'page numbers dropped');
  });
});

test('nothing is invented for a document without metadata', () => {
  const doc = parseParliamentText('Nota over de stand van zaken\n\nDe wet van 30 juli 2018 is nog niet uitgevoerd.\n', 'nota.txt');
  assert.deepEqual(
    { ...doc, text: undefined },
    {
      id: 'parlement/nota',
      kind: 'overig',
      title: 'Nota over de stand van zaken',
      number: null,
      date: null,
      asker: null,
      addressee: null,
      question: null,
      answer: null,
      text: undefined,
      uri: null,
      sourceFile: 'nota.txt',
    },
  );
  assert.equal(doc.text, 'Nota over de stand van zaken\n\nDe wet van 30 juli 2018 is nog niet uitgevoerd.');
});

test('answer headings in other forms still split question and answer', () => {
  const withLady = parseParliamentText(
    'Titel\n\n1. Waarom?\n\nANTWOORD\nop vraag nr. 7 van 2 januari 2020\nvan mevrouw ANN-SOFIE D\'HONDT\n\nOmdat het moet.',
    'x.txt',
  );
  assert.deepEqual([withLady.number, withLady.date, withLady.asker, withLady.question, withLady.answer], ['7', '2020-01-02', "Ann-Sofie D'Hondt", '1. Waarom?', 'Omdat het moet.']);

  const loose = parseParliamentText('Titel\n\nWaarom niet?\n\nAntwoord\n\nDaarom niet.', 'y.txt');
  assert.equal(loose.kind, 'schriftelijke-vraag');
  assert.deepEqual([loose.question, loose.answer, loose.number, loose.asker], ['Waarom niet?', 'Daarom niet.', null, null]);
});

test('decodeText: UTF-8 with BOM, invalid UTF-8 falls back to windows-1252', () => {
  assert.equal(decodeText(Buffer.from('\uFEFFFinanciën\r\nregel', 'utf8')), 'Financiën\nregel');
  assert.equal(decodeText(Buffer.from([0x46, 0x69, 0x6e, 0x61, 0x6e, 0x63, 0x69, 0xeb, 0x6e, 0x20, 0x93, 0x80, 0x94])), 'Financiën “€”');
});

test('Dutch dates and names', () => {
  assert.equal(parseDutchDate('op vraag nr. 294 van 26 april 2022'), '2022-04-26');
  assert.equal(parseDutchDate('Dinsdag 27 september 2022'), '2022-09-27');
  assert.equal(parseDutchDate('1 sept. 2021'), '2021-09-01');
  assert.equal(parseDutchDate('31 februari 2022'), null);
  assert.equal(parseDutchDate('in december 2016'), null);
  assert.deepEqual(
    findDutchDates('wet van 30 juli 2018; Dinsdag 27 september 2022').map((d) => [d.iso, d.withWeekday]),
    [['2018-07-30', false], ['2022-09-27', true]],
  );
  assert.equal(nameCase('JEREMIE VANEECKHOUT'), 'Jeremie Vaneeckhout');
  assert.equal(nameCase('KARIN VAN DEN BOSSCHE'), 'Karin Van den Bossche');
  assert.equal(nameCase("ANN-SOFIE D'HONDT"), "Ann-Sofie D'Hondt");
  assert.equal(nameCase('BART DE WEVER'), 'Bart De Wever');
});

test('markdownToText and textToParagraphs', () => {
  assert.equal(
    markdownToText('# Kop **vet**\n\n- **Punt**  \nvervolg\n  - ▶ Sub [link](https://x.be)\n- \n▶ Los\n\n\n\nTekst *schuin*'),
    'Kop vet\n\n- Punt vervolg\n  - Sub link\n- Los\n\nTekst schuin',
  );
  assert.deepEqual(textToParagraphs(' Titel\nvervolg titel\n ANTWOORD\nop vraag\n\nEen zin die door een\n\npaginabreuk loopt, en LIVC-\nR.\n- punt\nc) Welke\n\nd) Zal'), [
    'Titel vervolg titel',
    'ANTWOORD op vraag',
    'Een zin die door een paginabreuk loopt, en LIVC-R.\n- punt\nc) Welke',
    'd) Zal',
  ]);
});
