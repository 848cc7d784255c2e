// Pairs the table of contents with the headings the body repeats. Both are in
// reading order, but the body is not always faithful: a heading may be printed
// with the wrong number ("3.2.4 Aankoop" where the TOC has 3.2.5), two headings
// may run together without the second number ("3.2.3 ICT en Informatie /
// Programma Vlaanderen"), a title may carry a typo. Numbers and titles are
// therefore both used, and every deviation is reported.

import type { TocEntry } from './toc.js';
import type { HeadingBlock } from './headings.js';

export type TocNode = Extract<TocEntry, { kind: 'chapter' | 'section' }>;

export interface HeadingMatch {
  /** Where the heading sits in the stream: its text starts at `end`. */
  start: number;
  end: number;
  page: number;
  /** The title as printed in the body. */
  title: string;
}

/** Folds a title for comparison: no case, no diacritics, letters and digits only. */
export function titleKey(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Titles agree when they differ by at most this share of their length (typos, a dropped letter).
const TITLE_TOLERANCE = 0.1;

export function titlesAgree(a: string, b: string): boolean {
  const x = titleKey(a);
  const y = titleKey(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  return editDistance(x, y) <= Math.max(2, Math.floor(TITLE_TOLERANCE * Math.max(x.length, y.length)));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The nodes a heading may belong to: from `next` up to the end of the current chapter (a chapter heading may skip one chapter). */
function candidates(nodes: readonly TocNode[], next: number, kind: HeadingBlock['kind']): number[] {
  const result: number[] = [];
  let chaptersSeen = 0;
  for (let j = next; j < nodes.length; j++) {
    const node = nodes[j]!;
    if (node.kind === 'chapter') {
      chaptersSeen++;
      if (kind === 'section' && j > next) break;
      if (kind === 'chapter' && chaptersSeen > 2) break;
    }
    if (node.kind === kind) result.push(j);
  }
  return result;
}

export function matchHeadings(
  nodes: readonly TocNode[],
  blocks: readonly HeadingBlock[],
  joinTitle: (lines: readonly string[]) => string,
  warnings: string[],
): (HeadingMatch | null)[] {
  const matches: (HeadingMatch | null)[] = nodes.map(() => null);
  const describe = (j: number): string => `${nodes[j]!.number} ${nodes[j]!.title}`;
  let next = 0;
  const accept = (j: number, match: HeadingMatch): void => {
    for (let k = next; k < j; k++) warnings.push(`table of contents entry "${describe(k)}" has no heading in the body`);
    matches[j] = match;
    next = j + 1;
  };

  for (const block of blocks) {
    const title = joinTitle(block.titleLines);
    const whole: HeadingMatch = { start: block.start, end: block.end, page: block.page, title };
    const options = candidates(nodes, next, block.kind);
    const sameNumber = options.find((j) => nodes[j]!.number === block.number);
    if (sameNumber !== undefined && titlesAgree(title, nodes[sameNumber]!.title)) {
      accept(sameNumber, whole);
      continue;
    }
    // A misprinted number still belongs to its own chapter ("3.2.4 Aankoop" for 3.2.5).
    const chapterOf = (number: string): string => number.split('.')[0]!;
    const sameTitle = options.find((j) => (block.kind === 'chapter' || chapterOf(nodes[j]!.number) === chapterOf(block.number))
      && titlesAgree(title, nodes[j]!.title));
    if (sameTitle !== undefined) {
      warnings.push(`page ${block.page}: heading "${block.number} ${title}" is numbered ${nodes[sameTitle]!.number} in the table of contents`);
      accept(sameTitle, whole);
      continue;
    }
    if (sameNumber !== undefined) {
      const split = splitRunTogether(block, sameNumber, nodes, joinTitle);
      if (split) {
        warnings.push(`page ${block.page}: heading "${describe(sameNumber + 1)}" is printed without its number, right under "${describe(sameNumber)}"`);
        accept(sameNumber, split[0]);
        accept(sameNumber + 1, split[1]);
        continue;
      }
      warnings.push(`page ${block.page}: heading "${block.number} ${title}" differs from the table of contents ("${nodes[sameNumber]!.title}")`);
      accept(sameNumber, whole);
      continue;
    }
    warnings.push(`page ${block.page}: heading "${block.number} ${title}" is not in the table of contents; kept as text`);
  }
  for (let k = next; k < nodes.length; k++) warnings.push(`table of contents entry "${describe(k)}" has no heading in the body`);
  return matches;
}

/** A heading whose title lines are the node's title followed by the next node's title: two headings run together. */
function splitRunTogether(
  block: HeadingBlock,
  j: number,
  nodes: readonly TocNode[],
  joinTitle: (lines: readonly string[]) => string,
): [HeadingMatch, HeadingMatch] | null {
  const following = nodes[j + 1];
  if (!following || following.kind !== block.kind) return null;
  for (let k = 1; k < block.titleLines.length; k++) {
    const first = joinTitle(block.titleLines.slice(0, k));
    const second = joinTitle(block.titleLines.slice(k));
    if (titlesAgree(first, nodes[j]!.title) && titlesAgree(second, following.title)) {
      const boundary = block.titleLineIndexes[k]!;
      return [
        { start: block.start, end: boundary, page: block.page, title: first },
        { start: boundary, end: block.end, page: block.page, title: second },
      ];
    }
  }
  return null;
}
