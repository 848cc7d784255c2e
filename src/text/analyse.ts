// The index-term pipeline shared by indexing and querying, so both sides of
// a match see the same terms: fold -> tokenise -> drop stopwords -> stem,
// plus the stems of compound parts.

import type { CompoundSplitter } from './compounds.js';
import { foldForMatching } from './normalise.js';
import { stem } from './stem.js';
import { dutchStopwords, genericGovernmentWords } from './stopwords.js';
import { scanTokens } from './tokenise.js';

export interface AnalyserOptions {
  /** Adds the stems of compound components: "veiligheidscellen" also yields "veilig" and "cel". */
  compounds?: CompoundSplitter;
  /** Keep function words (for phrase-like uses); they are dropped by default. */
  keepStopwords?: boolean;
}

export interface Analyser {
  /** Index terms of `text`, in reading order, with repeats (term frequency matters for BM25). */
  terms(text: string): string[];
  /**
   * Query terms with weights: a word's own stem counts 1 and its compound
   * components `componentWeight` each, so that one compound in a short query
   * does not outweigh a rare plain word ("LIVC-R samenwerkingsakkoord").
   * `combine` says how repeats add up: summed (term frequency) or the
   * strongest occurrence only (whether the text really uses the word).
   */
  weightedTerms(text: string, componentWeight: number, combine?: 'sum' | 'max'): Map<string, number>;
}

export function createAnalyser(options: AnalyserOptions = {}): Analyser {
  const { compounds, keepStopwords = false } = options;
  // Calls `add` for every term of `text`, flagging compound components.
  const scan = (text: string, add: (term: string, component: boolean) => void) => {
    scanTokens(foldForMatching(text), (token, joined, part) => {
      if (!keepStopwords && dutchStopwords.has(token)) return;
      const whole = stem(token);
      // The parts of a hyphenated word are components of its joined form.
      add(whole, part);
      // A hyphenated word's parts were emitted just before its joined form.
      if (compounds === undefined || joined) return;
      const components = compounds.components(token);
      if (components.length === 0) return;
      const seen = new Set<string>([whole]);
      for (const component of components) {
        if (!keepStopwords && dutchStopwords.has(component)) continue;
        const term = stem(component);
        if (seen.has(term)) continue;
        seen.add(term);
        add(term, true);
      }
    });
  };
  return {
    terms(text: string): string[] {
      const terms: string[] = [];
      scan(text, (term) => terms.push(term));
      return terms;
    },
    weightedTerms(text: string, componentWeight: number, combine: 'sum' | 'max' = 'sum'): Map<string, number> {
      const weights = new Map<string, number>();
      scan(text, (term, component) => {
        const weight = component ? componentWeight : 1;
        const before = weights.get(term) ?? 0;
        weights.set(term, combine === 'sum' ? before + weight : Math.max(before, weight));
      });
      return weights;
    },
  };
}

/** Stems of {@link genericGovernmentWords}: the analysed form of "decreet", "Vlaamse Regering", "subsidie", ... */
export const genericGovernmentStems: ReadonlySet<string> = new Set([...genericGovernmentWords].map(stem));

/** True when `term` (analyser output) is the stem of a generic government word; retrieval should down-weight it. */
export function isGenericTerm(term: string): boolean {
  return genericGovernmentStems.has(term);
}
