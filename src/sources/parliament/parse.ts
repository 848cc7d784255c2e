// A parliamentary document's text -> a ParliamentDocument: what kind it is,
// the metadata it prints (number, date, asker, addressee), and for a written
// question the question and the answer kept apart. Nothing is guessed: a
// field the text does not give stays null.
import { basename } from 'node:path';
import type { ParliamentDocument, ParliamentKind } from '../../model/documents.js';
import { DUTCH_DATE, findDutchDates, isoDate, nameCase } from './metadata.js';
import { markdownToText, normaliseLineEnds, oneLine, textToParagraphs } from './text.js';

// A word of a name printed in capitals; it is never the header's next field
// ("DATUM", "AAN") nor the start of an office ("VICEMINISTER-PRESIDENT ...").
const UPPER_WORD = String.raw`(?!(?:DATUM|AAN|VICE-?MINISTER|MINISTER|VLAAMSE?)\b)\p{Lu}[\p{Lu}'’.\-]*`;
/** A name as the parliament prints it: capitals, spaces, hyphens, apostrophes. */
const UPPER_NAME = String.raw`${UPPER_WORD}(?:\s+${UPPER_WORD})*`;
const DATE_WORDS = String.raw`\d{1,2}\s+\p{L}+\.?\s+\d{4}`;

/** "ANTWOORD op vraag nr. 294 van 26 april 2022 van JEREMIE VANEECKHOUT" (every part after ANTWOORD optional). */
const ANSWER_HEADER = new RegExp(
  String.raw`^(?:ANTWOORD|Antwoord)\b\s*:?\s*(?:op\s+(?:de\s+)?(?:schriftelijke\s+)?vraag\s+(?:nr\.?|nummer)?\s*(\d+)\s*)?(?:van\s+(${DATE_WORDS})\s*)?(?:van\s+(?:(?:de\s+heer|mevrouw)\s+)?(${UPPER_NAME})(?=\s|$))?`,
  'u',
);
/** Lower-case forms that can only be a heading: a paragraph that is just "Antwoord", or "Antwoord op (schriftelijke) vraag ...". */
const ANSWER_HEADING_LOOSE = /^(?:antwoord\s*:?\s*$|antwoord\s+op\s+(?:de\s+)?(?:schriftelijke\s+)?vraag\b)/i;

/** The question's own header: "SCHRIFTELIJKE VRAAG nr. 294 van JEREMIE VANEECKHOUT datum: 26 april 2022 aan BART SOMERS ...". */
const QUESTION_HEADER = new RegExp(
  String.raw`^(?:SCHRIFTELIJKE|[Ss]chriftelijke)\s+(?:VRAAG|vraag)\s+(?:(?:nr|NR)\.?\s*(\d+)\s*)?(?:(?:van|VAN)\s+(?:(?:de\s+heer|mevrouw)\s+)?(${UPPER_NAME})\s*)?(?:(?:datum|DATUM)\s*:?\s*(${DATE_WORDS})\s*)?(?:(?:aan|AAN)\s+(${UPPER_NAME}))?`,
  'u',
);

/** Self-identification of the answering minister: "heb ik als minister van welzijn, volksgezondheid en gezin niet". */
// No `i` flag: with it \p{Lu} would match lower case too and run the office into the next words.
const ANSWERER_OFFICE =
  /(?<![\p{L}])(?:[Ii]k|[Ww]ij|[Ww]e)\s[^.?!]{0,80}?\bals\s+((?:[Vv]laams(?:e)?\s+)?(?:[Vv]ice)?(?:-?[Mm]inister)(?:-[Pp]resident)?(?:\s+van\s+\p{L}+(?:\s\p{Lu}\p{L}*)*(?:(?:,\s*|\s+en\s+)\p{L}+(?:\s\p{Lu}\p{L}*)*)*)?)/u;

/** Lines that are page furniture, never a title. */
const FURNITURE = /^(?:vlaams(?:e)?\s+(?:parlement|regering)|pagina\s+\d+(?:\s+van\s+\d+)?|\d+)$/i;

const NUMBERED = /^(\d+)(?:[-+]\d+)*\s*[.)]/;

export function parseParliamentText(text: string, sourceFile: string): ParliamentDocument {
  const fileName = basename(sourceFile);
  const stem = fileName.replace(/\.[^.]+$/, '');
  const isMarkdown = /\.(?:md|markdown)$/i.test(fileName);

  const clean = isMarkdown ? markdownToText(text) : normaliseLineEnds(text.replace(/^\uFEFF/, ''));
  const paragraphs = isMarkdown ? clean.split(/\n{2,}/).filter((p) => p.trim() !== '') : textToParagraphs(clean);

  const questionHeaderAt = paragraphs.findIndex((p) => /^schriftelijke\s+vraag\s+(?:nr|van)\b/i.test(p));
  const questionHeader = questionHeaderAt >= 0 ? QUESTION_HEADER.exec(oneLine(paragraphs[questionHeaderAt]!)) : null;

  const titleAt = findTitle(paragraphs, questionHeaderAt);
  const title = isMarkdown ? (firstHeading(text) ?? titleFrom(paragraphs[titleAt])) : titleFrom(paragraphs[titleAt]);

  const split = findAnswer(paragraphs, Math.max(titleAt, questionHeaderAt) + 1);
  const answerHeader = split?.header ? ANSWER_HEADER.exec(split.header) : null;

  const looksLikeQuestion =
    split !== null || questionHeader !== null || /schriftelijke[-_ ]vraag/i.test(stem) || /^\s*schriftelijke\s+vraag\b/i.test(clean);
  const head = clean.split('\n').filter((line) => line.trim() !== '').slice(0, 12).join('\n');
  const kind: ParliamentKind = looksLikeQuestion
    ? 'schriftelijke-vraag'
    : /^\s*commissie\b/im.test(head) || /^commissie\b/i.test(stem)
      ? 'commissiedocument'
      : 'overig';

  const bodyStart = Math.max(titleAt, questionHeaderAt) + 1;
  const questionParagraphs = kind === 'schriftelijke-vraag' ? paragraphs.slice(bodyStart, split?.index ?? paragraphs.length) : [];
  const answerParagraphs = split ? paragraphs.slice(split.index + (split.header ? 1 : 0)) : [];
  if (split?.header && answerHeader) {
    // Answer text run on in the header paragraph (no blank line after "... van NAME").
    const rest = split.header.slice(answerHeader[0].length).trim();
    if (rest !== '') answerParagraphs.unshift(rest);
  }

  const question = joinParagraphs(questionParagraphs);
  const answer = joinParagraphs(answerParagraphs);

  const asker = answerHeader?.[3] ?? questionHeader?.[2] ?? null;
  const headerDate = answerHeader?.[2] ?? questionHeader?.[3] ?? null;

  return {
    id: `parlement/${stem}`,
    kind,
    title,
    number: kind === 'schriftelijke-vraag' ? (answerHeader?.[1] ?? questionHeader?.[1] ?? numberFromFileName(stem)) : null,
    date: (headerDate ? findDutchDates(headerDate)[0]?.iso : undefined) ?? (kind === 'schriftelijke-vraag' ? null : dateFromHead(head)) ?? dateFromFileName(stem),
    asker: asker ? nameCase(asker) : null,
    addressee: addressee(questionHeader?.[4], answer),
    question: question === '' ? null : question,
    answer: answer === '' ? null : answer,
    text: paragraphs.map((p, i) => (i === titleAt && !isMarkdown ? oneLine(p) : p)).join('\n\n').trim(),
    uri: null,
    sourceFile: fileName,
  };
}

function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.join('\n\n').trim();
}

function findTitle(paragraphs: string[], questionHeaderAt: number): number {
  const subject = paragraphs.findIndex((p) => /^(?:onderwerp|betreft)\s*:/i.test(p));
  if (subject >= 0) return subject;
  const index = paragraphs.findIndex((p, i) => i !== questionHeaderAt && !FURNITURE.test(oneLine(p)));
  return index >= 0 ? index : 0;
}

function titleFrom(paragraph: string | undefined): string {
  if (paragraph === undefined) return '';
  const line = oneLine(paragraph.replace(/^(?:onderwerp|betreft)\s*:\s*/i, ''));
  if (line.length <= 250) return line;
  // A first paragraph that is running text: its first sentence, cut at a word if still too long.
  const sentence = /^.{20,250}?[.?!](?=\s)/.exec(line)?.[0] ?? line.slice(0, 250).replace(/\s+\S*$/, '') + '…';
  return sentence;
}

function firstHeading(markdown: string): string | null {
  const match = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(normaliseLineEnds(markdown));
  return match?.[1] ? oneLine(match[1].replace(/(\*\*|__)(.+?)\1/g, '$2')) : null;
}

/**
 * Where the answer starts: an "ANTWOORD" heading, or else the point where the
 * numbering starts again at 1 after the numbered questions ("1. ... 5." then "1. We verwijzen ...").
 */
function findAnswer(paragraphs: string[], from: number): { index: number; header: string | null } | null {
  for (let i = from; i < paragraphs.length; i++) {
    const paragraph = oneLine(paragraphs[i]!);
    if (/^ANTWOORD\b/.test(paragraph) || ANSWER_HEADING_LOOSE.test(paragraph)) return { index: i, header: paragraph };
  }
  let highest = 0;
  let askedSomething = false;
  for (let i = from; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const number = NUMBERED.exec(paragraph);
    if (number) {
      const value = Number(number[1]);
      if (value === 1 && highest >= 2 && askedSomething) return { index: i, header: null };
      highest = Math.max(highest, value);
    }
    if (paragraph.includes('?')) askedSomething = true;
  }
  return null;
}

function numberFromFileName(stem: string): string | null {
  return /schriftelijke[-_]vraag[-_](?:nr[-_]?)?(\d+)(?:[-_]|$)/i.exec(stem)?.[1] ?? null;
}

function dateFromFileName(stem: string): string | null {
  const match = /(?:^|[-_])(\d{4})-(\d{2})-(\d{2})(?:[-_]|$)/.exec(stem);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * A document's own date is printed near its top, on a line of its own
 * ("Dinsdag 27 september 2022", "Brussel, 3 mei 2021", "datum: ..."); a date
 * inside a sentence ("de wet van 30 juli 2018") is not the document's date.
 */
function dateFromHead(head: string): string | null {
  for (const line of head.split('\n')) {
    const dates = findDutchDates(line);
    const first = dates[0];
    if (!first) continue;
    const rest = line.replace(DUTCH_DATE, ' ').replace(/\b(?:datum|brussel)\b|[^\p{L}\d]/giu, '');
    if (first.withWeekday || rest.length <= 3) return first.iso;
  }
  return null;
}

function addressee(fromQuestionHeader: string | undefined, answer: string): string | null {
  if (fromQuestionHeader) return nameCase(fromQuestionHeader);
  const office = ANSWERER_OFFICE.exec(answer)?.[1];
  return office ? oneLine(office) : null;
}
