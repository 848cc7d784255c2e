// PDF pages (positioned text runs) -> plain text with one line per printed
// line and a blank line where the vertical gap says a new paragraph starts.
import { joinItems, type PdfPage, type PdfTextItem } from '../pdf.js';

interface Line {
  y: number;
  fontSize: number;
  items: PdfTextItem[];
}

/** Runs whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE = 0.4;
/** A gap between baselines this many times the font size (or more) is a paragraph break. */
const PARAGRAPH_GAP = 1.7;

function groupLines(page: PdfPage): Line[] {
  const items = page.items.filter((item) => item.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of items) {
    const size = item.fontSize || 10;
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= SAME_LINE * Math.max(size, candidate.fontSize));
    if (line) {
      line.items.push(item);
      line.fontSize = Math.max(line.fontSize, size);
    } else {
      lines.push({ y: item.y, fontSize: size, items: [item] });
    }
  }
  return lines.sort((a, b) => b.y - a.y);
}

function lineText(line: Line): string {
  return joinItems([...line.items].sort((a, b) => a.x - b.x));
}

/** A line that is only a page number ("3", "- 3 -", "Pagina 3 van 7"), at the top or bottom of a page. */
const PAGE_NUMBER = /^(?:-\s*)?(?:pagina\s+)?\d+(?:\s*(?:\/|van)\s*\d+)?(?:\s*-)?$/i;

export function pdfPagesToText(pages: PdfPage[]): string {
  const pageTexts: string[] = [];
  for (const page of pages) {
    const lines = groupLines(page);
    const kept = lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(lineText(line))));
    let text = '';
    kept.forEach((line, i) => {
      const previous = kept[i - 1];
      if (previous) text += previous.y - line.y >= PARAGRAPH_GAP * Math.max(previous.fontSize, line.fontSize) ? '\n\n' : '\n';
      text += lineText(line);
    });
    if (text.trim() !== '') pageTexts.push(text);
  }
  return pageTexts.join('\n\n');
}
