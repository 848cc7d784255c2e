// Undoing line-end hyphenation without breaking real compounds.
//
// A line that ends in "verschil-" followed by "lende" is one word split by the
// typesetter; "informatie-" followed by "uitwisseling" is a compound that keeps
// its hyphen. The evidence comes first from the document itself (how the same
// word is written where it is not broken), then from Dutch spelling (a hyphen
// is obligatory where two vowels would otherwise merge: "zee-egel").

/** What the document says about words, learned from text that was not broken at a line end. */
export interface Vocabulary {
  /** Lowercased words that contain an inner hyphen ("informatie-uitwisseling"), with counts. */
  hyphenated: Map<string, number>;
  /** Lowercased words without hyphen, with counts. */
  plain: Map<string, number>;
  /** Lowercased first parts of hyphenated words ("niet" from "niet-bindende"), with the number of distinct words. */
  prefixes: Map<string, number>;
}

// Vowel pairs that Dutch reads as one sound; across a compound boundary they require a hyphen.
const MERGING_VOWELS = new Set(['aa', 'ae', 'ai', 'au', 'ee', 'ei', 'eu', 'ie', 'ii', 'oe', 'oi', 'oo', 'ou', 'ui', 'uu']);
// "hulp- en dienstverlening": the hyphen marks an elided part, the space stays.
const ELLIPSIS_FOLLOWERS = new Set(['en', 'of', 'tot', 'noch', 'als', 'maar', 'dan', 'en/of']);
// A first part used in this many distinct hyphenated words is a hyphenating prefix ("niet-", "ex-").
const PREFIX_EVIDENCE = 2;

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function core(token: string): string {
  return token.replace(EDGE_PUNCTUATION, '').toLowerCase();
}

/** True when the line ends in a hyphen glued to a word ("verschil-"), not a free-standing dash ("Werf 1 -"). */
export function endsWithWordHyphen(line: string): boolean {
  return /[\p{L}\p{N}&%)]-$/u.test(line);
}

/**
 * Learns the vocabulary from lines in reading order. Fragments of words broken at
 * a line end (the last token before the hyphen and the first token after it) are
 * left out: they are what the vocabulary is asked about.
 */
export function buildVocabulary(lines: Iterable<string>): Vocabulary {
  const vocabulary: Vocabulary = { hyphenated: new Map(), plain: new Map(), prefixes: new Map() };
  const firstParts = new Map<string, Set<string>>();
  let previousBroken = false;
  for (const line of lines) {
    const tokens = line.split(' ').filter((token) => token !== '');
    const broken = endsWithWordHyphen(line);
    const from = previousBroken ? 1 : 0;
    const to = broken ? tokens.length - 1 : tokens.length;
    for (let i = from; i < to; i++) {
      const word = core(tokens[i]!);
      if (!/\p{L}/u.test(word)) continue;
      if (word.includes('-')) {
        increment(vocabulary.hyphenated, word);
        const first = word.slice(0, word.indexOf('-'));
        if (first !== '') {
          const words = firstParts.get(first) ?? new Set<string>();
          words.add(word);
          firstParts.set(first, words);
        }
      } else {
        increment(vocabulary.plain, word);
      }
    }
    previousBroken = broken;
  }
  for (const [first, words] of firstParts) vocabulary.prefixes.set(first, words.size);
  return vocabulary;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export type HyphenDecision = 'join' | 'join-with-diaeresis' | 'keep' | 'keep-with-space';

const DIAERESIS: Readonly<Record<string, string>> = { a: 'ä', e: 'ë', i: 'ï', o: 'ö', u: 'ü' };

/** "enter" -> "ënter": Dutch drops the diaeresis where a word is broken at it ("effici-enter" is "efficiënter"). */
function withDiaeresis(fragment: string): string {
  const marked = DIAERESIS[fragment.charAt(0)];
  return marked ? marked + fragment.slice(1) : fragment;
}

/**
 * Decides what a line-end hyphen between `left` (the last token of a line,
 * without its trailing hyphen) and `right` (the first token of the next line) is.
 */
export function decideHyphen(left: string, right: string, vocabulary: Vocabulary): HyphenDecision {
  // "Brussel-" + "Hoofdstad", "2019-" + "2024", "inlichtingen-" + ", ...": not a broken lowercase word.
  if (!/^\p{Ll}/u.test(right)) return 'keep';
  const rightCore = core(right);
  if (ELLIPSIS_FOLLOWERS.has(rightCore)) return 'keep-with-space';
  const leftCore = left.replace(/^[^\p{L}\p{N}&%]+/u, '');
  const lastChar = leftCore.slice(-1);
  // "O&O&I-" + "systeem", "EU-" + "burgers", "80%-" + "doelstelling", "e-" + "government".
  if (!/\p{Ll}/u.test(lastChar) || /^\p{L}$/u.test(leftCore)) return 'keep';

  // How the document writes the word where it is not broken.
  const leftLower = leftCore.toLowerCase();
  const evidence: [HyphenDecision, number][] = [
    ['keep', vocabulary.hyphenated.get(`${leftLower}-${rightCore}`) ?? 0],
    ['join', vocabulary.plain.get(`${leftLower}${rightCore}`) ?? 0],
    ['join-with-diaeresis', vocabulary.plain.get(`${leftLower}${withDiaeresis(rightCore)}`) ?? 0],
  ];
  evidence.sort((a, b) => b[1] - a[1]);
  if (evidence[0]![1] > evidence[1]![1]) return evidence[0]![0];

  // Two vowels that would merge into one sound: either a compound that needs its
  // hyphen ("informatie-uitwisseling", "re-integratie": one side is a word of its
  // own) or a word broken at a dropped diaeresis ("effici-ent", "pati-enten").
  const lastPart = leftLower.slice(leftLower.lastIndexOf('-') + 1);
  if (MERGING_VOWELS.has(`${lastChar}${rightCore.charAt(0)}`)) {
    // Closed words of the document that start like the diaeresis form ("patiëntenverenigingen" for "pati-enten").
    const marked = `${leftLower}${withDiaeresis(rightCore).charAt(0)}`;
    if ([...vocabulary.plain.keys()].some((word) => word.startsWith(marked))) return 'join-with-diaeresis';
    const compound = (lastPart.length >= 3 && vocabulary.plain.has(lastPart)) || vocabulary.plain.has(rightCore);
    if (compound) return 'keep';
    // "gedefini-eerd": the right part opens with a vowel pair of its own, so no diaeresis was dropped.
    return MERGING_VOWELS.has(rightCore.slice(0, 2)) ? 'join' : 'join-with-diaeresis';
  }
  if (isHyphenatingPrefix(lastPart, vocabulary)) return 'keep';
  return 'join';
}

/**
 * "niet" in "niet-" is a prefix the document always hyphenates ("niet-bindende",
 * "niet-actieven", ...); "werk" is not, although "werk-privé" occurs: far more
 * words simply start with "werk". A prefix counts when it starts at least two
 * distinct hyphenated words and no fewer than the closed words it starts.
 */
function isHyphenatingPrefix(prefix: string, vocabulary: Vocabulary): boolean {
  const hyphenated = vocabulary.prefixes.get(prefix) ?? 0;
  if (hyphenated < PREFIX_EVIDENCE) return false;
  let closed = 0;
  for (const word of vocabulary.plain.keys()) {
    if (word.length > prefix.length && word.startsWith(prefix)) closed++;
  }
  return hyphenated >= closed;
}

/** Joins two consecutive lines of one paragraph, undoing a line-end hyphenation where that is what it is. */
export function joinLines(previous: string, next: string, vocabulary: Vocabulary): string {
  if (previous === '') return next;
  if (next === '') return previous;
  if (!endsWithWordHyphen(previous)) return `${previous} ${next}`;
  const withoutHyphen = previous.slice(0, -1);
  const left = withoutHyphen.slice(withoutHyphen.lastIndexOf(' ') + 1);
  const right = next.split(' ', 1)[0] ?? '';
  switch (decideHyphen(left, right, vocabulary)) {
    case 'join':
      return withoutHyphen + next;
    case 'join-with-diaeresis':
      return withoutHyphen + withDiaeresis(next);
    case 'keep':
      return previous + next;
    case 'keep-with-space':
      return `${previous} ${next}`;
  }
}
