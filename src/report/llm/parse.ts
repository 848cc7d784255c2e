// Turns a model's answer into report claims that cite only real sources.
// Parsing is lenient about form (code fences, a reasoning preamble, numbers as
// strings, "[n]" markers in the text) and strict about substance: a citation
// that is not one of the numbered evidence items is dropped, and a claim left
// with nothing to stand on is dropped with it.
import { z } from 'zod';
import type { Claim, ReportSection } from '../model.js';
import type { AttemptProblemKind, NumberedSource } from './prompt.js';

export interface Repairs {
  /** Citation numbers (or strings) that pointed at no evidence, as the model wrote them. */
  invalidCitations: string[];
  /** Claims dropped because every citation was invalid. */
  droppedClaims: number;
  /** Claims dropped because they cited nothing yet asserted something. */
  droppedUncitedClaims: number;
}

export type Parsed<T> =
  | { ok: true; value: T; repairs: Repairs }
  | { ok: false; problem: AttemptProblemKind; detail: string };

export interface ParsedReport {
  title: string | null;
  body: ReportSection[];
}

export interface ParsedAnswer {
  noEvidence: boolean;
  paragraphs: Claim[][];
}

const citationValue = z.union([z.number(), z.string()]);
const rawClaim = z.union([
  z.object({
    text: z.string(),
    citations: z.array(citationValue).nullish(),
  }),
  // Some models write bare sentences with inline markers.
  z.string().transform((text) => ({ text, citations: [] as Array<string | number> })),
]);
type RawClaim = z.infer<typeof rawClaim>;
const rawParagraph = z.union([z.array(rawClaim), rawClaim.transform((claim) => [claim])]);
const rawReport = z.object({
  title: z.string().nullish(),
  sections: z.array(
    z.object({
      heading: z.string().nullish(),
      paragraphs: z.array(rawParagraph),
    }),
  ),
});
const rawAnswer = z.object({
  noEvidence: z.boolean().nullish(),
  paragraphs: z.array(rawParagraph).nullish(),
});

export function parseReportAnswer(content: string, evidence: NumberedSource[]): Parsed<ParsedReport> {
  const json = extractJson(content);
  if (!json.ok) return json;
  const shape = rawReport.safeParse(json.value);
  if (!shape.success) return { ok: false, problem: 'schema', detail: describeZodError(shape.error) };

  const repair = createRepairer(evidence);
  const body: ReportSection[] = [];
  for (const section of shape.data.sections) {
    const paragraphs = section.paragraphs.map((paragraph) => repair.paragraph(paragraph)).filter((p) => p.length > 0);
    if (paragraphs.length === 0) continue;
    body.push({ heading: oneLine(section.heading ?? '') || 'Bevindingen', paragraphs });
  }
  if (body.length === 0) {
    return { ok: false, problem: 'no-claims', detail: `no usable claim left after repair (${describeRepairs(repair.repairs)})` };
  }
  return { ok: true, value: { title: usableTitle(shape.data.title), body }, repairs: repair.repairs };
}

export function parseQuestionAnswer(content: string, evidence: NumberedSource[]): Parsed<ParsedAnswer> {
  const json = extractJson(content);
  if (!json.ok) return json;
  const shape = rawAnswer.safeParse(json.value);
  if (!shape.success) return { ok: false, problem: 'schema', detail: describeZodError(shape.error) };

  const repair = createRepairer(evidence);
  if (shape.data.noEvidence === true) {
    return { ok: true, value: { noEvidence: true, paragraphs: [] }, repairs: repair.repairs };
  }
  const paragraphs = (shape.data.paragraphs ?? []).map((paragraph) => repair.paragraph(paragraph)).filter((p) => p.length > 0);
  const cited = paragraphs.some((paragraph) => paragraph.some((claim) => claim.citations.length > 0));
  if (!cited) {
    // Only statements that evidence is missing survived: that is a "no evidence" answer.
    if (paragraphs.length > 0) return { ok: true, value: { noEvidence: true, paragraphs: [] }, repairs: repair.repairs };
    return { ok: false, problem: 'no-claims', detail: `no usable claim left after repair (${describeRepairs(repair.repairs)})` };
  }
  return { ok: true, value: { noEvidence: false, paragraphs }, repairs: repair.repairs };
}

/**
 * The JSON object in a model's answer: tolerates a ```json fence, a
 * `<think>` block (reasoning models on local servers) and chatter around the
 * object. Truncated JSON stays unparseable: it must not be half-used.
 */
export function extractJson(content: string): { ok: true; value: unknown } | { ok: false; problem: AttemptProblemKind; detail: string } {
  const text = content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const candidates = [text];
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)\n?\s*```/.exec(text);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(text.slice(first, last + 1));
  let lastError = 'no JSON object found';
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value };
      lastError = 'the JSON is not an object';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, problem: 'not-json', detail: `the answer is not valid JSON (${lastError}): ${preview(text)}` };
}

/** "[3]", "[1, 4]", "[1][2]" as written in running text. */
const INLINE_MARKERS = /\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/**
 * A sentence without citations may only state that evidence is missing
 * (model.ts): it must carry a negation. Anything else uncited is an
 * unsupported assertion and is dropped.
 */
const ABSENCE = /\b(geen|niet|niets|nergens|ontbreekt|ontbreken|onbekend)\b/i;

function createRepairer(evidence: NumberedSource[]) {
  const keyOf = new Map(evidence.map((item) => [item.number, item.source.key]));
  const repairs: Repairs = { invalidCitations: [], droppedClaims: 0, droppedUncitedClaims: 0 };

  const claim = (raw: RawClaim): Claim | null => {
    const written: Array<string | number> = [...(raw.citations ?? [])];
    const text = tidy(
      raw.text.replace(INLINE_MARKERS, (_match, numbers: string) => {
        written.push(...numbers.split(/[,;]/).map((n) => n.trim()));
        return '';
      }),
    );
    if (!text) return null;
    const keys: string[] = [];
    for (const value of written) {
      const number = citationNumber(value);
      const key = number === null ? undefined : keyOf.get(number);
      if (key === undefined) repairs.invalidCitations.push(String(value));
      else if (!keys.includes(key)) keys.push(key);
    }
    if (keys.length > 0) return { text, citations: keys };
    if (written.length > 0) {
      repairs.droppedClaims++;
      return null;
    }
    if (ABSENCE.test(text)) return { text, citations: [] };
    repairs.droppedUncitedClaims++;
    return null;
  };

  return {
    repairs,
    paragraph(raw: RawClaim[]): Claim[] {
      return raw.map(claim).filter((c): c is Claim => c !== null);
    },
  };
}

function citationNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  const match = /^\s*\[?\s*(\d+)\s*\]?\s*$/.exec(value);
  return match ? Number(match[1]) : null;
}

/** Removing markers can leave "woord ." or double spaces. */
function tidy(text: string): string {
  return oneLine(text).replace(/\s+([.,;:!?)])/g, '$1');
}

function usableTitle(title: string | null | undefined): string | null {
  const value = oneLine(title ?? '');
  return value && value.length <= 200 ? value : null;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function describeRepairs(repairs: Repairs): string {
  const parts: string[] = [];
  if (repairs.invalidCitations.length) {
    parts.push(`${repairs.invalidCitations.length} invented citation(s) dropped (${repairs.invalidCitations.map((c) => `[${c}]`).join('')})`);
  }
  if (repairs.droppedClaims) parts.push(`${repairs.droppedClaims} claim(s) citing only invented evidence dropped`);
  if (repairs.droppedUncitedClaims) parts.push(`${repairs.droppedUncitedClaims} uncited claim(s) dropped`);
  return parts.length ? parts.join('; ') : 'nothing to repair';
}

export function hasRepairs(repairs: Repairs): boolean {
  return repairs.invalidCitations.length > 0 || repairs.droppedClaims > 0 || repairs.droppedUncitedClaims > 0;
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function preview(text: string): string {
  const line = oneLine(text);
  return line.length > 120 ? `${line.slice(0, 120)}…` : line || '(empty)';
}
