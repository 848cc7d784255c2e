// Reference numbering: numbers are assigned in order of first appearance in
// the rendered report (body claims, then the commitments' reasons, then the
// candidate sources of statuses to check, then the parliamentary signals under the commitments table, then the dossier timelines), starting at 1. Every
// numbered source is cited and every citation is numbered, by construction.
import type { SectionReport } from '../model.js';
import { checkCandidates } from './selection.js';

/** `{{cite:<sourceKey>}}` in a commitment's reason. The key may be any text without braces. */
const CITE_PLACEHOLDER = /\{\{cite:([^{}]*)\}\}/g;

/** A citation of a key the report has no source for: a bug in whoever built the report, never a user error. */
export class UnknownCitationError extends Error {
  constructor(
    readonly key: string,
    where: string,
  ) {
    super(`citation of unknown source "${key}" in ${where}`);
    this.name = 'UnknownCitationError';
  }
}

export interface CitationNumbering {
  /** Cited source keys; the key at index i has number i + 1. */
  order: string[];
  numberOf: Map<string, number>;
}

/** The keys cited by a reason's placeholders, in order, repeats included. */
export function placeholderKeys(reason: string): string[] {
  return [...reason.matchAll(CITE_PLACEHOLDER)].map((match) => match[1] ?? '');
}

export function numberCitations(report: SectionReport): CitationNumbering {
  const order: string[] = [];
  const numberOf = new Map<string, number>();
  const cite = (key: string, where: string): void => {
    // hasOwn: a key like "constructor" must not resolve through the prototype.
    if (!Object.hasOwn(report.sources, key)) throw new UnknownCitationError(key, where);
    if (numberOf.has(key)) return;
    order.push(key);
    numberOf.set(key, order.length);
  };

  for (const section of report.body) {
    section.paragraphs.forEach((paragraph, p) =>
      paragraph.forEach((claim, c) => {
        for (const key of claim.citations) cite(key, `body "${section.heading}", paragraph ${p + 1}, claim ${c + 1}`);
      }),
    );
  }
  for (const commitment of report.commitments) {
    for (const key of placeholderKeys(commitment.reason)) cite(key, `reason of commitment ${commitment.id}`);
  }
  for (const commitment of report.commitments) {
    for (const key of checkCandidates(commitment)) if (Object.hasOwn(report.sources, key)) cite(key, `candidate of commitment ${commitment.id}`);
  }
  for (const commitment of report.commitments) {
    for (const problem of commitment.problems) cite(problem.sourceKey, `problem signal of commitment ${commitment.id}`);
  }
  // Dossier timelines cite every step the report has as a source (the others are listed without a number).
  for (const dossier of report.dossiers) {
    for (const step of dossier.steps) if (Object.hasOwn(report.sources, step.decisionId)) cite(step.decisionId, `dossier ${dossier.id}`);
  }
  return { order, numberOf };
}

export interface PlaceholderFormat {
  /** How one citation is written, e.g. `\[3\]` or `<a href="#ref-3">[3]</a>`. */
  citation: (n: number, key: string) => string;
  /** How the text between placeholders is written (escaping); unchanged when absent. */
  text?: (text: string) => string;
}

/** A reason with its placeholders replaced; throws UnknownCitationError for a key that has no number. */
export function replaceCitationPlaceholders(reason: string, numberOf: ReadonlyMap<string, number>, format: PlaceholderFormat): string {
  const text = format.text ?? ((plain: string) => plain);
  let result = '';
  let last = 0;
  for (const match of reason.matchAll(CITE_PLACEHOLDER)) {
    const key = match[1] ?? '';
    const n = numberOf.get(key);
    if (n === undefined) throw new UnknownCitationError(key, `reason "${reason}"`);
    result += text(reason.slice(last, match.index)) + format.citation(n, key);
    last = match.index + match[0].length;
  }
  return result + text(reason.slice(last));
}

/** Markdown citation mark, as in the examples: `\[3\]`. */
export function markdownCitation(n: number): string {
  return `\\[${n}\\]`;
}

/** A reason for Markdown: placeholders become `\[n\]`, the rest is left as it is. */
export function resolveReason(reason: string, numberOf: ReadonlyMap<string, number>): string {
  return replaceCitationPlaceholders(reason, numberOf, { citation: markdownCitation });
}

/** Citation keys without repeats, first occurrence kept. */
export function uniqueKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

/** The citation marks for a claim's keys, each written by `format` (Markdown `\\[n\\]`, an HTML link, ...). */
export function formatCitations(keys: readonly string[], numberOf: ReadonlyMap<string, number>, format: (n: number) => string): string {
  return uniqueKeys(keys)
    .map((key) => {
      const n = numberOf.get(key);
      if (n === undefined) throw new UnknownCitationError(key, 'rendering');
      return format(n);
    })
    .join('');
}
