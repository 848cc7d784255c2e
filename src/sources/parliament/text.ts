// Turning the raw text of a parliamentary document (bytes from a .txt, a
// Markdown slide deck, lines from a PDF) into clean paragraphs.
import { InputError } from '../../errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

// Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 control
// characters (fixed in later Node versions), losing “ ” ‘ ’ € – …: map them ourselves.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** UTF-8 when the bytes are valid UTF-8, else windows-1252 (what older Office exports write); BOM removed, line ends normalised. */
export function decodeText(bytes: Uint8Array): string {
  // UTF-16 with a byte-order mark (Windows "Unicode" text files).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return normaliseLineEnds(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return normaliseLineEnds(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  // NUL bytes do not occur in text: this is a binary file with a text extension.
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('is not a text file (it contains binary data)');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return normaliseLineEnds(text.replace(/^\uFEFF/, ''));
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Bullet glyphs slide decks and word processors use; all become "- ". */
const BULLET_GLYPHS = '▶►▸▹‣•●◦▪■□➢➤✓✔–·';
const BULLET_PREFIX = new RegExp(`^[${BULLET_GLYPHS}]\\s*`);

/**
 * Markdown (as converted from a slide deck) to plain text: headings lose their
 * `#`, emphasis its markers, links keep their text, every bullet becomes "- "
 * (two spaces of indent per nesting level), empty bullets and hard-break
 * spaces go.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  let previousWasItem = false;
  for (const rawLine of normaliseLineEnds(markdown).split('\n')) {
    const line = rawLine.replace(/\s+$/, '');
    const wasItem = previousWasItem;
    previousWasItem = false;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?$/.exec(line);
    const bullet = /^(\s*)[-*+](?:\s+(.*))?$/.exec(line) ?? /^(\s*)()(?=[▶►▸‣•●▪■➢➤])(.*)$/.exec(line);
    if (heading) {
      lines.push(inlineMarkdown(heading[1] ?? ''));
    } else if (bullet) {
      const level = Math.floor((bullet[1] ?? '').replace(/\t/g, '  ').length / 2);
      const content = inlineMarkdown((bullet[2] || bullet[3] || '').replace(BULLET_PREFIX, ''));
      if (content !== '') lines.push(`${'  '.repeat(level)}- ${content}`);
      previousWasItem = content !== '';
    } else if (wasItem && line.trim() !== '') {
      // A line right after an item (a hard break on the slide) continues that item.
      lines[lines.length - 1] += ` ${inlineMarkdown(line.trim())}`;
      previousWasItem = true;
    } else {
      lines.push(inlineMarkdown(line.trim()));
    }
  }
  return collapseBlankLines(lines);
}

function inlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function collapseBlankLines(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A line that starts an item of its own: a bullet, "1.", "1-3+5.", "a)". */
const ITEM_START = new RegExp(`^(?:[-${BULLET_GLYPHS}]\\s|\\d{1,2}(?:[-+]\\d{1,2})*[.)](?:\\s|\\p{Lu})|[a-z][).]\\s)`, 'u');
const SENTENCE_END = /[.?!:;"”’)\]]$/;

/**
 * Text extracted from a PDF (hard-wrapped lines, blank lines between
 * paragraphs) as paragraphs: the lines of a paragraph are joined, list items
 * keep their own line, a paragraph cut by a page break is put back together.
 *
 * A line indented after a non-blank line starts a new paragraph: PDF
 * extraction indents the first line of a new text block (the title, the
 * "ANTWOORD" heading, the first answer) even when no blank line precedes it.
 */
export function textToParagraphs(text: string): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const rawLine of normaliseLineEnds(text).split('\n')) {
    const line = rawLine.replace(/[ \t\u00a0]+$/, '');
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    if (/^[ \t\u00a0]/.test(line) && current.length > 0) {
      blocks.push(current);
      current = [];
    }
    current.push(line.trim().replace(/[ \t\u00a0]+/g, ' '));
  }
  if (current.length > 0) blocks.push(current);

  const paragraphs: string[] = [];
  for (const block of blocks) {
    const joined = joinLines(block);
    const previous = paragraphs.at(-1);
    // A page break splits a sentence into two "paragraphs": the second starts in lower case and is no list item.
    if (previous !== undefined && !SENTENCE_END.test(previous) && /^\p{Ll}/u.test(joined) && !ITEM_START.test(joined)) {
      paragraphs[paragraphs.length - 1] = joinTwo(previous, joined);
    } else {
      paragraphs.push(joined);
    }
  }
  return paragraphs;
}

function joinLines(lines: string[]): string {
  let result = '';
  for (const line of lines) {
    if (result === '') result = line;
    else if (ITEM_START.test(line)) result += `\n${line}`;
    else result = joinTwo(result, line);
  }
  return result;
}

/** Joins wrapped text; a line-end hyphen after a letter joins without a space ("LIVC-" + "R's" -> "LIVC-R's") except before "en"/"of" ("inlichtingen- en"). */
function joinTwo(left: string, right: string): string {
  if (/\p{L}-$/u.test(left) && !/^(en|of|tot|and|or)\b/.test(right)) return left + right;
  return `${left} ${right}`;
}

/** One line of text, runs of whitespace (line breaks included) collapsed: "a  -\n  b" -> "a - b". */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
