// The coalition agreement as a tree of sections: the table of contents gives
// the tree, the body's repeated headings cut the text into each node's own part.
//
// Choices worth knowing:
// - Only TOC entries become nodes. Front matter that the TOC does not list (the
//   "Verhaal" before it, the "Samenvatting" after it) belongs to no node: text
//   before the first TOC heading is left out. Parts are the TOC's unnumbered
//   large entries (six in 2019-2024: five themes and the BIJLAGE).
// - A node's title is the body's heading where it agrees with the TOC (it fixes
//   TOC typos such as "lagkrachtige"), the TOC's title otherwise.
// - Chapter slugs are unique per agreement: a later chapter with the same slug
//   gets "-2", "-3", ... in reading order (none needed in 2019-2024).
// - Footnotes are appended to the node whose text carries the marker, as
//   "Voetnoot N: ..."; the superscript marker itself is dropped.
// - Where the body deviates from the TOC (a misnumbered or unnumbered heading),
//   the TOC wins and `warnings` says what was repaired.

import { InputError } from '../../errors.js';
import type { AgreementSection } from '../../model/documents.js';
import { readPdfPages, type PdfPage } from '../pdf.js';
import { findHeadingBlocks } from './headings.js';
import { buildVocabulary, joinLines, type Vocabulary } from './hyphenation.js';
import { bodyFontSize, layoutPage, type LayoutLine, type PageLayout } from './layout.js';
import { linesToText, measureColumns, type ColumnGeometry } from './paragraphs.js';
import { matchHeadings, titlesAgree, type HeadingMatch, type TocNode } from './match.js';
import { uniqueSlugs } from './slug.js';
import { findTocPages, parseTocLines, type TocEntry } from './toc.js';

export interface ParseAgreementOptions {
  /** Agreement id stored on every section, e.g. `regeerakkoord-2019-2024`. */
  agreement: string;
  /** How to name the input in error messages (default: the agreement id). */
  what?: string;
}

export interface AgreementParse {
  sections: AgreementSection[];
  /** The table of contents as read, parts included. */
  toc: TocEntry[];
  /** Things that did not line up (a TOC entry without body heading, a title that differs, ...). Empty for a clean parse. */
  warnings: string[];
}

export async function parseAgreementDetailed(bytes: Uint8Array, options: ParseAgreementOptions): Promise<AgreementParse> {
  const what = options.what ?? options.agreement;
  return parseAgreementPages(await readPdfPages(bytes, what), options);
}

export function parseAgreementPages(pages: readonly PdfPage[], options: ParseAgreementOptions): AgreementParse {
  const what = options.what ?? options.agreement;
  const warnings: string[] = [];
  const bodySize = bodyFontSize(pages);
  const widthOf = new Map(pages.map((page) => [page.number, page.width]));
  const pageWidth = (page: number): number => widthOf.get(page) ?? 0;

  // The TOC is one column of entries; find it on full-width lines.
  const fullWidth = pages.map((page) => layoutPage(page, { columns: false, bodySize }));
  const tocPages = findTocPages(fullWidth, pageWidth);
  const lastTocPage = tocPages[tocPages.length - 1];
  if (lastTocPage === undefined) {
    throw new InputError(`${what} has no recognisable table of contents (no page lists numbered chapters and sections with page numbers)`);
  }

  // The body: two columns, only real content pages (covers carry no header or page number).
  const bodyLayouts = pages
    .filter((page) => page.number > lastTocPage)
    .map((page) => layoutPage(page, { columns: true, bodySize }))
    .filter((layout) => layout.hasFurniture);
  const stream = bodyLayouts.flatMap((layout) => layout.lines);
  const vocabulary = buildVocabulary(stream.map((line) => line.text));

  const tocLines = fullWidth.filter((layout) => tocPages.includes(layout.page)).flatMap((layout) => layout.lines);
  const toc = parseTocLines(tocLines, pageWidth, (previous, next) => joinLines(previous, next, vocabulary));
  const nodes = toc.filter((entry): entry is TocNode => entry.kind !== 'part');
  if (!nodes.some((node) => node.kind === 'chapter')) {
    throw new InputError(`${what} has no recognisable table of contents (pages ${tocPages.join(', ')} list no numbered chapters)`);
  }

  const blocks = findHeadingBlocks(stream, bodySize);
  const joinTitle = (lines: readonly string[]): string => lines.reduce((joined, line) => joinLines(joined, line, vocabulary), '');
  const matches = matchHeadings(nodes, blocks, joinTitle, warnings);
  const geometry = measureColumns(stream, bodySize);
  const footnotes = new Map(bodyLayouts.map((layout) => [layout.page, layout.footnotes]));
  const context: TextContext = { stream, geometry, bodySize, vocabulary, footnotes, usedFootnotes: new Set() };

  const sections = buildSections(toc, matches, context, options.agreement, warnings);
  for (const [page, notes] of footnotes) {
    for (const number of notes.keys()) {
      if (!context.usedFootnotes.has(`${page}:${number}`)) warnings.push(`page ${page}: footnote ${number} has no marker in any section`);
    }
  }
  return { sections, toc, warnings };
}

interface TextContext {
  stream: readonly LayoutLine[];
  geometry: ColumnGeometry;
  bodySize: number;
  vocabulary: Vocabulary;
  footnotes: Map<number, PageLayout['footnotes']>;
  usedFootnotes: Set<string>;
}

function buildSections(
  toc: readonly TocEntry[],
  matches: readonly (HeadingMatch | null)[],
  context: TextContext,
  agreement: string,
  warnings: string[],
): AgreementSection[] {
  const nodes = toc.filter((entry): entry is TocNode => entry.kind !== 'part');
  // The body's heading corrects the occasional typo in the TOC ("lagkrachtige"); a heading that
  // disagrees more than that is not trusted over the TOC.
  const titles = nodes.map((node, j) => {
    const heading = matches[j];
    return heading && titlesAgree(heading.title, node.title) ? heading.title : node.title;
  });
  const chapterSlugs = uniqueSlugs(nodes.flatMap((node, j) => (node.kind === 'chapter' ? [titles[j]!] : [])));
  // Where each node's heading starts, to find where the previous node's own text ends.
  const headingStarts = matches.map((heading) => heading?.start ?? null);

  const sections: AgreementSection[] = [];
  const ids = new Set<string>();
  let partIndex = 0;
  let part = '';
  let chapterCount = 0;
  let chapter: AgreementSection | null = null;
  let j = -1;
  for (const entry of toc) {
    if (entry.kind === 'part') {
      partIndex++;
      part = entry.title;
      continue;
    }
    j++;
    const title = titles[j]!;
    const own = ownText(j, matches[j] ?? null, headingStarts, context, entry.page);
    if (entry.kind === 'chapter') {
      const slug = chapterSlugs[chapterCount++]!;
      chapter = {
        id: `${slug}/${entry.number}`,
        agreement,
        partIndex,
        part,
        chapter: title,
        chapterSlug: slug,
        number: entry.number,
        title,
        level: 1,
        parentId: null,
        order: sections.length,
        ...own,
      };
      sections.push(chapter);
      ids.add(chapter.id);
      continue;
    }
    if (!chapter) {
      warnings.push(`table of contents entry "${entry.number} ${entry.title}" comes before any chapter; skipped`);
      continue;
    }
    if (entry.number.split('.')[0] !== chapter.number) {
      warnings.push(`section ${entry.number} is listed under chapter ${chapter.number} (${chapter.title})`);
    }
    const parentNumber = entry.number.split('.').slice(0, -1).join('.');
    const parentId = `${chapter.chapterSlug}/${parentNumber}`;
    let id = `${chapter.chapterSlug}/${entry.number}`;
    if (ids.has(id)) {
      warnings.push(`section ${id} is listed twice in the table of contents`);
      for (let n = 2; ids.has(id); n++) id = `${chapter.chapterSlug}/${entry.number}-${n}`;
    }
    if (!ids.has(parentId)) warnings.push(`section ${id} has no parent ${parentNumber} in the table of contents`);
    ids.add(id);
    sections.push({
      id,
      agreement,
      partIndex,
      part,
      chapter: chapter.chapter,
      chapterSlug: chapter.chapterSlug,
      number: entry.number,
      title,
      level: entry.level,
      parentId: ids.has(parentId) ? parentId : chapter.id,
      order: sections.length,
      ...own,
    });
  }
  return sections;
}

/** The node's own text: from the end of its heading to the start of the next matched heading. */
function ownText(
  nodeIndex: number,
  block: HeadingMatch | null,
  nodeStarts: readonly (number | null)[],
  context: TextContext,
  tocPage: number,
): { text: string; pageStart: number; pageEnd: number } {
  if (!block) return { text: '', pageStart: tocPage, pageEnd: tocPage };
  let end = context.stream.length;
  for (let j = nodeIndex + 1; j < nodeStarts.length; j++) {
    const start = nodeStarts[j];
    if (start !== null && start !== undefined) {
      end = start;
      break;
    }
  }
  const lines = context.stream.slice(block.end, end);
  let text = linesToText(lines, context.geometry, context.bodySize, context.vocabulary);
  for (const line of lines) {
    for (const number of line.footnoteRefs) {
      const key = `${line.page}:${number}`;
      const note = context.footnotes.get(line.page)?.get(number);
      if (!note || context.usedFootnotes.has(key)) continue;
      context.usedFootnotes.add(key);
      const noteText = note.reduce((joined, part) => joinLines(joined, part, context.vocabulary), '');
      text += `${text === '' ? '' : '\n\n'}Voetnoot ${number}: ${noteText}`;
    }
  }
  const pagesOfText = lines.map((line) => line.page);
  return {
    text,
    pageStart: pagesOfText.length > 0 ? Math.min(...pagesOfText) : block.page,
    pageEnd: pagesOfText.length > 0 ? Math.max(...pagesOfText) : block.page,
  };
}
