// Dutch sentence splitting with exact offsets: later code quotes commitments
// and evidence verbatim, so every sentence is a slice of the original text
// (`text === original.slice(start, end)`), trimmed of surrounding whitespace.
//
// Boundaries: paragraph breaks (a blank line), list items (a line starting
// with a bullet or an enumerator such as "1." or "a)"; the marker is left out
// of the sentence), and ".", "!", "?", "…" followed by whitespace and a
// sentence start. Not boundaries: abbreviations ("o.a.", "m.b.t.", "nr.",
// "art.", ...), initials ("H. Crevits"), numbers and dates ("1.2.3",
// "26.04.2022"), and any full stop followed by a lowercase word.

export interface SentenceSpan {
  /** The sentence as written: `original.slice(start, end)`. */
  text: string;
  /** Offset (UTF-16 code units) of the first character in the original string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

// Abbreviations that a sentence does not end with: the next word, even if
// capitalised, continues the sentence ("o.a. De Lijn", "nr. 294").
// Stored lowercase without the final dot.
const CONTINUING_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'o.a a.d.h.v b.v bv bvb bijv vb vgl cf cfr d.w.z dhr mevr mr dr prof ir ing lic drs blz p pp nr nrs art artt ' +
    'al par hfdst afd fig tab bijl m.b.t m.b.v m.h.o m.i.v n.a.v o.b.v i.s.m i.v.m i.p.v i.f.v i.h.k.v t.a.v t.o.v ' +
    't.e.m t.e.a.v t.g.v t.h.v t.w ttz v.z.w vzw zgn resp incl excl ca ong max min mln mld mio st ' +
    'jan feb febr mrt apr jun jul aug sep sept okt nov dec kb nv bvba vs'
  ).split(' '),
);

// Abbreviations that often end a list, and so may end a sentence: a boundary
// only when a capitalised word follows ("..., musea e.d. De regering ...").
const ENDING_ABBREVIATIONS: ReadonlySet<string> = new Set('enz etc e.d e.a e.v a.s'.split(' '));

// List markers at the start of a line: bullets, "1.", "12)", "a)", "(b)", "iv.".
const LIST_MARKER = /^[ \t]*(?:[-–—•·▪◦●○■□➢►✓*\uF0A7\uF0B7]|\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}[.)])[ \t]+/;
const BLANK_LINE = /^[\s\u00A0]*$/;
// A run of terminal punctuation with closing quotes/brackets, then whitespace or the end.
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s|$)/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPERCASE_START = /^\p{Lu}/u;
const LOWERCASE_START = /^\p{Ll}/u;
const SINGLE_LETTER = /^\p{L}$/u;
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}$/u;
// Things that number a heading or list item when they start a line: "3.", "3.4.", "IV.", "b."
const ENUMERATOR = /^(?:\d+(?:\.\d+)*|[ivxlc]+|\p{L})$/iu;

/** Sentences of `text` with their offsets in it (see the module comment for the rules). */
export function splitSentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const [blockStart, blockEnd] of blocks(text)) {
    let sentenceStart = blockStart;
    const block = text.slice(blockStart, blockEnd);
    for (const match of block.matchAll(SENTENCE_END)) {
      const dotIndex = match.index;
      const after = match.index + match[0].length;
      if (isBoundary(block, dotIndex, match[0], after)) {
        pushSpan(spans, text, sentenceStart, blockStart + after);
        sentenceStart = blockStart + after;
      }
    }
    pushSpan(spans, text, sentenceStart, blockEnd);
  }
  return spans;
}

/** The sentences of `text` as strings (trimmed, exact slices of the input). */
export function splitSentences(text: string): string[] {
  return splitSentenceSpans(text).map((span) => span.text);
}

// Paragraphs and list items as [start, end) ranges, list markers excluded.
function blocks(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let blockStart = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (BLANK_LINE.test(line)) {
      if (lineStart > blockStart) ranges.push([blockStart, lineStart]);
      blockStart = lineEnd + 1;
    } else {
      const marker = LIST_MARKER.exec(line);
      if (marker !== null) {
        if (lineStart > blockStart) ranges.push([blockStart, lineStart]);
        blockStart = lineStart + marker[0].length;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (blockStart < text.length) ranges.push([blockStart, text.length]);
  return ranges;
}

function isBoundary(block: string, punctuationIndex: number, punctuation: string, after: number): boolean {
  const next = nextWord(block, after);
  if (next === '') return true; // the block ends here anyway
  if (LOWERCASE_START.test(next)) return false;
  if (!punctuation.startsWith('.') || punctuation.startsWith('..')) return true;
  const word = wordBefore(block, punctuationIndex);
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (CONTINUING_ABBREVIATIONS.has(lower)) return false;
  if (ENDING_ABBREVIATIONS.has(lower)) return UPPERCASE_START.test(next);
  if (SINGLE_LETTER.test(word) || DOTTED_LETTERS.test(word)) return false; // initials, "a.s.", unknown dotted abbreviations
  if (ENUMERATOR.test(word) && startsLine(block, punctuationIndex - word.length)) return false; // "3. Welzijn"
  return true;
}

// The word ending at `index` (exclusive), without leading brackets or quotes.
function wordBefore(block: string, index: number): string {
  let start = index;
  while (start > 0 && !/[\s(["'“‘«]/.test(block.charAt(start - 1))) start--;
  const word = block.slice(start, index);
  return WORD_CHAR.test(word) ? word : '';
}

// The next non-space text after `index`, up to the next space (may start with a quote or bracket).
function nextWord(block: string, index: number): string {
  let start = index;
  while (start < block.length && /\s/.test(block.charAt(start))) start++;
  let end = start;
  while (end < block.length && !/\s/.test(block.charAt(end))) end++;
  return block.slice(start, end).replace(/^["'“‘«(\[]+/, '');
}

function startsLine(block: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = block.charAt(i);
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (start === end) return;
  const sentence = text.slice(start, end);
  if (!WORD_CHAR.test(sentence)) return; // stray punctuation, e.g. a lone "-"
  spans.push({ text: sentence, start, end });
}
