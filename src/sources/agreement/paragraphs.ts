// Turns a run of layout lines into clean text: paragraphs separated by a blank
// line, lines joined with one space (or glued where a hyphenation is undone),
// list items one per line prefixed "- ".
//
// The agreement marks its list items with a short drawn dash in the margin, not
// with a character, so items are recognised by their indentation: a paragraph
// whose first line starts one indent step into the column is an item, two
// steps a sub-item.

import { endsWithWordHyphen, joinLines, type Vocabulary } from './hyphenation.js';
import type { LayoutLine } from './layout.js';

export interface ColumnGeometry {
  /** Left edge of plain paragraphs, per column. */
  bases: number[];
  /** How far a list item is indented from its column's left edge. */
  indentStep: number;
}

interface Paragraph {
  level: number;
  lines: LayoutLine[];
}

const INDENT_TOLERANCE = 2.5;
// Lines of one paragraph follow at normal leading (about 1.2 x the font size); a paragraph gap is twice that.
const PARAGRAPH_LEADING = 1.65;
// Heading-sized lines that are no TOC heading still stand on their own.
const HEADING_SCALE = 1.12;

/**
 * Measures the columns: per column, the left edge of plain text (the leftmost
 * edge that many lines share) and the indent of list items (the most common
 * edge a little further right).
 */
export function measureColumns(lines: readonly LayoutLine[], bodySize: number): ColumnGeometry {
  const perColumn = new Map<number, Map<number, number>>();
  for (const line of lines) {
    if (Math.abs(line.fontSize - bodySize) > 1.5) continue;
    const histogram = perColumn.get(line.column) ?? new Map<number, number>();
    const x = Math.round(line.x);
    histogram.set(x, (histogram.get(x) ?? 0) + 1);
    perColumn.set(line.column, histogram);
  }
  const bases: number[] = [];
  const steps: number[] = [];
  for (const [column, histogram] of perColumn) {
    const peak = Math.max(...histogram.values());
    const edges = [...histogram].filter(([, count]) => count >= peak * 0.2).map(([x]) => x).sort((a, b) => a - b);
    const base = edges[0] ?? 0;
    bases[column] = base;
    const indented = [...histogram].filter(([x]) => x - base >= bodySize * 1.5 && x - base <= bodySize * 4).sort((a, b) => b[1] - a[1]);
    if (indented[0]) steps.push(indented[0][0] - base);
  }
  return { bases, indentStep: steps.length > 0 ? Math.min(...steps) : bodySize * 2.5 };
}

function indentLevel(line: LayoutLine, geometry: ColumnGeometry): number {
  const indent = line.x - (geometry.bases[line.column] ?? line.x);
  for (const level of [1, 2]) {
    if (Math.abs(indent - level * geometry.indentStep) <= INDENT_TOLERANCE) return level;
  }
  return 0;
}

const SENTENCE_END = /[.!?:;]["”’)]*$/u;
const SENTENCE_START = /^[\p{Lu}\d“"‘'(]/u;

/** Whether `line`, the first line of a new column or page, continues the paragraph that ended the previous one. */
function continuesAcrossBreak(paragraph: Paragraph, line: LayoutLine, geometry: ColumnGeometry): boolean {
  const last = paragraph.lines[paragraph.lines.length - 1]!;
  if (endsWithWordHyphen(last.text)) return true;
  const level = indentLevel(line, geometry);
  const second = paragraph.lines[1];
  const continuationLevels = second ? [indentLevel(second, geometry)] : paragraph.level === 2 ? [1, 2] : [paragraph.level];
  if (!continuationLevels.includes(level)) return false;
  return !(SENTENCE_END.test(last.text) && SENTENCE_START.test(line.text));
}

export function splitParagraphs(lines: readonly LayoutLine[], geometry: ColumnGeometry, bodySize: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const line of lines) {
    const standalone = line.fontSize >= bodySize * HEADING_SCALE;
    const previous = current?.lines[current.lines.length - 1];
    // Sub-items follow each other without a gap; only their first line sits two steps in.
    const startsSubItem = indentLevel(line, geometry) === 2;
    let continues = false;
    if (current && previous && !standalone && !startsSubItem && previous.fontSize < bodySize * HEADING_SCALE) {
      if (previous.page === line.page && previous.column === line.column) {
        const gap = previous.y - line.y;
        continues = gap > 0 && gap <= PARAGRAPH_LEADING * Math.max(previous.fontSize, line.fontSize);
      } else {
        continues = continuesAcrossBreak(current, line, geometry);
      }
    }
    if (continues && current) {
      current.lines.push(line);
    } else {
      current = { level: standalone ? 0 : indentLevel(line, geometry), lines: [line] };
      paragraphs.push(current);
    }
  }
  return paragraphs;
}

/** Clean text of a run of lines (see the module comment for the format). */
export function linesToText(lines: readonly LayoutLine[], geometry: ColumnGeometry, bodySize: number, vocabulary: Vocabulary): string {
  let text = '';
  let previousLevel = 0;
  for (const paragraph of splitParagraphs(lines, geometry, bodySize)) {
    const body = paragraph.lines.reduce((joined, line) => joinLines(joined, line.text, vocabulary), '');
    const prefix = paragraph.level === 0 ? '' : `${'  '.repeat(paragraph.level - 1)}- `;
    if (text !== '') text += paragraph.level > 0 && previousLevel > 0 ? '\n' : '\n\n';
    text += prefix + body;
    previousLevel = paragraph.level;
  }
  return text;
}
