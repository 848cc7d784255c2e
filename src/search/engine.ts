// Hybrid retrieval: BM25F (lexical) and LSA (dense) over decisions and
// parliament documents, with long queries split into passages, every list
// fused into one ranking; optionally one more list ranked elsewhere (an
// external embedding model), fused the same way.
import { buildBm25Index, scoreBm25, scoreBm25At, scoreBm25Pruned, type Bm25Index, type Bm25Params } from './bm25.js';
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

type List = { ranking: Ranked[]; weight: number };

/**
 * The rankings a query contributes: for the whole text and, when splitting, for
 * each passage; lexical and/or dense lists, each with its fusion weight.
 * The whole text's lists cover every document. Passages' dense lists re-score
 * only the whole text's candidates, which is where nearly all of their value
 * is, at a fraction of the cost; on a large corpus their lexical lists do too.
 */
function rankTexts(
  index: SearchIndex,
  texts: { text: string; weight: number }[],
  analyser: TermAnalyser,
  options: SearchOptions,
  mode: RetrievalMode,
  accept?: (doc: number) => boolean,
): List[] {
  const bags = texts.map(({ text, weight }) => ({ bag: analyser.weightedTerms(text, COMPONENT_WEIGHT), weight })).filter((b) => b.bag.size > 0);
  const [whole, ...passages] = bags;
  if (!whole) return [];
  const large = index.ivf !== undefined && !options.exhaustive;
  const lexicalBag = (bag: Map<string, number>) => {
    const lexical = new Map(bag);
    if (options.genericTerms) for (const [t, n] of lexical) if (options.genericTerms.has(t)) lexical.set(t, n * GENERIC_TERM_WEIGHT);
    return lexical;
  };
  const denseWeight = (bag: Map<string, number>, weight: number) => weight * (mode.lexical ? Math.min(1, bag.size / DENSE_FULL_WEIGHT_TERMS) : 1);

  let wholeLexical: Ranked[] = [];
  if (mode.lexical) {
    const lexical = lexicalBag(whole.bag);
    if (large) {
      const pruning = { commonDf: COMMON_TERM_SHARE * index.bm25.docCount, candidates: LIST_DEPTH * PRUNING_CANDIDATES_PER_PLACE };
      const { scores, docs } = scoreBm25Pruned(index.bm25, lexical, pruning);
      wholeLexical = topKOf(scores, docs, LIST_DEPTH, accept);
    } else {
      wholeLexical = topK(scoreBm25(index.bm25, lexical), LIST_DEPTH, accept);
    }
  }
  const wholeVector = mode.dense ? embedQuery(index.lsa, whole.bag, index.lsaTermIndex) : null;
  const wholeDense = wholeVector ? denseRanking(index, wholeVector, options.exhaustive ?? false, accept) : [];

  // The whole text's candidates, already filtered: what passages re-score.
  let candidates: Uint32Array | undefined;
  const candidateDocs = () => (candidates ??= Uint32Array.from(new Set([...wholeLexical, ...wholeDense].map((r) => r.doc))).sort());
  const atCandidates = (scores: Float64Array): Ranked[] =>
    topK(scores, PASSAGE_DEPTH).map(({ doc: i, score }) => ({ doc: candidateDocs()[i]!, score }));

  const lexicalLists: List[] = [];
  if (mode.lexical) {
    lexicalLists.push({ ranking: wholeLexical, weight: whole.weight });
    for (const { bag, weight } of passages) {
      const lexical = lexicalBag(bag);
      const ranking = large ? atCandidates(scoreBm25At(index.bm25, lexical, candidateDocs())) : topK(scoreBm25(index.bm25, lexical), PASSAGE_DEPTH, accept);
      lexicalLists.push({ ranking, weight });
    }
  }
  const denseLists: List[] = [];
  if (wholeVector) {
    denseLists.push({ ranking: wholeDense, weight: denseWeight(whole.bag, whole.weight) });
    const vectors = passages.flatMap(({ bag, weight }) => {
      const vector = embedQuery(index.lsa, bag, index.lsaTermIndex);
      return vector ? [{ vector, weight: denseWeight(bag, weight) }] : [];
    });
    if (vectors.length) {
      const scores = scoreDenseAt(index.lsa, vectors.map((v) => v.vector), candidateDocs());
      vectors.forEach(({ weight }, q) => denseLists.push({ ranking: atCandidates(scores[q]!), weight }));
    }
  }
  return [...lexicalLists, ...denseLists];
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

/**
 * How many documents (within the filters) contain at least one of the query's
 * words: the total a reader is told ("87 documenten bevatten een zoekterm").
 * Generic words ("decreet", "Vlaamse Regering") count only when the query has
 * nothing else, so they do not inflate the total of a specific question.
 */
export function countMatches(index: SearchIndex, query: string, analyser: TermAnalyser, options: Pick<SearchOptions, 'genericTerms'> & SearchFilters): number {
  const terms = [...new Set(analyser.terms(query))].filter((t) => index.bm25.termIds.has(t));
  const specific = terms.filter((t) => !options.genericTerms?.has(t));
  const { bm25 } = index;
  const seen = new Uint8Array(bm25.docCount);
  for (const term of specific.length ? specific : terms) {
    const id = bm25.termIds.get(term)!;
    for (let p = bm25.postingsStart[id]!; p < bm25.postingsStart[id + 1]!; p++) seen[bm25.postingDocs[p]!] = 1;
  }
  const accept = accepts(index, options);
  let count = 0;
  for (let doc = 0; doc < seen.length; doc++) if (seen[doc] && (!accept || accept(doc))) count++;
  return count;
}
