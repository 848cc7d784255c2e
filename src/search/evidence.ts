// Evidence for a question (`ask`): the retrieved documents that share
// enough *distinctive* vocabulary with it. Retrieval ranks; this decides what
// may be cited. A document that only shares generic words ("decreet",
// "Vlaamse Regering", "subsidie") with a commitment is not evidence for it.
import { hasPosting, idf } from './bm25.js';
import type { IndexedDoc, SearchFilters } from './engine.js';
import type { LoadedSearch } from './persisted.js';
import { rankDocuments } from './service.js';

export interface EvidenceHit {
  doc: IndexedDoc;
  index: number;
  /** Fused retrieval score. */
  score: number;
  /** Distinctive query terms the document contains, rarest first. */
  sharedTerms: string[];
  /** Sum of the shared distinctive terms' idf: how much specific vocabulary backs the match. */
  support: number;
}

export interface EvidenceOptions extends SearchFilters {
  /** Retrieval depth to consider. */
  candidates: number;
  /** Evidence kept at most. */
  max: number;
  /** Minimum summed weight of shared distinctive terms (about two uncommon words). */
  minSupport: number;
  /**
   * For short texts (a question naming one thing), the minimum is at most this
   * share of the text's own distinctive weight: "wat gebeurde er rond LIVC-R?"
   * has only one word to share.
   */
  minSupportShare: number;
  /**
   * Distinct whole words (not just parts of one compound) a document must
   * share: one shared word is a coincidence more often than a match.
   */
  minSharedWords: number;
  /** Minimum score relative to the best candidate. */
  minRelativeScore: number;
}

export const defaultEvidenceOptions: EvidenceOptions = {
  candidates: 30,
  max: 6,
  minSupport: 10,
  minSupportShare: 0.5,
  minSharedWords: 2,
  minRelativeScore: 0.3,
};

/** Terms found in more than this share of documents are too common to count as distinctive. */
const MAX_DISTINCTIVE_DF_SHARE = 0.15;

/**
 * Words the corpus has never seen weigh as the rarest known word: a question
 * about "giraffen" cannot be answered by documents that share only its other
 * words, so they raise the bar instead of being ignored.
 */
function unknownWeight(loaded: LoadedSearch, text: string): number {
  const { bm25 } = loaded.index;
  const rarest = Math.log(1 + (bm25.docCount - 0.5) / 1.5);
  const unknown = new Set<string>();
  for (const word of text.split(/\s+/)) {
    const terms = loaded.analysis.analyser.terms(word);
    // A word counts as unknown only when none of its terms (hyphen and compound parts included) is known.
    if (terms.length > 0 && /\p{L}/u.test(word) && terms.every((t) => !bm25.termIds.has(t) && !loaded.analysis.genericTerms.has(t))) {
      unknown.add(terms[0]!);
    }
  }
  return unknown.size * rarest;
}

/** Weight of a compound's component in the support: its parts say less than the word itself. */
const COMPONENT_SUPPORT = 0.5;

/**
 * The query's distinctive terms: known to the index, not generic, not too
 * common. `weight` is the term's idf, halved when the term only occurs as a
 * compound component, so that one word never counts as several.
 */
export function distinctiveTerms(loaded: LoadedSearch, text: string): Map<string, { termId: number; weight: number; whole: boolean }> {
  const { bm25 } = loaded.index;
  const out = new Map<string, { termId: number; weight: number; whole: boolean }>();
  for (const [term, occurrence] of loaded.analysis.analyser.weightedTerms(text, COMPONENT_SUPPORT, 'max')) {
    if (loaded.analysis.genericTerms.has(term)) continue;
    const termId = bm25.termIds.get(term);
    if (termId === undefined || bm25.df[termId]! > bm25.docCount * MAX_DISTINCTIVE_DF_SHARE) continue;
    out.set(term, { termId, weight: idf(bm25, termId) * occurrence, whole: occurrence >= 1 });
  }
  return out;
}

export type DistinctiveTerm = [term: string, info: { termId: number; weight: number; whole: boolean }];

/** The distinctive terms rarest first, so that lists of shared terms name the telling words before the others. */
export function rankedDistinctiveTerms(loaded: LoadedSearch, text: string): DistinctiveTerm[] {
  return [...distinctiveTerms(loaded, text)].sort((a, b) => b[1].weight - a[1].weight);
}

/** Those of the terms that the indexed document contains. */
export function termsInDocument(loaded: LoadedSearch, terms: readonly DistinctiveTerm[], docIndex: number): DistinctiveTerm[] {
  return terms.filter(([, t]) => hasPosting(loaded.index.bm25, t.termId, docIndex));
}

export function findEvidence(loaded: LoadedSearch, text: string, options: Partial<EvidenceOptions> = {}): EvidenceHit[] {
  const settings = { ...defaultEvidenceOptions, ...options };
  const terms = rankedDistinctiveTerms(loaded, text);
  // Nothing distinctive to share (only generic words): nothing can be evidence.
  if (terms.length === 0) return [];
  const available = terms.reduce((sum, [, t]) => sum + t.weight, 0) + unknownWeight(loaded, text);
  const required = Math.min(settings.minSupport, settings.minSupportShare * available);
  // A short text with few words (a question) needs only half of them matched.
  const requiredWords = Math.min(settings.minSharedWords, Math.ceil(terms.filter(([, t]) => t.whole).length / 2));
  const { type, from, to, mandatee } = settings;
  const hits = rankDocuments(loaded, { query: text, k: settings.candidates, type, from, to, mandatee });
  const best = hits[0]?.score ?? 0;
  const kept: EvidenceHit[] = [];
  for (const hit of hits) {
    if (hit.score < best * settings.minRelativeScore) break;
    const shared = termsInDocument(loaded, terms, hit.index);
    const support = shared.reduce((sum, [, t]) => sum + t.weight, 0);
    if (support < required || support === 0) continue;
    if (shared.filter(([, t]) => t.whole).length < requiredWords) continue;
    kept.push({ ...hit, sharedTerms: shared.map(([term]) => term), support });
    if (kept.length === settings.max) break;
  }
  return kept;
}
