// Search as the CLI, the server and the report builder use it: ranked hits
// with what a person needs to judge them (date, title, link, extract).
import type { Store } from '../store/store.js';
import type { QueryEmbeddings } from './embeddings/retriever.js';
import { search, type ExternalScores, type SearchFilters } from './engine.js';
import type { LoadedSearch } from './persisted.js';
import { checkQuery } from './query.js';
import { truncateAtWord } from '../text/index.js';

/** Length of a result's extract. */
const SNIPPET_CHARS = 220;

export interface DocumentHit {
  rank: number;
  id: string;
  type: 'decision' | 'parliament';
  date: string | null;
  title: string;
  /** Stable link; null for documents without a known link. */
  uri: string | null;
  score: number;
  snippet: string;
  mandatees: string[];
}

export interface SearchRequest extends SearchFilters {
  query: string;
  k: number;
}

/** Ranked document ids only: the cheap path for evaluation and evidence gathering. */
export function rankDocuments(loaded: LoadedSearch, request: SearchRequest, external?: ExternalScores) {
  const { analysis, index } = loaded;
  return search(index, checkQuery(request.query), analysis.analyser, {
    ...request,
    genericTerms: analysis.genericTerms,
    passages: analysis.passages,
    ...(external ? { external } : {}),
  });
}

/** As rankDocuments, with an external embedding model's list when there is one and it answers. */
export async function rankDocumentsWithEmbeddings(loaded: LoadedSearch, request: SearchRequest, embeddings: QueryEmbeddings | null) {
  const scores = embeddings ? await embeddings.scores(checkQuery(request.query)) : null;
  return rankDocuments(loaded, request, scores ? { scores } : undefined);
}

export async function searchDocuments(
  loaded: LoadedSearch,
  store: Store,
  request: SearchRequest,
  embeddings: QueryEmbeddings | null = null,
): Promise<DocumentHit[]> {
  const hits = await rankDocumentsWithEmbeddings(loaded, request, embeddings);
  const decisions = new Map(
    (await store.decisions(hits.filter((h) => h.doc.type === 'decision').map((h) => h.doc.id))).map((d) => [d.id, d]),
  );
  const out: DocumentHit[] = [];
  for (const [i, hit] of hits.entries()) {
    const base = { rank: i + 1, id: hit.doc.id, type: hit.doc.type, date: hit.doc.date, title: hit.doc.title, score: hit.score, mandatees: hit.doc.mandatees };
    if (hit.doc.type === 'decision') {
      const d = decisions.get(hit.doc.id);
      out.push({ ...base, uri: d?.uri ?? null, snippet: truncateAtWord(d?.bodyText || d?.shortTitle || '', SNIPPET_CHARS) });
    } else {
      const p = await store.parliamentDocument(hit.doc.id);
      out.push({ ...base, uri: p?.uri ?? null, snippet: truncateAtWord(p?.answer ?? p?.text ?? '', SNIPPET_CHARS) });
    }
  }
  return out;
}
