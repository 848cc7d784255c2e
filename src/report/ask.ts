// Questions in plain Dutch answered from retrieved evidence, with citations.
import { InputError } from '../errors.js';
import { findEvidence } from '../search/evidence.js';
import type { LoadedSearch } from '../search/persisted.js';
import type { Store } from '../store/store.js';
import type { Dossier } from '../dossiers/types.js';
import type { Answer, Answerer } from './generator.js';
import type { Source } from './model.js';
import { sourcesFor } from './sources.js';

export const MIN_QUESTION_CHARS = 10;
export const MAX_QUESTION_CHARS = 1000;

export interface AnsweredQuestion {
  question: string;
  answer: Answer;
  /** Cited sources in order of first citation, numbered from 1. */
  references: (Source & { n: number })[];
}

export function checkQuestion(question: string): string {
  const q = question.replace(/\s+/g, ' ').trim();
  if (q.length < MIN_QUESTION_CHARS) {
    throw new InputError(`de vraag is te kort (${q.length} tekens, minstens ${MIN_QUESTION_CHARS}): formuleer een volledige vraag`);
  }
  if (q.length > MAX_QUESTION_CHARS) {
    throw new InputError(`de vraag is te lang (${q.length} tekens, hoogstens ${MAX_QUESTION_CHARS}): stel een kortere vraag`);
  }
  return q;
}

export async function askQuestion(
  store: Store,
  search: LoadedSearch,
  question: string,
  answerer: Answerer,
  dossierOf?: ReadonlyMap<string, Dossier>,
): Promise<AnsweredQuestion> {
  const q = checkQuestion(question);
  const hits = findEvidence(search, q, { max: 6, candidates: 20 });
  const sources = await sourcesFor(store, hits.map((hit) => hit.doc), dossierOf);
  const answer = await answerer.answer({ question: q, sources });
  const byKey = new Map(sources.map((s) => [s.key, s]));
  const references: AnsweredQuestion['references'] = [];
  for (const claim of answer.paragraphs.flat()) {
    for (const key of claim.citations) {
      const source = byKey.get(key);
      // An answerer may only cite what it was given; anything else is dropped, never shown.
      if (source && !references.some((r) => r.key === key)) references.push({ ...source, n: references.length + 1 });
    }
  }
  return { question: q, answer, references };
}

/** The answer as terminal text: paragraphs with [n] markers, then the numbered sources. */
export function formatAnswer({ answer, references }: AnsweredQuestion): string {
  const numberOf = new Map(references.map((r) => [r.key, r.n]));
  const paragraphs = answer.paragraphs.map((claims) =>
    claims
      .map((claim) => {
        const marks = claim.citations.filter((k) => numberOf.has(k)).map((k) => `[${numberOf.get(k)}]`).join('');
        return marks ? `${claim.text} ${marks}` : claim.text;
      })
      .join('\n'),
  );
  const lines = [...paragraphs.map((p) => `${p}\n`)];
  if (references.length) {
    lines.push('Bronnen:');
    for (const r of references) lines.push(`[${r.n}] ${r.date ?? 'zonder datum'} · ${r.title}${r.uri ? `\n    ${r.uri}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
