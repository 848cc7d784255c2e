// Folding for matching: the form every index term and query term goes through.
// Display text is never folded; callers keep the original string for quoting.

// Characters that editors and PDF extraction leave inside words; they carry no
// meaning and would otherwise split or hide tokens ("D\u200Be" -> "De").
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

// Typographic variants mapped to their plain ASCII form, so "regio’s" and
// "regio's", "2019–2024" and "2019-2024" fold alike. The acute accent U+00B4
// and backtick are used as apostrophes ("baby´s"); NFKC would turn U+00B4 into
// a space plus a combining mark, so it is mapped first.
const TYPOGRAPHIC: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], ['\u2019', "'"], ['\u201A', "'"], ['\u201B', "'"], ['\u2032', "'"], ['\u00B4', "'"], ['`', "'"],
  ['\u201C', '"'], ['\u201D', '"'], ['\u201E', '"'], ['\u201F', '"'], ['\u2033', '"'], ['\u00AB', '"'], ['\u00BB', '"'],
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2014', '-'], ['\u2015', '-'], ['\u2212', '-'],
]);
const TYPOGRAPHIC_CHARS = new RegExp(`[${[...TYPOGRAPHIC.keys()].join('')}]`, 'g');

const COMBINING_MARKS = /\p{M}+/gu;
// Plain printable ASCII needs none of the Unicode steps: the common case, kept fast.
const PLAIN_ASCII = /^[\x20-\x7E\t\n\r]*$/;

/**
 * Folds text for matching: NFKC (ligatures, full-width forms, "CO₂" -> "co2"),
 * lowercase, diacritics removed ("coördinatie" -> "coordinatie", "ë" -> "e"),
 * curly quotes to straight ones, dashes to "-", invisible characters dropped.
 * Returns a new string; the input is not changed (strings are immutable), so
 * display text keeps its diacritics. Offsets are NOT preserved (NFKC and the
 * removal of invisible characters may change the length).
 */
export function foldForMatching(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replaceAll('`', "'");
  const plain = text
    .replace(INVISIBLE, '')
    .replace(TYPOGRAPHIC_CHARS, (c) => TYPOGRAPHIC.get(c) ?? c)
    .normalize('NFKC')
    .toLowerCase();
  // NFD separates base letters from their accents so the accents can be dropped.
  return plain.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}
