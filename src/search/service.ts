// Search as the CLI, the server and the report builder use it: ranked hits
// with what a person needs to judge them (date, title, link, extract).
import { stageLabel } from '../dossiers/stage.js';
import type { Dossier } from '../dossiers/types.js';
import type { Store } from '../store/store.js';
import { collapseByDossier } from './collapse.js';
import type { QueryEmbeddings } from './embeddings/retriever.js';
import { countMatches, search, type ExternalScores, type SearchFilters, type SearchHit } from './engine.js';
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
  /** With results collapsed per dossier: the dossier of a multi-step hit and its stages among the results. */
  dossier?: DossierOfHit;
}

export interface DossierOfHit {
  id: string;
  title: string;
  stepCount: number;
  firstDate: string;
  lastDate: string;
  furthestStageLabel: string;
  /** The dossier's stages that matched the query, in ranking order (the hit itself first). */
  matched: { id: string; date: string | null; stageLabel: string }[];
}

export interface SearchRequest extends SearchFilters {
  query: string;
  k: number;
  /** Hits (or dossiers) of the ranking to skip: a page further down keeps the ranks of the full list. */
  offset?: number;
  /** Score every document even on a large corpus (see SearchOptions.exhaustive). */
  exhaustive?: boolean;
}

/** How far down the ranking collapsing looks for k dossiers: stages repeat, so k hits are not enough. */
const COLLAPSE_DEPTH = 5;
const MAX_COLLAPSE_HITS = 1000;

/** How many documents within the request's filters contain one of its words. */
export function countDocuments(loaded: LoadedSearch, request: SearchRequest): number {
  const { analysis, index } = loaded;
  return countMatches(index, checkQuery(request.query), analysis.analyser, { ...request, genericTerms: analysis.genericTerms });
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

export interface SearchExtras {
  /** Folds the stages of one dossier into one result at the place of the best. */
  dossierOf?: ReadonlyMap<string, Dossier>;
  /** An external embedding model's list, when configured. */
  embeddings?: QueryEmbeddings | null;
}

/** Ranked documents with what a person needs to judge them. */
export async function searchDocuments(
  loaded: LoadedSearch,
  store: Store,
  request: SearchRequest,
  { dossierOf, embeddings = null }: SearchExtras = {},
): Promise<DocumentHit[]> {
  const offset = request.offset ?? 0;
  const depth = offset + request.k;
  // Only the page is described (store reads); the hits before it are ranked, not read.
  if (!dossierOf) return describeHits(store, (await rankDocumentsWithEmbeddings(loaded, { ...request, k: depth }, embeddings)).slice(offset), offset);
  const ranked = await rankDocumentsWithEmbeddings(loaded, { ...request, k: Math.min(MAX_COLLAPSE_HITS, depth * COLLAPSE_DEPTH) }, embeddings);
  const groups = collapseByDossier(ranked, dossierOf).slice(offset, depth);
  const described = await describeHits(store, groups.map((g) => g.hit), offset);
  return described.map((hit, i) => {
    const { dossier, members } = groups[i]!;
    if (!dossier) return hit;
    const stageOf = new Map(dossier.steps.map((s) => [s.decisionId, s.stageLabel]));
    return {
      ...hit,
      dossier: {
        id: dossier.id,
        title: dossier.title,
        stepCount: dossier.steps.length,
        firstDate: dossier.firstDate,
        lastDate: dossier.lastDate,
        furthestStageLabel: stageLabel(dossier.furthestStage),
        matched: members.map((m) => ({ id: m.doc.id, date: m.doc.date, stageLabel: stageOf.get(m.doc.id) ?? '' })),
      },
    };
  });
}

async function describeHits(store: Store, hits: readonly SearchHit[], firstRank = 0): Promise<DocumentHit[]> {
  const ids = (type: 'decision' | 'parliament') => hits.filter((h) => h.doc.type === type).map((h) => h.doc.id);
  const [decisionRows, parliamentRows] = await Promise.all([store.decisions(ids('decision')), store.parliamentDocuments(ids('parliament'))]);
  const decisions = new Map(decisionRows.map((d) => [d.id, d]));
  const parliament = new Map(parliamentRows.map((p) => [p.id, p]));
  const out: DocumentHit[] = [];
  for (const [i, hit] of hits.entries()) {
    const base = { rank: firstRank + i + 1, id: hit.doc.id, type: hit.doc.type, date: hit.doc.date, title: hit.doc.title, score: hit.score, mandatees: hit.doc.mandatees };
    if (hit.doc.type === 'decision') {
      const d = decisions.get(hit.doc.id);
      out.push({ ...base, uri: d?.uri ?? null, snippet: truncateAtWord(d?.bodyText || d?.shortTitle || '', SNIPPET_CHARS) });
    } else {
      const p = parliament.get(hit.doc.id);
      out.push({ ...base, uri: p?.uri ?? null, snippet: truncateAtWord(p?.answer ?? p?.text ?? '', SNIPPET_CHARS) });
    }
  }
  return out;
}
