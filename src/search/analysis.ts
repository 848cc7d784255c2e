// The text analysis the search index and its queries share. The compound
// lexicon is learned from the corpus itself, and stored with the index so
// that queries split compounds exactly as the documents were split.
import {
  buildCompoundLexicon, createAnalyser, createCompoundSplitter, genericGovernmentStems, splitSentences, tokenise,
  type Analyser, type CompoundLexicon,
} from '../text/index.js';
import { searchText } from './documents.js';
import type { SearchableDoc } from './engine.js';

export interface SearchAnalysis {
  analyser: Analyser;
  /** Analysed forms of the generic government words, down-weighted in queries. */
  genericTerms: ReadonlySet<string>;
  /** Splits a long query into passages for per-passage retrieval. */
  passages: (query: string) => string[];
  /** The compound lexicon learned from the corpus; null when compound splitting is off. */
  lexicon: CompoundLexicon | null;
}

/** Passages shorter than this many terms are merged with the next sentence: too little to rank on. */
const MIN_PASSAGE_TERMS = 12;

export function countWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of tokenise(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** The compound lexicon of a corpus: which words occur how often, and which can be parts. */
export function corpusLexicon(docs: readonly SearchableDoc[]): CompoundLexicon {
  return buildCompoundLexicon(countWords(docs.map(searchText)));
}

/** The analysis for a corpus's lexicon (see corpusLexicon), or null to turn compound splitting off. */
export function createSearchAnalysis(lexicon: CompoundLexicon | null): SearchAnalysis {
  const compounds = lexicon ? createCompoundSplitter(lexicon) : undefined;
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
  return { analyser, genericTerms: genericGovernmentStems, passages, lexicon };
}
