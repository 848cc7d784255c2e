// Public API of the Dutch text analysis.

export { foldForMatching } from './normalise.js';
export { tokenise, tokeniseFolded, scanTokens, type TokenSink } from './tokenise.js';
export {
  dutchStopwords,
  snowballDutchStopwords,
  genericGovernmentWords,
  isStopword,
  isGenericGovernmentWord,
} from './stopwords.js';
export { stem, stemUncached, snowballStem } from './stem.js';
export {
  buildCompoundLexicon,
  splitCompound,
  compoundComponents,
  analyseCompound,
  createCompoundSplitter,
  defaultCompoundOptions,
  type CompoundLexicon,
  type CompoundOptions,
  type CompoundAnalysis,
  type CompoundSplitter,
} from './compounds.js';
export { splitSentences, splitSentenceSpans, type SentenceSpan } from './sentences.js';
export {
  createAnalyser,
  genericGovernmentStems,
  isGenericTerm,
  type Analyser,
  type AnalyserOptions,
} from './analyse.js';
export { collapseWhitespace, truncateAtWord } from './truncate.js';
export { formatDutchDate } from './dates.js';
