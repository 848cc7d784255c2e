// Turning score arrays into rankings and fusing rankings.

export interface Ranked {
  /** Document index. */
  doc: number;
  score: number;
}

/** The k best documents of a dense score array (ties broken by document index, for determinism). */
export function topK(scores: ArrayLike<number>, k: number, accept?: (doc: number) => boolean): Ranked[] {
  return selectTop(scores.length, null, scores, k, accept);
}

/** Like {@link topK} over the listed documents only (in any order), for sparse results. */
export function topKOf(scores: ArrayLike<number>, docs: ArrayLike<number>, k: number, accept?: (doc: number) => boolean): Ranked[] {
  return selectTop(docs.length, docs, scores, k, accept);
}

/** True when (score a, doc a) ranks above (score b, doc b): higher score, then lower index. */
const above = (scoreA: number, docA: number, scoreB: number, docB: number) => scoreA > scoreB || (scoreA === scoreB && docA < docB);

/** Over documents 0..count-1, or over `docs` when given. */
function selectTop(count: number, docs: ArrayLike<number> | null, scores: ArrayLike<number>, k: number, accept?: (doc: number) => boolean): Ranked[] {
  const best: Ranked[] = [];
  if (k <= 0) return best;
  for (let n = 0; n < count; n++) {
    const doc = docs === null ? n : docs[n]!;
    const score = scores[doc]!;
    if (!(score > 0)) continue;
    if (best.length === k) {
      const last = best[k - 1]!;
      if (!above(score, doc, last.score, last.doc)) continue;
    }
    if (accept && !accept(doc)) continue;
    // Insertion into a small sorted array beats a heap for k in the tens to hundreds.
    let i = best.length - (best.length === k ? 1 : 0);
    if (best.length < k) best.push({ doc, score });
    while (i > 0 && above(score, doc, best[i - 1]!.score, best[i - 1]!.doc)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = { doc, score };
  }
  return best;
}

/**
 * Reciprocal rank fusion (Cormack, Clarke & Buettcher 2009): each list adds
 * weight / (k + rank) to its documents. Robust to lists whose raw scores are
 * not comparable (BM25 vs cosine), which is why it fuses lexical and dense.
 */
export function reciprocalRankFusion(lists: { ranking: readonly Ranked[]; weight?: number }[], k = 60): Ranked[] {
  const fused = new Map<number, number>();
  for (const { ranking, weight = 1 } of lists) {
    ranking.forEach(({ doc }, rank) => fused.set(doc, (fused.get(doc) ?? 0) + weight / (k + rank + 1)));
  }
  return [...fused].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * Weighted sum of max-normalised scores (CombSUM). Unlike rank fusion it keeps
 * a list's margins: a document that one list scores far above the rest stays
 * on top, which matters for short queries with one rare name in them.
 */
export function scoreFusion(lists: { ranking: readonly Ranked[]; weight?: number }[]): Ranked[] {
  const fused = new Map<number, number>();
  for (const { ranking, weight = 1 } of lists) {
    const max = ranking[0]?.score ?? 0;
    if (!(max > 0)) continue;
    for (const { doc, score } of ranking) fused.set(doc, (fused.get(doc) ?? 0) + (weight * score) / max);
  }
  return [...fused].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
