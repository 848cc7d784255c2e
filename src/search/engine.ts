// Hybrid retrieval: BM25F (lexical) and LSA (dense) over decisions and
// parliament documents, with long queries split into passages, every list
// fused into one ranking; optionally one more list ranked elsewhere (an
// external embedding model), fused the same way.
import { buildBm25Index, scoreBm25, scoreBm25Pruned, type Bm25Index, type Bm25Params } from './bm25.js';
import { buildIvf, probeIvf, type IvfIndex } from './ivf.js';
import { buildLsaModel, embedQuery, scoreDense, scoreDenseAt, type LsaModel } from './lsa.js';
import { reciprocalRankFusion, scoreFusion, topK, topKOf, type Ranked } from './ranking.js';

export type SearchDocType = 'decision' | 'parliament';

/** What the search needs of a document. */
export interface SearchableDoc {
  id: string;
  type: SearchDocType;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  title: string;
  /** Secondary title (a decision's short title), may be empty. */
  subtitle: string;
  body: string;
  mandatees: string[];
}

export type IndexedDoc = Omit<SearchableDoc, 'body' | 'subtitle'>;

export interface TermAnalyser {
  terms(text: string): string[];
  weightedTerms(text: string, componentWeight: number, combine?: 'sum' | 'max'): Map<string, number>;
}

export interface SearchIndex {
  docs: IndexedDoc[];
  bm25: Bm25Index;
  lsa: LsaModel;
  lsaTermIndex: Map<string, number>;
  /**
   * Inverted lists over the dense vectors, built for large corpora only; their
   * presence also turns on lexical pruning (see IndexOptions.largeCorpusDocs).
   */
  ivf?: IvfIndex;
}

/** Lexical pruning on large corpora: terms in more than this share of the documents are common. */
const COMMON_TERM_SHARE = 0.02;
/** Candidates that get the common terms' scores, per place in the list. */
const PRUNING_CANDIDATES_PER_PLACE = 5;

export interface IndexOptions {
  bm25: Bm25Params;
  dimensions: number;
  /**
   * From this many documents on, exhaustive scoring stops fitting the latency
   * budget (p50 <= 50 ms at 100x the bundled corpus): lexical scoring prunes
   * common terms and dense scoring probes inverted lists. Below it, both are exact.
   */
  largeCorpusDocs: number;
}

export const defaultIndexOptions: IndexOptions = {
  bm25: {
    k1: 1.2,
    fields: [
      { name: 'title', weight: 3, b: 0.5 },
      { name: 'body', weight: 1, b: 0.75 },
    ],
  },
  dimensions: 200,
  largeCorpusDocs: 20_000,
};

export function buildSearchIndex(docs: readonly SearchableDoc[], analyser: TermAnalyser, options: IndexOptions = defaultIndexOptions): SearchIndex {
  const analysed = docs.map((d) => [analyser.terms(`${d.title}\n${d.subtitle}`), analyser.terms(d.body)]);
  const bm25 = buildBm25Index(analysed, options.bm25);
  // The dense model sees title and body as one text; titles repeat the gist, so count them twice.
  const lsa = buildLsaModel(analysed.map(([title = [], body = []]) => [...title, ...title, ...body]), { dimensions: options.dimensions });
  return {
    docs: docs.map(({ id, type, date, title, mandatees }) => ({ id, type, date, title, mandatees })),
    bm25,
    lsa,
    lsaTermIndex: new Map(lsa.terms.map((t, i) => [t, i])),
    ...(docs.length >= options.largeCorpusDocs ? { ivf: buildIvf(lsa.docVectors, lsa.dimensions) } : {}),
  };
}

export interface SearchFilters {
  type?: SearchDocType;
  /** Inclusive `YYYY-MM-DD` bounds. */
  from?: string;
  to?: string;
  /** Case-insensitive substring of a proposing minister's name. */
  mandatee?: string;
}

export interface RetrievalMode {
  lexical: boolean;
  dense: boolean;
  /** Split long queries into passages and fuse the per-passage rankings. */
  split: boolean;
}

export interface SearchOptions extends SearchFilters {
  k: number;
  mode?: RetrievalMode;
  /** Analysed terms that carry little meaning here ("decreet", "subsidie"): their query weight is scaled down. */
  genericTerms?: ReadonlySet<string>;
  /** How rankings are combined: max-normalised score sum (default) or reciprocal rank fusion. */
  fusion?: 'score' | 'rank';
  /** Splits a query into passages (sentences grouped to a useful length). */
  passages?: (query: string) => string[];
  /** Score every document even on a large corpus (slower; measures what the pruning costs). */
  exhaustive?: boolean;
  /** One more list, ranked outside the index (an external embedding model), fused with the others. */
  external?: ExternalScores;
}

export interface ExternalScores {
  /** A similarity per indexed document (same order as `SearchIndex.docs`); 0 or less for none. */
  scores: ArrayLike<number>;
  /** Fusion weight (default 1, as much as the whole query's lexical list). */
  weight?: number;
}

export interface SearchHit {
  doc: IndexedDoc;
  index: number;
  score: number;
}

export const hybridMode: RetrievalMode = { lexical: true, dense: true, split: true };

const GENERIC_TERM_WEIGHT = 0.25;
const LIST_DEPTH = 200;
/** A passage's lists are shorter: only their top adds anything after fusion. */
const PASSAGE_DEPTH = 60;

function accepts(index: SearchIndex, filters: SearchFilters): ((doc: number) => boolean) | undefined {
  const mandatee = filters.mandatee?.toLowerCase();
  if (!filters.type && !filters.from && !filters.to && !mandatee) return undefined;
  return (i) => {
    const doc = index.docs[i]!;
    if (filters.type && doc.type !== filters.type) return false;
    if (filters.from && (!doc.date || doc.date < filters.from)) return false;
    if (filters.to && (!doc.date || doc.date > filters.to)) return false;
    if (mandatee && !doc.mandatees.some((m) => m.toLowerCase().includes(mandatee))) return false;
    return true;
  };
}

/** Query weight of a compound's components relative to the word itself. */
const COMPONENT_WEIGHT = 0.5;

/**
 * A dense vector of a few words is mostly noise (LSA smooths a rare name like
 * "LIVC" away), so short texts lean on the lexical list: full dense weight
 * from this many distinct terms on.
 */
const DENSE_FULL_WEIGHT_TERMS = 10;

/**
 * The rankings a query contributes: for the whole text and, when splitting, for
 * each passage; lexical and/or dense lists, each with its fusion weight.
 * The whole text's lists cover every document; passages' dense lists re-score
 * only the whole text's candidates, which is where nearly all of their value
 * is, at a fraction of the cost.
 */
function rankTexts(
  index: SearchIndex,
  texts: { text: string; weight: number }[],
  analyser: TermAnalyser,
  options: SearchOptions,
  mode: RetrievalMode,
  accept?: (doc: number) => boolean,
): { ranking: Ranked[]; weight: number }[] {
  const lists: { ranking: Ranked[]; weight: number }[] = [];
  const dense: { vector: Float32Array; weight: number }[] = [];
  let wholeLexical: Ranked[] = [];
  for (const [t, { text, weight }] of texts.entries()) {
    const bag = analyser.weightedTerms(text, COMPONENT_WEIGHT);
    if (bag.size === 0) continue;
    if (mode.lexical) {
      const lexical = new Map(bag);
      if (options.genericTerms) for (const [t, n] of lexical) if (options.genericTerms.has(t)) lexical.set(t, n * GENERIC_TERM_WEIGHT);
      const depth = t === 0 ? LIST_DEPTH : PASSAGE_DEPTH;
      let ranking: Ranked[];
      if (index.ivf && !options.exhaustive) {
        const pruning = { commonDf: COMMON_TERM_SHARE * index.bm25.docCount, candidates: depth * PRUNING_CANDIDATES_PER_PLACE };
        const { scores, docs } = scoreBm25Pruned(index.bm25, lexical, pruning);
        ranking = topKOf(scores, docs.sort(), depth, accept);
      } else {
        ranking = topK(scoreBm25(index.bm25, lexical), depth, accept);
      }
      if (t === 0) wholeLexical = ranking;
      lists.push({ ranking, weight });
    }
    if (mode.dense) {
      const vector = embedQuery(index.lsa, bag, index.lsaTermIndex);
      if (vector) dense.push({ vector, weight: weight * (mode.lexical ? Math.min(1, bag.size / DENSE_FULL_WEIGHT_TERMS) : 1) });
    }
  }
  const [first, ...rest] = dense;
  if (!first) return lists;
  const firstRanking = denseRanking(index, first.vector, options.exhaustive ?? false, accept);
  lists.push({ ranking: firstRanking, weight: first.weight });
  if (rest.length) {
    const docs = Uint32Array.from(new Set([...wholeLexical, ...firstRanking].map((r) => r.doc)));
    const scores = scoreDenseAt(index.lsa, rest.map((d) => d.vector), docs);
    rest.forEach(({ weight }, q) => {
      const ranking = topK(scores[q]!, PASSAGE_DEPTH).map(({ doc: i, score }) => ({ doc: docs[i]!, score }));
      lists.push({ ranking, weight });
    });
  }
  return lists;
}

/** The whole text's dense list: every document, or on a large corpus those of the nearest inverted lists. */
function denseRanking(index: SearchIndex, vector: Float32Array, exhaustive: boolean, accept?: (doc: number) => boolean): Ranked[] {
  if (!index.ivf || exhaustive) return topK(scoreDense(index.lsa, vector), LIST_DEPTH, accept);
  const docs = probeIvf(index.ivf, vector);
  const [scores] = scoreDenseAt(index.lsa, [vector], docs);
  return topK(scores!, LIST_DEPTH, accept && ((i) => accept(docs[i]!))).map(({ doc: i, score }) => ({ doc: docs[i]!, score }));
}

/**
 * The external list, filtered like the others. Scores are taken relative to
 * the first document below the list's depth: models differ in where their
 * cosines bunch (0.2 for one, 0.8 for another), and after max-normalisation a
 * bunched list would lift its whole top nearly equally instead of ranking it.
 */
function externalList({ scores, weight = 1 }: ExternalScores, accept?: (doc: number) => boolean): { ranking: Ranked[]; weight: number } {
  const ranking = topK(scores, LIST_DEPTH + 1, accept);
  const floor = ranking.length > LIST_DEPTH ? ranking.pop()!.score : 0;
  return { ranking: ranking.map(({ doc, score }) => ({ doc, score: score - floor })), weight };
}

export function search(index: SearchIndex, query: string, analyser: TermAnalyser, options: SearchOptions): SearchHit[] {
  const mode = options.mode ?? hybridMode;
  const accept = accepts(index, options);
  const texts = [{ text: query, weight: 1 }];
  if (mode.split && options.passages) {
    const passages = options.passages(query);
    // Passages together weigh as much as the whole query, so many passages do not drown it.
    if (passages.length > 1) for (const text of passages) texts.push({ text, weight: 1 / Math.sqrt(passages.length) });
  }
  const lists = rankTexts(index, texts, analyser, options, mode, accept);
  if (options.external) lists.push(externalList(options.external, accept));
  const fuse = options.fusion === 'rank' ? reciprocalRankFusion : scoreFusion;
  if (lists.length === 0) return [];
  const fused = lists.length === 1 ? lists[0]!.ranking : fuse(lists);
  return fused.slice(0, options.k).map(({ doc, score }) => ({ doc: index.docs[doc]!, index: doc, score }));
}
