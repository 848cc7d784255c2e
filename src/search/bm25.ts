// BM25F over analysed fields (Robertson & Zaragoza 2009): each field's term
// frequency is length-normalised on its own, weighted, and summed before the
// saturation. Postings are columnar typed arrays so an index serialises to a
// few flat buffers and scores without allocating per posting.

export interface FieldSpec {
  name: string;
  /** How much one occurrence in this field counts relative to the others. */
  weight: number;
  /** Length normalisation strength, 0 (none) to 1 (full). */
  b: number;
}

export interface Bm25Params {
  fields: FieldSpec[];
  /** Term-frequency saturation. */
  k1: number;
}

export interface Bm25Index {
  params: Bm25Params;
  docCount: number;
  /** term -> index into the posting arrays. */
  termIds: Map<string, number>;
  /** Document frequency per term. */
  df: Uint32Array;
  /** postingsStart[t]..postingsStart[t+1] are term t's postings. */
  postingsStart: Uint32Array;
  postingDocs: Uint32Array;
  /** Pre-normalised, weighted field frequency per posting (the BM25F pseudo-frequency). */
  postingWeights: Float32Array;
}

export type FieldTerms = string[][];

/** Builds the index; `docs[i][f]` are document i's analysed terms of field f (in params.fields order). */
export function buildBm25Index(docs: readonly FieldTerms[], params: Bm25Params): Bm25Index {
  const fieldCount = params.fields.length;
  const avgLength = params.fields.map((_, f) => docs.reduce((sum, d) => sum + (d[f]?.length ?? 0), 0) / Math.max(1, docs.length) || 1);
  const perTerm = new Map<string, { docs: number[]; weights: number[] }>();
  docs.forEach((fields, docIndex) => {
    const pseudo = new Map<string, number>();
    for (let f = 0; f < fieldCount; f++) {
      const terms = fields[f] ?? [];
      const spec = params.fields[f]!;
      const norm = 1 - spec.b + spec.b * (terms.length / avgLength[f]!);
      for (const term of terms) pseudo.set(term, (pseudo.get(term) ?? 0) + spec.weight / norm);
    }
    for (const [term, weight] of pseudo) {
      let entry = perTerm.get(term);
      if (!entry) perTerm.set(term, (entry = { docs: [], weights: [] }));
      entry.docs.push(docIndex);
      entry.weights.push(weight);
    }
  });
  const terms = [...perTerm.keys()].sort();
  const termIds = new Map(terms.map((t, i) => [t, i]));
  const postingsStart = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    postingsStart[i] = total;
    total += perTerm.get(t)!.docs.length;
  });
  postingsStart[terms.length] = total;
  const postingDocs = new Uint32Array(total);
  const postingWeights = new Float32Array(total);
  const df = new Uint32Array(terms.length);
  terms.forEach((t, i) => {
    const entry = perTerm.get(t)!;
    postingDocs.set(entry.docs, postingsStart[i]!);
    postingWeights.set(entry.weights, postingsStart[i]!);
    df[i] = entry.docs.length;
  });
  return { params, docCount: docs.length, termIds, df, postingsStart, postingDocs, postingWeights };
}

/** Robertson-Sparck Jones idf, floored at a small positive value so very common terms never subtract. */
export function idf(index: Bm25Index, termId: number): number {
  const n = index.df[termId]!;
  return Math.max(0.01, Math.log(1 + (index.docCount - n + 0.5) / (n + 0.5)));
}

/**
 * Scores every document for a bag of query terms. `queryWeights` lets callers
 * weight terms (repeated query terms, generic words down-weighted); absent = 1.
 * Returns a dense score array (index = document).
 */
export function scoreBm25(
  index: Bm25Index,
  queryTerms: ReadonlyMap<string, number>,
  scores: Float64Array = new Float64Array(index.docCount),
): Float64Array {
  const k1 = index.params.k1;
  for (const [term, queryWeight] of queryTerms) {
    const termId = index.termIds.get(term);
    if (termId === undefined) continue;
    const weight = idf(index, termId) * queryWeight;
    const end = index.postingsStart[termId + 1]!;
    for (let p = index.postingsStart[termId]!; p < end; p++) {
      const tf = index.postingWeights[p]!;
      scores[index.postingDocs[p]!]! += (weight * tf * (k1 + 1)) / (tf + k1);
    }
  }
  return scores;
}

export interface Bm25Pruning {
  /** Terms in more documents than this are common: scored for the candidates only. */
  commonDf: number;
  /** How many of the best documents on the rarer terms get the common terms' scores. */
  candidates: number;
}

const HISTOGRAM_BUCKETS = 1024;

/**
 * About the `k` best-scoring of the `docs`, in linear time: a histogram of the
 * scores gives the threshold, and every document at or above it is taken (a
 * few more than k when scores tie near it). A sorted top-k would cost k times
 * more here, with k in the thousands.
 */
function bestDocuments(scores: Float64Array, docs: Uint32Array, k: number): Uint32Array {
  if (docs.length <= k) return docs;
  let max = 0;
  for (const doc of docs) if (scores[doc]! > max) max = scores[doc]!;
  if (!(max > 0)) return new Uint32Array(0);
  const bucketOf = (score: number) => Math.min(HISTOGRAM_BUCKETS - 1, Math.floor((score / max) * HISTOGRAM_BUCKETS));
  const histogram = new Uint32Array(HISTOGRAM_BUCKETS);
  for (const doc of docs) histogram[bucketOf(scores[doc]!)]!++;
  let threshold = HISTOGRAM_BUCKETS - 1;
  for (let taken = histogram[threshold]!; taken < k && threshold > 0; ) taken += histogram[--threshold]!;
  return docs.filter((doc) => bucketOf(scores[doc]!) >= threshold);
}

/**
 * The first posting in [from, end) whose document is at or after `doc`
 * (postings are sorted by document): galloping, then binary search, so that
 * walking ascending documents through a long posting list costs about
 * log(gap) per document instead of log(length).
 */
function seekPosting(index: Bm25Index, from: number, end: number, doc: number): number {
  const postings = index.postingDocs;
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < end && postings[hi]! < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > end) hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether document `doc` contains term `termId`. */
export function hasPosting(index: Bm25Index, termId: number, doc: number): boolean {
  const end = index.postingsStart[termId + 1]!;
  const p = seekPosting(index, index.postingsStart[termId]!, end, doc);
  return p < end && index.postingDocs[p] === doc;
}

/** Adds a term's part of the score to `add(i, part)` for every `docs[i]` (ascending) that has the term. */
function scoreTermAt(index: Bm25Index, termId: number, weight: number, docs: ArrayLike<number>, add: (i: number, part: number) => void): void {
  const k1 = index.params.k1;
  const end = index.postingsStart[termId + 1]!;
  let p = index.postingsStart[termId]!;
  for (let i = 0; i < docs.length && p < end; i++) {
    p = seekPosting(index, p, end, docs[i]!);
    if (p < end && index.postingDocs[p] === docs[i]) {
      const tf = index.postingWeights[p]!;
      add(i, (weight * tf * (k1 + 1)) / (tf + k1));
    }
  }
}

/**
 * BM25 of a bag of query terms for some documents only (ascending indexes),
 * by binary search in each term's postings: `out[i]` scores `docs[i]`. For
 * re-scoring a short candidate list on a large corpus.
 */
export function scoreBm25At(index: Bm25Index, queryTerms: ReadonlyMap<string, number>, docs: Uint32Array): Float64Array {
  const out = new Float64Array(docs.length);
  for (const [term, queryWeight] of queryTerms) {
    const termId = index.termIds.get(term);
    if (termId === undefined || !(queryWeight > 0)) continue;
    scoreTermAt(index, termId, idf(index, termId) * queryWeight, docs, (i, part) => (out[i]! += part));
  }
  return out;
}

export interface SparseScores {
  /** Indexed by document; zero for documents not in `docs`. */
  scores: Float64Array;
  /** The documents with a score, so callers need not scan the whole corpus. */
  docs: Uint32Array;
}

/**
 * BM25 for large corpora, in two phases (in the spirit of Moffat & Zobel's
 * "continue" strategy): the rarer terms are scored exhaustively, and the
 * common terms, whose postings are most of the work but add little (low idf),
 * only for the best candidates of the first phase, found by binary search in
 * their postings. The candidates' scores are exact; a document outside them
 * misses only the common terms' part. A query of common terms only is scored
 * for every document that has one.
 */
export function scoreBm25Pruned(index: Bm25Index, queryTerms: ReadonlyMap<string, number>, pruning: Bm25Pruning): SparseScores {
  const scores = new Float64Array(index.docCount);
  const touched: number[] = [];
  const k1 = index.params.k1;
  const common: { termId: number; start: number; end: number; weight: number }[] = [];
  const add = (start: number, end: number, weight: number) => {
    for (let p = start; p < end; p++) {
      const doc = index.postingDocs[p]!;
      const tf = index.postingWeights[p]!;
      if (scores[doc] === 0) touched.push(doc);
      scores[doc]! += (weight * tf * (k1 + 1)) / (tf + k1);
    }
  };
  for (const [term, queryWeight] of queryTerms) {
    const termId = index.termIds.get(term);
    if (termId === undefined || !(queryWeight > 0)) continue;
    const start = index.postingsStart[termId]!;
    const end = index.postingsStart[termId + 1]!;
    const weight = idf(index, termId) * queryWeight;
    if (index.df[termId]! <= pruning.commonDf) add(start, end, weight);
    else common.push({ termId, start, end, weight });
  }
  if (touched.length === 0) {
    for (const { start, end, weight } of common) add(start, end, weight);
    return { scores, docs: Uint32Array.from(touched) };
  }
  const docs = Uint32Array.from(touched);
  const candidates = bestDocuments(scores, docs, pruning.candidates).slice().sort();
  for (const { termId, weight } of common) scoreTermAt(index, termId, weight, candidates, (i, part) => (scores[candidates[i]!]! += part));
  return { scores, docs };
}
