// A small coalition agreement as a real PDF, made by the tests: a table of
// contents, one part, two chapters and three sections with a few promises, in
// the layout the agreement parser reads (sizes and positions as in the 2019-2024
// PDF). For tests of several agreements side by side.

export interface PdfRun {
  x: number;
  y: number;
  size: number;
  text: string;
}

// WinAnsiEncoding: the characters outside Latin-1 that an agreement uses.
const CP1252: Record<string, string> = { '—': '\x97', '–': '\x96', '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '€': '\x80' };

/** A minimal one-font PDF with text runs placed at (x, y) on A4 pages. */
export function makePdf(pages: readonly PdfRun[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pagesId = add('');
  const kids = pages.map((runs) => {
    const stream = runs
      .map((run) => {
        const text = [...run.text].map((c) => CP1252[c] ?? c).join('').replace(/[\\()]/g, (c) => `\\${c}`);
        return `BT /F1 ${run.size} Tf ${run.x} ${run.y} Td (${text}) Tj ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    return add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`);
  });
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const BODY = 10;

interface Chapter {
  number: string;
  title: string;
  sections: { number: string; title: string; lines: string[] }[];
}

// The agreement as data: the table of contents and the body pages are both made from it.
const SMALL_AGREEMENT: Chapter[] = [
  {
    number: '3',
    title: 'Justitie',
    sections: [
      {
        number: '3.4',
        title: 'Een snellere rechtspraak',
        lines: [
          'De burger verwacht een rechtspraak die snel en duidelijk is.',
          'We richten een Vlaams proefbureau voor snelrecht op in elke provincie.',
          'We evalueren het proefbureau na twee jaar en sturen bij waar nodig.',
          'Het proefbureau behandelt eenvoudige zaken binnen de drie maanden.',
        ],
      },
      {
        number: '3.5',
        title: 'Slachtofferhulp',
        lines: [
          'We verdubbelen de middelen voor slachtofferhulp tegen 2027.',
          'Elk slachtoffer krijgt een vast aanspreekpunt bij de Vlaamse overheid.',
          'Slachtoffers worden beter geïnformeerd over de stand van hun dossier.',
          'Het aanspreekpunt werkt samen met de diensten voor justitiehuizen.',
        ],
      },
    ],
  },
  {
    number: '4',
    title: 'Welzijn',
    sections: [
      {
        number: '4.1',
        title: 'Kinderopvang',
        lines: [
          'Ouders vinden moeilijk een plaats in de kinderopvang.',
          'We creëren tienduizend nieuwe plaatsen in de kinderopvang.',
          'We verhogen de subsidie voor groepsopvang met een groeipad.',
          'Kinderopvang is een basisvoorziening voor werkende ouders.',
          'We vereenvoudigen de vergunning voor nieuwe opvanginitiatieven.',
          'Lokale besturen krijgen de regie over de plaatsen in hun gemeente.',
        ],
      },
    ],
  },
];

/**
 * A chapter on a page of its own: a large number over a large title, then each
 * section's heading (a little above body size) and its lines; a running header
 * and a page number, as the real agreement's pages have (the parser reads only such pages).
 */
function chapterPage(chapter: Chapter, page: number): PdfRun[] {
  const runs: PdfRun[] = [
    { x: 60, y: 810, size: 8, text: 'Een klein akkoord' },
    { x: 290, y: 30, size: 8, text: String(page) },
    { x: 60, y: 780, size: 24, text: chapter.number },
    { x: 60, y: 750, size: 24, text: chapter.title },
  ];
  let y = 700;
  for (const section of chapter.sections) {
    runs.push({ x: 60, y, size: 13, text: `${section.number} ${section.title}` });
    y -= 25;
    for (const text of section.lines) {
      runs.push({ x: 60, y, size: BODY, text });
      y -= 14;
    }
    y -= 20;
  }
  return runs;
}

/** A coalition agreement of three pages whose section ids recur in 2019-2024 ("justitie/3.4"), as a next agreement's would. */
export function makeSmallAgreementPdf(): Buffer {
  const entries = SMALL_AGREEMENT.flatMap((chapter, i) => [
    [`${chapter.number} — ${chapter.title}`, String(i + 2)],
    ...chapter.sections.map((section) => [`${section.number} ${section.title}`, String(i + 2)]),
  ]);
  const toc: PdfRun[] = [
    { x: 60, y: 780, size: 24, text: 'Inhoudstafel' },
    { x: 60, y: 740, size: 14, text: 'EEN KLEIN AKKOORD' },
    { x: 520, y: 740, size: 14, text: '2' },
    ...entries.flatMap(([text, page], i) => [
      { x: 60, y: 710 - i * 20, size: 11, text: text! },
      { x: 520, y: 710 - i * 20, size: 11, text: page! },
    ]),
  ];
  return makePdf([toc, ...SMALL_AGREEMENT.map((chapter, i) => chapterPage(chapter, i + 2))]);
}
