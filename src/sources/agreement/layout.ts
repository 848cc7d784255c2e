// Turns pdf.js text items into visual lines in reading order, with the page
// furniture (running headers, page numbers, part title pages, footnotes) taken
// out. Geometry is relative to the page, so nothing here knows this particular
// agreement; the thresholds are fractions of the page or of the body font size.

import { joinItems, type PdfPage, type PdfTextItem } from '../pdf.js';

/** One visual line of text within one column of one page. */
export interface LayoutLine {
  page: number;
  /** 0 = left column, 1 = right column (always 0 for full-width layouts). */
  column: number;
  /** Left edge of the first item and baseline, in PDF units. */
  x: number;
  y: number;
  /** Font size of the item that carries most of the line's characters. */
  fontSize: number;
  text: string;
  /** The items it was built from, left to right. */
  items: PdfTextItem[];
  /** Footnote numbers referenced by superscript markers on this line. */
  footnoteRefs: string[];
}

/** A page's lines plus the footnotes printed at its bottom, by number. */
export interface PageLayout {
  page: number;
  lines: LayoutLine[];
  /** Footnote number -> its lines of text, in order (joined later, with the document's hyphenation rules). */
  footnotes: Map<string, string[]>;
  /** True when the page carries a running header or a page number: a real content page (not a cover). */
  hasFurniture: boolean;
}

export interface LayoutOptions {
  /** Split the page into a left and a right column at its middle. */
  columns: boolean;
  /** The document's body font size (see {@link bodyFontSize}). */
  bodySize: number;
}

// Running headers sit in the top 7% of the page, page numbers in the bottom 5.5%.
const HEADER_ZONE = 0.93;
const FOOTER_ZONE = 0.055;
// Items at least this many times the body size are title-page lettering (part pages, covers).
const TITLE_PAGE_SCALE = 2.7;
// Items below this fraction of the body size are footnote markers or footnote text.
const SMALL_PRINT_SCALE = 0.8;
const SAME_BASELINE = 2;

/** The most common font size over all non-blank items, weighted by characters: the body text size. */
export function bodyFontSize(pages: readonly PdfPage[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const item of page.items) {
      const chars = item.text.trim().length;
      if (chars > 0) weight.set(item.fontSize, (weight.get(item.fontSize) ?? 0) + chars);
    }
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best;
}

export function layoutPage(page: PdfPage, options: LayoutOptions): PageLayout {
  const headerY = page.height * HEADER_ZONE;
  const footerY = page.height * FOOTER_ZONE;
  let hasFurniture = false;
  const regular: PdfTextItem[] = [];
  const small: PdfTextItem[] = [];
  for (const item of page.items) {
    if (item.text === '') continue;
    if (item.y > headerY || item.y < footerY) {
      if (item.text.trim() !== '') hasFurniture = true;
      continue;
    }
    if (item.fontSize >= options.bodySize * TITLE_PAGE_SCALE) continue;
    if (item.fontSize < options.bodySize * SMALL_PRINT_SCALE) small.push(item);
    else regular.push(item);
  }

  const columnOf = (item: PdfTextItem): number => (options.columns && item.x >= page.width / 2 ? 1 : 0);
  const lines = groupLines(regular, columnOf).map((group) => makeLine(page.number, group, columnOf));

  // Small print either rides on a body line (a superscript footnote marker)
  // or forms its own lines at the bottom (the footnotes themselves).
  const footnoteItems: PdfTextItem[] = [];
  for (const item of small) {
    const host = /^\d+$/.test(item.text.trim())
      ? lines.find((line) => line.column === columnOf(item) && item.y - line.y >= -1 && item.y - line.y <= line.fontSize * 0.6
          && item.x >= line.x && item.x <= lineRight(line) + 2)
      : undefined;
    if (host) host.footnoteRefs.push(item.text.trim());
    else footnoteItems.push(item);
  }
  return { page: page.number, lines, footnotes: readFootnotes(footnoteItems), hasFurniture };
}

function lineRight(line: LayoutLine): number {
  return Math.max(...line.items.map((item) => item.x + item.width));
}

/** Groups items into lines: per column, top to bottom, items on one baseline left to right. */
function groupLines(items: PdfTextItem[], columnOf: (item: PdfTextItem) => number): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => columnOf(a) - columnOf(b) || b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  for (const item of sorted) {
    const first = current[0];
    if (first && columnOf(first) === columnOf(item) && Math.abs(first.y - item.y) <= SAME_BASELINE) {
      current.push(item);
    } else {
      if (current.length > 0) groups.push(current);
      current = [item];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups
    .map((group) => group.sort((a, b) => a.x - b.x))
    .filter((group) => group.some((item) => item.text.trim() !== ''));
}

function makeLine(page: number, items: PdfTextItem[], columnOf: (item: PdfTextItem) => number): LayoutLine {
  const first = items.find((item) => item.text.trim() !== '') ?? items[0]!;
  return {
    page,
    column: columnOf(first),
    x: first.x,
    y: first.y,
    fontSize: dominantSize(items),
    text: joinItems(items),
    items,
    footnoteRefs: [],
  };
}

function dominantSize(items: PdfTextItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) weight.set(item.fontSize, (weight.get(item.fontSize) ?? 0) + item.text.trim().length);
  return [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** Footnote lines start with their number ("4") followed by the note; later lines continue it. */
function readFootnotes(items: PdfTextItem[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const lines = groupLines(items, () => 0);
  let currentNumber: string | null = null;
  for (const line of lines) {
    const [head, ...rest] = line;
    if (!head) continue;
    if (/^\d+$/.test(head.text.trim()) && rest.length > 0) {
      currentNumber = head.text.trim();
      notes.set(currentNumber, [joinItems(rest)]);
    } else if (currentNumber !== null) {
      notes.get(currentNumber)?.push(joinItems(line));
    }
  }
  return notes;
}
