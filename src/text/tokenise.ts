// Word tokens for indexing and querying. Every token is folded (see
// normalise.ts), so "Coördinatie" and "coordinatie" are the same token.
//
// Decisions, each pinned by tests:
// - Hyphenated words yield their parts AND the joined form:
//   "informatie-uitwisseling" -> "informatie", "uitwisseling", "informatieuitwisseling",
//   so a query with either spelling (with or without hyphen, or only one part) matches.
//   Number ranges yield only their parts: "2019-2024" -> "2019", "2024".
// - "&" stays inside a token: "O&O&I" -> "o&o&i". Dropping it would make "ooi"
//   (a Dutch word, "ewe") and splitting it would leave only one-letter noise.
// - Numbers keep their internal "." and ",": "26.04.2022", "1.2.3", "3,5", "200.000".
// - Dotted letter abbreviations are joined: "v.z.w." -> "vzw", "o.a." -> "oa"
//   (the function-word ones are in the stopword list).
// - The Dutch plural/genitive "'s" is dropped: "kmo's" -> "kmo", "regio’s" -> "regio";
//   other apostrophes stay ("zo'n").
// - "/" separates: "en/of" -> "en", "of".
// - One-letter tokens are dropped (initials, list letters, "s" of "'s"); digits are kept.

import { foldForMatching } from './normalise.js';

// A run of letters/digits, with single connector characters allowed between runs.
const RAW_TOKEN = /[\p{L}\p{N}]+(?:[-&'.,/][\p{L}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;
const ONLY_DIGITS = /^\p{N}+$/u;
// Tokens this long are URLs, hashes or extraction debris, never search terms.
const MAX_TOKEN_LENGTH = 64;

/** Folded word tokens of `text`, in reading order (see the module comment for the rules). */
export function tokenise(text: string): string[] {
  return tokeniseFolded(foldForMatching(text));
}

/** Like {@link tokenise} for text that is already folded with `foldForMatching`. */
export function tokeniseFolded(folded: string): string[] {
  const tokens: string[] = [];
  scanTokens(folded, (token) => {
    tokens.push(token);
  });
  return tokens;
}

/**
 * Receives each token; `joined` is true for the joined form of a hyphenated
 * word ("informatieuitwisseling"), whose parts were emitted just before it
 * with `part` true. `part` marks a token that is a component of a longer one:
 * the parts of a hyphenated word, or the joined form of "LIVC-R", whose only
 * real part is "livc".
 */
export type TokenSink = (token: string, joined: boolean, part: boolean) => void;

/** The tokens of folded text, in order, as {@link tokeniseFolded} returns them, without building an array. */
export function scanTokens(folded: string, sink: TokenSink): void {
  for (const match of folded.matchAll(RAW_TOKEN)) {
    const raw = match[0];
    if (!hasConnector(raw)) {
      emit(sink, raw, false, false);
      continue;
    }
    for (const piece of raw.split('/')) addPiece(sink, piece);
  }
}

function hasConnector(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // - & ' . , /
    if (c === 45 || c === 38 || c === 39 || c === 46 || c === 44 || c === 47) return true;
  }
  return false;
}

function addPiece(sink: TokenSink, piece: string): void {
  const hyphenParts = piece
    .split('-')
    .map(withoutPluralApostrophe)
    .filter((p) => p.length > 0);
  let joinable = hyphenParts.length > 1 && hyphenParts.some((p) => HAS_LETTER.test(p));
  const pieces = hyphenParts.map((hyphenPart) => {
    const split = splitDotsAndCommas(hyphenPart).filter((p) => p.length > 0);
    // "www.vlaanderen.be-x" or "scholen,musea": dots and commas separate words, never join them.
    if (split.length !== 1 || split[0] !== hyphenPart) joinable = false;
    return split;
  });
  // Parts are components of the joined word only when two or more survive:
  // in "LIVC-R" the "r" is dropped, so "livc" is the word itself.
  const surviving = pieces.flat().filter(keeps).length;
  for (const token of pieces.flat()) emit(sink, token, false, joinable && surviving > 1);
  // With one surviving part, the joined form ("livcr") is a variant spelling of it.
  if (joinable) emit(sink, hyphenParts.join(''), true, surviving <= 1);
}

function withoutPluralApostrophe(part: string): string {
  return part.endsWith("'s") ? part.slice(0, -2) : part;
}

// "." and "," stay only between digits (numbers, dates, section numbers). A
// run of one-letter segments is a dotted abbreviation and is joined.
function splitDotsAndCommas(part: string): string[] {
  if (!part.includes('.') && !part.includes(',')) return [part];
  const segments = part.split(/[.,]/);
  if (segments.length > 1 && segments.every((s) => s.length === 1 && HAS_LETTER.test(s))) {
    return [segments.join('')];
  }
  const out: string[] = [];
  let number = '';
  let separatorIndex = 0;
  for (const segment of segments) {
    const separator = separatorIndex > 0 ? part.charAt(separatorIndex - 1) : '';
    separatorIndex += segment.length + 1;
    if (number !== '' && ONLY_DIGITS.test(segment)) {
      number += separator + segment;
      continue;
    }
    if (number !== '') out.push(number);
    number = '';
    if (ONLY_DIGITS.test(segment)) number = segment;
    else out.push(segment);
  }
  if (number !== '') out.push(number);
  return out;
}

function keeps(token: string): boolean {
  return token.length <= MAX_TOKEN_LENGTH && (token.length > 1 || ONLY_DIGITS.test(token));
}

function emit(sink: TokenSink, token: string, joined: boolean, part: boolean): void {
  if (keeps(token)) sink(token, joined, part);
}
