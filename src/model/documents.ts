// The normalised shapes every source adapter yields and every store keeps.
// Sources know nothing about storage; the store knows nothing about sources.

/** One node of a coalition agreement's table of contents: a chapter or a (sub)section. */
export interface AgreementSection {
  /** Stable, readable id: `<chapter-slug>/<number>`, e.g. `justitie/3.4`; a chapter is `justitie/3`. */
  id: string;
  /** Which agreement this belongs to, e.g. `regeerakkoord-2019-2024`. */
  agreement: string;
  /** 1-based index of the part ("VLAANDEREN SCHITTERT" is 1). */
  partIndex: number;
  /** The part's title as printed, e.g. "VLAANDEREN SCHITTERT". */
  part: string;
  /** Chapter heading without number, e.g. "Justitie". */
  chapter: string;
  /** Slug of the chapter title, unique within the agreement. */
  chapterSlug: string;
  /** Dotted number as printed: "3", "3.4", "2.2.9", "3.2.2.2". */
  number: string;
  /** Heading text without the number. */
  title: string;
  /** 1 for a chapter, 2 for N.M, up to 4 for N.M.K.L. */
  level: number;
  /** Id of the enclosing node, null for a chapter. */
  parentId: string | null;
  /** Position in reading order (0-based) across the whole agreement. */
  order: number;
  /** First and last PDF page (1-based) the node's own text spans. */
  pageStart: number;
  pageEnd: number;
  /** The node's own text (up to its first child heading), clean: no headers, footers or page numbers. */
  text: string;
}

export interface Mandatee {
  /** Stable mandatee id from the source, when given. */
  id: string | null;
  /** Full name as "First Last". */
  name: string;
  /** Office, e.g. "Vlaams minister van Justitie en Handhaving, ...". */
  title: string | null;
}

/** A decision of the government (one agenda item of a meeting). */
export interface Decision {
  /** The news-item id (24 hex chars). */
  id: string;
  /** Stable linked-data URI to cite. */
  uri: string;
  title: string;
  shortTitle: string | null;
  /** Plain text of the body, paragraphs separated by blank lines. */
  bodyText: string;
  /** Sanitised HTML of the body (safe to embed). */
  bodyHtml: string;
  /** The meeting's calendar date in Belgium, `YYYY-MM-DD`. */
  meetingDate: string;
  meetingId: string | null;
  /** "Nota", "Mededeling", or whatever the source says; null when absent. */
  itemType: string | null;
  mandatees: Mandatee[];
  themes: string[];
  position: number | null;
}

export type ParliamentKind = 'schriftelijke-vraag' | 'commissiedocument' | 'overig';

/** A parliamentary document: a written question with its answer, a committee document, ... */
export interface ParliamentDocument {
  /** Stable id derived from the file name, e.g. `parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord`. */
  id: string;
  kind: ParliamentKind;
  title: string;
  /** Question number ("294") when known. */
  number: string | null;
  /** `YYYY-MM-DD` of the question or meeting, when known. */
  date: string | null;
  /** Member of parliament who asked, when known. */
  asker: string | null;
  /** Minister who answered / was addressed, when known. */
  addressee: string | null;
  /** The question part, when the document has one. */
  question: string | null;
  /** The answer part, when the document has one. */
  answer: string | null;
  /** Full clean text. */
  text: string;
  /** Link to the source document when known; null otherwise (never invented). */
  uri: string | null;
  /** File name it was read from. */
  sourceFile: string;
}

/** A problem found in the input that was skipped rather than ingested. */
export interface IngestIssue {
  source: string;
  /** 1-based line number for line-oriented sources. */
  line?: number;
  message: string;
}
