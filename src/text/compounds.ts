// Dutch compound splitting, learned from a corpus (Koehn & Knight 2003,
// "Empirical methods for compound splitting"): a word is split into parts
// that are themselves corpus words, joined by optional linking morphemes
// ("veiligheid" + s + "cellen"), choosing the split whose parts have the
// highest geometric mean frequency, and only when those parts are, taken
// together, frequent enough compared with the whole word.
//
// Deviations from the paper, each for a failure seen on the decisions corpus:
// - Parts are never function words; verbal particles ("samen", "toe", "vast")
//   are never a first or middle part, since "samenwerking", "toegang",
//   "vastgoed" are nominalised particle verbs, not compounds; a few prefixes
//   and accidental starts ("inter|nationaal", "best|uren") never start a split.
// - A last part is never a suffix-like string ("mogelijk|heden",
//   "subsidie|ring", "overeen|komst").
// - Frequencies are counted per inflection family ("cel" + "cellen",
//   "maatregel" + "maatregelen"), for the parts and the whole word alike:
//   compound heads are often rare on their own in a ~450k-word corpus.
// - A split is accepted when the parts' geometric mean is at least
//   `splitRatio` (0.25) times the whole word's count, not 1 times: with a
//   small corpus the paper's rule rejects most real compounds
//   ("veiligheidscellen": 9.9 vs 25). Frequent lexicalised words still stay
//   whole ("maatregelen": 166 vs 702). The analyser indexes the whole word as
//   well as its parts, so an unneeded split costs a little noise, not a miss.
//
// On the bundled decisions: 98% precision / 79% recall on a hand-judged
// random sample of 80 long words (see compounds.test.ts), and 49 of 50
// randomly drawn splits judged correct.

import { dutchStopwords } from './stopwords.js';

export interface CompoundOptions {
  /** Shortest part, in characters. */
  minPartLength: number;
  /** A part one character shorter than `minPartLength` ("wet", "weg") must occur at least this often. */
  shortPartMinFrequency: number;
  /** A word's inflection family must occur this often in the corpus for it to be a part (filters typos and extraction debris). */
  minPartFrequency: number;
  /** Split when geometric-mean part frequency >= splitRatio * whole-word frequency. 1 is the paper's rule. */
  splitRatio: number;
  /** Linking morphemes allowed between two parts, e.g. "s" in "veiligheid-s-cel". */
  linkingMorphemes: readonly string[];
}

export const defaultCompoundOptions: Readonly<CompoundOptions> = {
  minPartLength: 4,
  shortPartMinFrequency: 50,
  minPartFrequency: 2,
  splitRatio: 0.25,
  linkingMorphemes: ['s', 'e', 'en', 'n', 'er'],
};

/** What `splitCompound` needs: corpus counts and the part frequencies derived from them. */
export interface CompoundLexicon {
  /** Corpus count of every word seen (folded, letters only). */
  readonly wordFrequencies: ReadonlyMap<string, number>;
  /** Words allowed as a part, with their (inflection-family) frequency. */
  readonly partFrequencies: ReadonlyMap<string, number>;
  readonly options: Readonly<CompoundOptions>;
}

// Verbal particles: never a modifier (first or middle part), since
// "samenwerking", "vastgoed", "toegang" are nominalised particle verbs, not
// compounds. As a last part they are ordinary words ("erfgoed").
// Function words are excluded as any part through the stopword list.
const PARTICLES: ReadonlySet<string> = new Set(
  ('toe mee terug samen goed vast los neer achter vrij open dicht heen mede weer rond voort boven buiten ' +
    'binnen tussen verder minder').split(' '),
);
// Latin-style prefixes and accidental word starts ("best|uren", "stand|aard"): never the first part.
const BLOCKED_FIRST_PARTS: ReadonlySet<string> = new Set('inter trans anti super multi best stand'.split(' '));

// Derivational suffixes that are also (rare) words: never the last part.
const BLOCKED_LAST_PARTS: ReadonlySet<string> = new Set(
  ('heid heden schap schappen lijk lijke baar bare isch ische ing ingen ring ringen ling lingen nis ' +
    'nissen ster sters aard aarden tie ties teit teiten zakelijk zakelijke komst ende erij').split(' '),
);

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Builds the lexicon from corpus word counts (keys are folded tokens, as
 * produced by `tokenise`). Tokens with digits or punctuation are ignored.
 */
export function buildCompoundLexicon(
  wordFrequencies: ReadonlyMap<string, number>,
  options: Partial<CompoundOptions> = {},
): CompoundLexicon {
  const settings: CompoundOptions = { ...defaultCompoundOptions, ...options };
  const words = new Map<string, number>();
  for (const [word, count] of wordFrequencies) {
    if (count > 0 && LETTERS_ONLY.test(word)) words.set(word, (words.get(word) ?? 0) + count);
  }
  const partFrequencies = new Map<string, number>();
  for (const [word, count] of words) {
    if (!isUsablePart(word, count, settings)) continue;
    const frequency = familyFrequency(word, words);
    if (frequency >= settings.minPartFrequency) partFrequencies.set(word, frequency);
  }
  return { wordFrequencies: words, partFrequencies, options: settings };
}

// Length and function-word checks; the frequency check uses the family count.
function isUsablePart(word: string, count: number, options: CompoundOptions): boolean {
  if (dutchStopwords.has(word)) return false;
  if (word.length >= options.minPartLength) return true;
  return word.length === options.minPartLength - 1 && count >= options.shortPartMinFrequency;
}

// The count of a word plus its regular inflected forms present in the corpus:
// plural -en/-s/-n (with consonant doubling: "cel"/"cellen") and the inflected
// adjective -e. Both directions, so "cellen" also counts "cel".
function familyFrequency(word: string, words: ReadonlyMap<string, number>): number {
  const forms = new Set<string>([word]);
  for (const base of baseForms(word)) {
    forms.add(base);
    for (const form of inflectedForms(base)) forms.add(form);
  }
  let total = 0;
  for (const form of forms) total += words.get(form) ?? 0;
  return total;
}

function baseForms(word: string): string[] {
  const bases = [word];
  if (word.endsWith('en') && word.length > 4) {
    const stem = word.slice(0, -2);
    bases.push(stem);
    if (/([bcdfgklmnprstvz])\1$/.test(stem)) bases.push(stem.slice(0, -1));
  }
  if (word.endsWith('s') && word.length > 4) bases.push(word.slice(0, -1));
  if (word.endsWith('e') && word.length > 4) bases.push(word.slice(0, -1));
  return bases;
}

function inflectedForms(base: string): string[] {
  const forms = [base + 'en', base + 's', base + 'e', base + 'n'];
  const last = base.charAt(base.length - 1);
  // A short final syllable doubles its consonant before -en: cel -> cellen.
  if (/[^aeiou][aeiou][bdfgklmnprst]$/.test(base)) forms.push(base + last + 'en');
  return forms;
}

interface Segmentation {
  /** Sum of log part frequencies. */
  logSum: number;
  /** Sum of log raw counts of the parts themselves: breaks ties between forms of one family. */
  rawLogSum: number;
  parts: string[];
}

/** Why a word is or is not split: the best candidate split and the numbers compared. */
export interface CompoundAnalysis {
  /** The best-scoring split into two or more parts, even when it is rejected; [] when none exists. */
  candidate: string[];
  /** Geometric mean of the candidate's part frequencies (0 without a candidate). */
  geometricMean: number;
  /** Corpus count of the whole word's inflection family ("maatregel" + "maatregelen"). */
  wholeFrequency: number;
  /** True when the candidate is accepted: geometricMean >= splitRatio * wholeFrequency. */
  split: boolean;
}

/** The split decision for `word` with its evidence (for tuning and debugging). */
export function analyseCompound(word: string, lexicon: CompoundLexicon): CompoundAnalysis {
  const wholeFrequency = familyFrequency(word, lexicon.wordFrequencies);
  const shortest = lexicon.options.minPartLength - 1;
  const best = word.length < 2 * shortest || !LETTERS_ONLY.test(word) ? null : bestSegmentation(word, lexicon);
  if (best === null) return { candidate: [], geometricMean: 0, wholeFrequency, split: false };
  const geometricMean = Math.exp(best.logSum / best.parts.length);
  const split = geometricMean >= lexicon.options.splitRatio * wholeFrequency;
  return { candidate: best.parts, geometricMean, wholeFrequency, split };
}

/**
 * The parts of a compound, or [] when `word` (a folded token) is not split.
 * Parts are corpus words without their linking morphemes:
 * "veiligheidscellen" -> ["veiligheid", "cellen"].
 */
export function splitCompound(word: string, lexicon: CompoundLexicon): string[] {
  const analysis = analyseCompound(word, lexicon);
  return analysis.split ? analysis.candidate : [];
}

// Dynamic programming over part start positions. For each start it keeps, per
// number of parts, the best-scoring way to segment the rest of the word, so
// the geometric mean (which depends on the number of parts) can be maximised
// exactly at the end. Words are short, so this is a few hundred Map lookups.
function bestSegmentation(word: string, lexicon: CompoundLexicon): Segmentation | null {
  const n = word.length;
  const { partFrequencies, options } = lexicon;
  const shortest = options.minPartLength - 1;
  // suffixes[i]: by part count, the best segmentation of word.slice(i).
  const suffixes: Array<Map<number, Segmentation> | undefined> = new Array(n + 1);
  for (let start = n - shortest; start >= 0; start--) {
    const byCount = new Map<number, Segmentation>();
    for (let end = start + shortest; end <= n; end++) {
      const part = word.slice(start, end);
      const frequency = partFrequencies.get(part);
      if (frequency === undefined) continue;
      if (start === 0 && BLOCKED_FIRST_PARTS.has(part)) continue;
      if (end < n && PARTICLES.has(part)) continue;
      const logFrequency = Math.log(frequency);
      const rawLogFrequency = Math.log(lexicon.wordFrequencies.get(part) ?? 1);
      if (end === n) {
        if (start > 0 && !BLOCKED_LAST_PARTS.has(part)) keepBest(byCount, 1, { logSum: logFrequency, rawLogSum: rawLogFrequency, parts: [part] });
        continue;
      }
      for (const link of ['', ...options.linkingMorphemes]) {
        const next = end + link.length;
        if (next > n - shortest || (link !== '' && !word.startsWith(link, end))) continue;
        const rest = suffixes[next];
        if (rest === undefined) continue;
        for (const [count, tail] of rest) {
          keepBest(byCount, count + 1, {
            logSum: logFrequency + tail.logSum,
            rawLogSum: rawLogFrequency + tail.rawLogSum,
            parts: [part, ...tail.parts],
          });
        }
      }
    }
    if (byCount.size > 0) suffixes[start] = byCount;
  }
  let best: Segmentation | null = null;
  let bestMean = -Infinity;
  for (const [count, segmentation] of suffixes[0] ?? []) {
    if (count < 2) continue;
    const mean = segmentation.logSum / count;
    // Ties go to fewer parts: iteration order is by insertion, so compare strictly
    // and prefer the smaller count explicitly.
    if (mean > bestMean || (mean === bestMean && best !== null && count < best.parts.length)) {
      best = segmentation;
      bestMean = mean;
    }
  }
  return best;
}

// Equal scores happen when a part and its inflected form share a family
// frequency ("gegeven"+s vs "gegevens"); the more frequent surface form is the
// word actually written ("gegevens", not "gegeven" plus a linking s).
function keepBest(byCount: Map<number, Segmentation>, count: number, candidate: Segmentation): void {
  const current = byCount.get(count);
  if (
    current === undefined ||
    candidate.logSum > current.logSum ||
    (candidate.logSum === current.logSum && candidate.rawLogSum > current.rawLogSum)
  ) {
    byCount.set(count, candidate);
  }
}

/**
 * The parts of a split compound plus every run of adjacent parts that is
 * itself a corpus word: "netwerkorganisatie" -> ["net", "werk", "organisatie",
 * "netwerk"]. The geometric mean favours many short frequent parts; the runs
 * give back the lexicalised sub-compounds ("netwerk", "gegevensbescherming")
 * that a query is likely to use. [] when the word is not split.
 */
export function compoundComponents(word: string, lexicon: CompoundLexicon): string[] {
  return componentsOf(word, splitCompound(word, lexicon), lexicon);
}

function componentsOf(word: string, parts: readonly string[], lexicon: CompoundLexicon): string[] {
  if (parts.length === 0) return [];
  const components = [...parts];
  if (parts.length < 3) return components;
  // Parts follow each other with at most a linking morpheme in between.
  const starts: number[] = [];
  const ends: number[] = [];
  let position = 0;
  for (const part of parts) {
    const start = word.indexOf(part, position);
    starts.push(start);
    ends.push(start + part.length);
    position = start + part.length;
  }
  for (let first = 0; first < parts.length; first++) {
    for (let last = first + 1; last < parts.length; last++) {
      if (first === 0 && last === parts.length - 1) continue;
      const run = word.slice(starts[first], ends[last]);
      if (lexicon.partFrequencies.has(run) && !components.includes(run)) components.push(run);
    }
  }
  return components;
}

/** A memoised splitter bound to one lexicon. */
export interface CompoundSplitter {
  /** `splitCompound(word, lexicon)`. */
  split(word: string): readonly string[];
  /** `compoundComponents(word, lexicon)`. */
  components(word: string): readonly string[];
  readonly lexicon: CompoundLexicon;
}

// Same bounded-memo policy as stem.ts: clear when full.
const SPLITTER_CACHE_LIMIT = 100_000;
const NOT_SPLIT: readonly string[] = Object.freeze([]);

interface CachedSplit {
  parts: readonly string[];
  components: readonly string[];
}

export function createCompoundSplitter(lexicon: CompoundLexicon): CompoundSplitter {
  const cache = new Map<string, CachedSplit>();
  const lookup = (word: string): CachedSplit => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    if (cache.size >= SPLITTER_CACHE_LIMIT) cache.clear();
    const parts = splitCompound(word, lexicon);
    const entry: CachedSplit =
      parts.length === 0
        ? { parts: NOT_SPLIT, components: NOT_SPLIT }
        : { parts: Object.freeze(parts), components: Object.freeze(componentsOf(word, parts, lexicon)) };
    cache.set(word, entry);
    return entry;
  };
  return {
    lexicon,
    split: (word) => lookup(word).parts,
    components: (word) => lookup(word).components,
  };
}
