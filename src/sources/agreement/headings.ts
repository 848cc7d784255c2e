// Finds the numbered headings the body repeats from the table of contents:
// a chapter is a large number ("3") over a large title ("Justitie"), a section
// a heading-sized number ("3.4", "3.2.1.1") over one or more title lines set
// at the same left edge.

import type { LayoutLine } from './layout.js';

export interface HeadingBlock {
  kind: 'chapter' | 'section';
  number: string;
  /** Title lines as printed, in order. */
  titleLines: string[];
  /** Stream index of each title line (the number line itself when the title shares it). */
  titleLineIndexes: number[];
  /** Index of the heading's first line in the stream, and one past its last. */
  start: number;
  end: number;
  page: number;
}

// Chapter headings are set at more than twice the body size, section numbers a little above it.
const CHAPTER_SCALE = 2;
const SECTION_SCALE = 1.12;
const MAX_TITLE_LINES = 8;
// Title lines follow each other at normal leading; a paragraph gap ends the heading.
const TITLE_LEADING = 1.7;
// Title lines share the number's left edge; an opening quote may push a line a few units right.
const SAME_EDGE_SCALE = 0.5;

const SECTION_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(.+))?$/u;
const CHAPTER_NUMBER = /^(\d{1,2})(?:\s+(.+))?$/u;

export function findHeadingBlocks(stream: readonly LayoutLine[], bodySize: number): HeadingBlock[] {
  const blocks: HeadingBlock[] = [];
  for (let i = 0; i < stream.length; i++) {
    const line = stream[i]!;
    if (line.fontSize >= bodySize * CHAPTER_SCALE) {
      const match = CHAPTER_NUMBER.exec(line.text);
      if (!match) continue;
      const titleLines = match[2] ? [match[2]] : [];
      const titleLineIndexes = match[2] ? [i] : [];
      let end = i + 1;
      while (end < stream.length && titleLines.length < MAX_TITLE_LINES) {
        const next = stream[end]!;
        if (next.page !== line.page || next.fontSize < bodySize * CHAPTER_SCALE || CHAPTER_NUMBER.test(next.text)) break;
        titleLines.push(next.text);
        titleLineIndexes.push(end);
        end++;
      }
      blocks.push({ kind: 'chapter', number: match[1]!, titleLines, titleLineIndexes, start: i, end, page: line.page });
      i = end - 1;
    } else if (line.fontSize >= bodySize * SECTION_SCALE) {
      const match = SECTION_NUMBER.exec(line.text);
      if (!match) continue;
      const titleLines = match[2] ? [match[2]] : [];
      const titleLineIndexes = match[2] ? [i] : [];
      let end = i + 1;
      let previous = line;
      while (end < stream.length && titleLines.length < MAX_TITLE_LINES) {
        const next = stream[end]!;
        const leading = TITLE_LEADING * Math.max(previous.fontSize, next.fontSize);
        const continues = next.page === line.page && next.column === line.column
          && Math.abs(next.x - line.x) <= bodySize * SAME_EDGE_SCALE && previous.y - next.y <= leading
          && !SECTION_NUMBER.test(next.text);
        if (!continues) break;
        titleLines.push(next.text);
        titleLineIndexes.push(end);
        previous = next;
        end++;
      }
      blocks.push({ kind: 'section', number: match[1]!, titleLines, titleLineIndexes, start: i, end, page: line.page });
      i = end - 1;
    }
  }
  return blocks;
}
