// The overview page of a batch export (`report --all --out DIR`): per part and
// chapter a table of its sections with commitment counts per status, a total
// per chapter, and a summary table with the totals per chapter and overall.
import { COMMITMENT_STATUSES, statusLabel } from './labels.js';
import { collapseWhitespace } from '../../text/index.js';
import { escapeMarkdown, escapeTableCell } from './text.js';
import { addStatusCounts, emptyStatusCounts, type StatusCounts } from '../status-counts.js';

export interface IndexEntry {
  sectionId: string;
  /** Dotted number, e.g. "2.2.9". */
  number: string;
  title: string;
  chapter: string;
  part: string;
  statusCounts: StatusCounts;
  /** The section report's path relative to the index page. */
  file: string;
}

interface Chapter {
  part: string;
  chapter: string;
  entries: IndexEntry[];
}


function sumCounts(entries: readonly IndexEntry[]): StatusCounts {
  return entries.reduce((total, entry) => addStatusCounts(total, entry.statusCounts), emptyStatusCounts());
}

function countCells(counts: StatusCounts, bold = false): string {
  const total = COMMITMENT_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const cells = [...COMMITMENT_STATUSES.map((status) => counts[status]), total].map(String);
  return cells.map((cell) => (bold ? `**${cell}**` : cell)).join(' | ');
}

/** "2.2.10" after "2.2.9": compare the dotted numbers part by part. */
export function compareSectionNumbers(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (Number.isFinite(difference) && difference !== 0) return difference;
  }
  return a.localeCompare(b);
}

/** Chapters in order of first appearance (chapter numbers restart per part, so part and chapter together are the key). */
function groupByChapter(entries: readonly IndexEntry[]): Chapter[] {
  const chapters = new Map<string, Chapter>();
  for (const entry of entries) {
    const key = `${entry.part}\u0000${entry.chapter}`;
    let chapter = chapters.get(key);
    if (!chapter) {
      chapter = { part: entry.part, chapter: entry.chapter, entries: [] };
      chapters.set(key, chapter);
    }
    chapter.entries.push(entry);
  }
  for (const chapter of chapters.values()) chapter.entries.sort((a, b) => compareSectionNumbers(a.number, b.number));
  const partOrder = [...new Set(entries.map((entry) => entry.part))];
  // Stable sort: chapters of one part together, each part's chapters in first-appearance order.
  return [...chapters.values()].sort((a, b) => partOrder.indexOf(a.part) - partOrder.indexOf(b.part));
}

function linkTarget(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

const STATUS_HEADER = `${COMMITMENT_STATUSES.map(statusLabel).join(' | ')} | totaal`;
const NUMBER_ALIGN = `${COMMITMENT_STATUSES.map(() => '---:').join(' | ')} | ---:`;

function chapterTable(chapter: Chapter): string {
  const rows = chapter.entries.map(
    (entry) => `| [${escapeTableCell(entry.number)}](${linkTarget(entry.file)}) | ${escapeTableCell(entry.title)} | ${countCells(addStatusCounts(emptyStatusCounts(), entry.statusCounts))} |`,
  );
  return [
    `### ${escapeMarkdown(collapseWhitespace(chapter.chapter))}`,
    '',
    `| Sectie | Titel | ${STATUS_HEADER} |`,
    `| --- | --- | ${NUMBER_ALIGN} |`,
    ...rows,
    `| **Totaal** | ${escapeTableCell(chapter.chapter)} | ${countCells(sumCounts(chapter.entries), true)} |`,
  ].join('\n');
}

function summaryTable(chapters: readonly Chapter[], entries: readonly IndexEntry[]): string {
  const rows = chapters.map(
    (chapter) => `| ${escapeTableCell(chapter.part)} | ${escapeTableCell(chapter.chapter)} | ${chapter.entries.length} | ${countCells(sumCounts(chapter.entries))} |`,
  );
  return [
    '## Totalen',
    '',
    `| Deel | Hoofdstuk | Secties | ${STATUS_HEADER} |`,
    `| --- | --- | ---: | ${NUMBER_ALIGN} |`,
    ...rows,
    `| **Alle delen** | **Alle hoofdstukken** | **${entries.length}** | ${countCells(sumCounts(entries), true)} |`,
  ].join('\n');
}

export function renderIndexMarkdown(entries: readonly IndexEntry[]): string {
  const chapters = groupByChapter(entries);
  const blocks = [
    '# Voortgang regeerakkoord: overzicht per sectie',
    'Per sectie het aantal engagementen per status. Elke sectie linkt naar haar rapport met de bronnen.',
  ];
  if (entries.length === 0) {
    blocks.push('Er zijn nog geen sectierapporten.');
    return `${blocks.join('\n\n')}\n`;
  }
  blocks.push(summaryTable(chapters, entries));
  // Parts in order of first appearance, even when the entries interleave them.
  for (const part of new Set(chapters.map((chapter) => chapter.part))) {
    blocks.push(`## ${escapeMarkdown(collapseWhitespace(part))}`);
    for (const chapter of chapters.filter((candidate) => candidate.part === part)) blocks.push(chapterTable(chapter));
  }
  return `${blocks.join('\n\n')}\n`;
}
