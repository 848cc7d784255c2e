// Dutch stemming: the Snowball Dutch stemmer plus three conflations it misses,
// because recall across singular/plural and adjective forms is what retrieval
// needs most ("veiligheidscel" in the agreement vs "veiligheidscellen" in a
// decision title).

import { newStemmer } from 'snowball-stemmers';

const snowball = newStemmer('dutch');

/** The unmodified Snowball Dutch stem of a folded, lowercase token. */
export function snowballStem(token: string): string {
  return snowball.stem(token);
}

// Snowball undoubles only kk/dd/tt after removing "-en"; Dutch never writes a
// double consonant at the end of a word, so any other final pair comes from an
// inflected form: "cellen" -> "cell" -> "cel", "bussen" -> "buss" -> "bus".
const FINAL_DOUBLE_CONSONANT = /([bcfglmnprsvz])\1$/;
// Voicing alternation that Snowball leaves: "preventieve" -> "preventiev" vs
// "preventief", "huizen" -> "huiz" vs "huis".
const FINAL_VOICED = /[vz]$/;
// Irregular plurals frequent in government text, keyed by the Snowball stem.
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['kinder', 'kind'], // kinderen
  ['sted', 'stad'], // steden
  ['led', 'lid'], // leden
]);

// Snowball strips "-heid", which leaves function words for a few frequent
// nouns: "overheid" -> "over", "eenheid" -> "een". Short stems keep the suffix.
const MAX_STEM_WITHOUT_HEID = 4;

const HAS_DIGIT = /\p{N}/u;

/**
 * Stem of a folded token: Snowball Dutch, then final double consonants
 * undoubled, final v/z devoiced to f/s, a few irregular plurals mapped, and
 * "-heid" kept on short stems ("overheid", "overheden" -> "overheid", not "over").
 * Tokens with digits ("2024", "covid19") are returned unchanged.
 */
export function stemUncached(token: string): string {
  if (token.length < 3 || HAS_DIGIT.test(token)) return token;
  let stem = snowball.stem(token);
  stem = IRREGULAR.get(stem) ?? stem;
  if (stem.length <= MAX_STEM_WITHOUT_HEID && (token === stem + 'heid' || token === stem + 'heden')) {
    return stem + 'heid';
  }
  if (stem.length > 3) {
    stem = stem.replace(FINAL_DOUBLE_CONSONANT, '$1');
    if (FINAL_VOICED.test(stem)) stem = stem.slice(0, -1) + (stem.endsWith('v') ? 'f' : 's');
  }
  return stem;
}

// Bounded memo: the vocabulary of the bundled corpus is ~20k words, but a
// long-running server stems arbitrary query words. Clearing when full (rather
// than LRU bookkeeping) keeps a hit to one Map lookup and memory below a few MB;
// by Zipf's law the hit rate is back within a few documents.
const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

/** Memoised {@link stemUncached}: the stem of a folded token. */
export function stem(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const result = stemUncached(token);
  cache.set(token, result);
  return result;
}
