// Reads the table of contents: the agreement's tree of parts, chapters and
// numbered sections, each with its printed page number. Entries may wrap over
// several lines; an entry is complete when its page number is printed.

import { joinItems } from '../pdf.js';
import type { LayoutLine, PageLayout } from './layout.js';

export type TocEntry =
  | { kind: 'part'; title: string; page: number }
  | { kind: 'chapter'; number: string; title: string; page: number }
  | { kind: 'section'; number: string; title: string; level: number; page: number };

/** A TOC line: its text without the page number, and that number when the line ends in one. */
interface TocLine {
  text: string;
  page: number | null;
  fontSize: number;
}

// The page number column sits in the right fifth of the page.
const PAGE_NUMBER_COLUMN = 0.8;
// A page belongs to the TOC when it has at least this many lines ending in a page number...
const MIN_ENTRIES_PER_PAGE = 5;
// ... and they make up at least this share of its lines.
const MIN_ENTRY_SHARE = 0.4;
// Title lettering ("Inhoudstafel") is much larger than any entry.
const TITLE_SCALE = 1.6;

const CHAPTER = /^(\d{1,2})\s*[—–]\s*(.+)$/u;
const SECTION = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(.+)$/u;

/** Splits the page number off a TOC line (digits printed in the right margin). */
function readTocLine(line: LayoutLine, pageWidth: number): TocLine {
  const items = [...line.items];
  let digits = '';
  while (items.length > 0) {
    const last = items[items.length - 1]!;
    const text = last.text.trim();
    if (text === '') {
      items.pop();
      continue;
    }
    if (last.x >= pageWidth * PAGE_NUMBER_COLUMN && /^\d+$/.test(text)) {
      digits = text + digits;
      items.pop();
      continue;
    }
    break;
  }
  const text = joinItems(items);
  return { text, page: digits === '' ? null : Number(digits), fontSize: line.fontSize };
}

/** Index of the TOC's pages: the first run of consecutive pages made mostly of lines that end in a page number. */
export function findTocPages(layouts: readonly PageLayout[], pageWidth: (page: number) => number): number[] {
  const isTocPage = (layout: PageLayout): boolean => {
    const lines = layout.lines.map((line) => readTocLine(line, pageWidth(layout.page)));
    const entries = lines.filter((line) => line.page !== null).length;
    return entries >= MIN_ENTRIES_PER_PAGE && entries >= lines.length * MIN_ENTRY_SHARE;
  };
  const pages: number[] = [];
  for (const layout of layouts) {
    if (isTocPage(layout)) pages.push(layout.page);
    else if (pages.length > 0) break;
  }
  return pages;
}

/**
 * Parses the TOC lines (full-width layout, reading order) into entries.
 * `joinWrapped` joins the text of a wrapped entry's lines (it knows about hyphenation).
 */
export function parseTocLines(
  lines: readonly LayoutLine[],
  pageWidth: (page: number) => number,
  joinWrapped: (previous: string, next: string) => string,
): TocEntry[] {
  const tocLines = lines.map((line) => readTocLine(line, pageWidth(line.page))).filter((line) => line.text !== '');
  const entrySizes = tocLines.filter((line) => CHAPTER.test(line.text) || SECTION.test(line.text)).map((line) => line.fontSize);
  if (entrySizes.length === 0) return [];
  const largestEntrySize = Math.max(...entrySizes);

  const entries: TocEntry[] = [];
  // The entry whose page number has not been printed yet, with its text so far.
  let open: { start: TocLine; text: string } | null = null;
  const close = (page: number): void => {
    if (!open) return;
    const entry = classify(open.text, page, open.start.fontSize > largestEntrySize + 0.5);
    if (entry) entries.push(entry);
    open = null;
  };

  for (const line of tocLines) {
    if (line.fontSize > largestEntrySize * TITLE_SCALE) continue;
    const startsEntry = CHAPTER.test(line.text) || SECTION.test(line.text) || line.fontSize > largestEntrySize + 0.5;
    if (startsEntry || !open) {
      // An entry that never got a page number is dropped; a stray line outside any entry too.
      open = startsEntry ? { start: line, text: line.text } : null;
    } else {
      open.text = joinWrapped(open.text, line.text);
    }
    if (line.page !== null) close(line.page);
  }
  return entries;
}

function classify(text: string, page: number, partSized: boolean): TocEntry | null {
  const chapter = CHAPTER.exec(text);
  if (chapter) return { kind: 'chapter', number: chapter[1]!, title: chapter[2]!.trim(), page };
  const section = SECTION.exec(text);
  if (section) {
    const number = section[1]!;
    return { kind: 'section', number, title: section[2]!.trim(), level: number.split('.').length, page };
  }
  if (partSized) return { kind: 'part', title: text.trim(), page };
  return null;
}
