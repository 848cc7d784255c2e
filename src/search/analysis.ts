// The text analysis the search index and its queries share. The compound
// lexicon is learned from the corpus itself, and stored with the index so
// that queries split compounds exactly as the documents were split.
import {
  buildCompoundLexicon, createAnalyser, createCompoundSplitter, genericGovernmentStems, splitSentences, tokenise,
  type Analyser,
} from '../text/index.js';

export interface SearchAnalysis {
  analyser: Analyser;
  /** Analysed forms of the generic government words, down-weighted in queries. */
  genericTerms: ReadonlySet<string>;
  /** Splits a long query into passages for per-passage retrieval. */
  passages: (query: string) => string[];
  /** Corpus word counts behind the compound lexicon (empty when compounds are off). */
  wordFrequencies: ReadonlyMap<string, number>;
}

/** Passages shorter than this many terms are merged with the next sentence: too little to rank on. */
const MIN_PASSAGE_TERMS = 12;

export function countWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of tokenise(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** The analysis for a corpus: `wordFrequencies` from `countWords` over it, or empty to turn compound splitting off. */
export function createSearchAnalysis(wordFrequencies: ReadonlyMap<string, number>): SearchAnalysis {
  const compounds = wordFrequencies.size > 0 ? createCompoundSplitter(buildCompoundLexicon(wordFrequencies)) : undefined;
  const analyser = createAnalyser({ compounds });
  const passages = (query: string) => {
    const out: string[] = [];
    let current = '';
    let terms = 0;
    for (const sentence of splitSentences(query)) {
      current = current ? `${current} ${sentence}` : sentence;
      terms += analyser.terms(sentence).length;
      if (terms >= MIN_PASSAGE_TERMS) {
        out.push(current);
        current = '';
        terms = 0;
      }
    }
    if (current) out.push(current);
    return out;
  };
  return { analyser, genericTerms: genericGovernmentStems, passages, wordFrequencies };
}
