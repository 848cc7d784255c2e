import { InputError } from '../errors.js';

/** One run of text on a PDF page with the geometry needed to tell headings, headers and body apart. */
export interface PdfTextItem {
  text: string;
  /** Left edge and baseline in PDF units (origin bottom-left). */
  x: number;
  y: number;
  width: number;
  /** Font size derived from the text matrix. */
  fontSize: number;
  /** pdf.js-internal font name; equal names mean the same font on a page. */
  fontName: string;
  /** True when the font is bold, as far as pdf.js can tell from its style. */
  bold: boolean;
  /** pdf.js marks an end of line after this item. */
  hasEOL: boolean;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

const PDF_MAGIC = '%PDF-';

/** Throws an InputError unless the bytes start like a PDF (within the first KiB, as readers allow). */
export function assertLooksLikePdf(bytes: Uint8Array, what: string): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes(PDF_MAGIC)) {
    throw new InputError(`${what} is not a PDF file (no "%PDF-" header)`);
  }
}

/** Reads every page's positioned text with pdf.js (legacy build: runs on Node 20 without a DOM). */
export async function readPdfPages(bytes: Uint8Array, what: string): Promise<PdfPage[]> {
  assertLooksLikePdf(bytes, what);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    throw new InputError(`${what} could not be read as a PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, , , e, f] = raw.transform as number[];
        const style = content.styles[raw.fontName];
        const family = `${style?.fontFamily ?? ''} ${raw.fontName}`;
        items.push({
          text: raw.str,
          x: e ?? 0,
          y: f ?? 0,
          width: raw.width,
          fontSize: Math.round(Math.hypot(a ?? 0, b ?? 0) * 100) / 100,
          fontName: raw.fontName,
          bold: /bold|black|heavy|semibold/i.test(family),
          hasEOL: raw.hasEOL,
        });
      }
      pages.push({ number, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Concatenates the items of one line, left to right. pdf.js splits words at kerning and font
 * changes ("Bestuurs" + "rechts"), so a space is only inserted where the items
 * are visibly apart and neither side already carries one.
 */
export function joinItems(items: readonly PdfTextItem[]): string {
  let text = '';
  let right: number | null = null;
  for (const item of items) {
    if (right !== null) {
      const gap = item.x - right;
      if (gap > item.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    }
    text += item.text;
    const end = item.x + item.width;
    right = right === null ? end : Math.max(right, end);
  }
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}
