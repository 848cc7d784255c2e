// How likely a retrieved document carries out one specific commitment, rather
// than only sharing its topic. Retrieval finds documents on the subject; the
// match model weighs what distinguishes evidence from same-topic noise:
// whether the document ranks for the whole section (the subject), how much of
// the commitment's own distinctive vocabulary it shares, whether one sentence
// of it says what the commitment says, and whether its title is about the
// commitment. The weights are fitted on assessors' decisive decisions
// (scripts/calibrate-status.mjs) and live in match-model.ts.
import { distinctiveTerms, rankedDistinctiveTerms, termsInDocument } from '../search/evidence.js';
import type { IndexedDoc } from '../search/engine.js';
import type { LoadedSearch } from '../search/persisted.js';
import { rankDocuments } from '../search/service.js';
import type { AgreementSection } from '../model/documents.js';
import { sectionHeading } from '../sources/agreement/index.js';
import { splitSentences } from '../text/index.js';
import { predictProbability, type LogisticModel } from './logistic.js';
import { MATCH_MODEL } from './match-model.js';

/** The features, in the model's order. */
export const MATCH_FEATURES = ['retrievalRank', 'supportShare', 'titleCover', 'sectionRank', 'sharedTerms', 'sentenceShare'] as const;

/** Candidates per commitment: the assessors' decisive decisions are in the commitment's top 20 for 85% of commitments with one. */
export const MATCH_CANDIDATES = 20;
/** Depth of the section's own ranking; a document below it counts as off-subject. */
export const SECTION_DEPTH = 300;
/** Body sentences of a document compared with the commitment (the opening carries the gist). */
const SENTENCES_PER_DOCUMENT = 60;

export interface DocumentText {
  title: string;
  body: string;
}

/**
 * What the match needs of the corpus: the search index and each indexed
 * document's text. Per-document analysis (title terms, sentence terms) is
 * cached here, so one matcher serves every commitment of a run.
 */
export interface Matcher {
  loaded: LoadedSearch;
  documentText(index: number): DocumentText;
  cache: Map<number, AnalysedDocument>;
}

interface AnalysedDocument {
  /** The title's distinctive terms with their weights. */
  titleTerms: Map<string, number>;
  titleWeight: number;
  /** Analysed terms of the title and of each of the first body sentences. */
  sentences: Set<string>[];
}

export function createMatcher(loaded: LoadedSearch, documentText: (index: number) => DocumentText): Matcher {
  return { loaded, documentText, cache: new Map() };
}

function analysed(matcher: Matcher, index: number): AnalysedDocument {
  const known = matcher.cache.get(index);
  if (known) return known;
  const { title, body } = matcher.documentText(index);
  const titleTerms = new Map([...distinctiveTerms(matcher.loaded, title)].map(([term, t]) => [term, t.weight]));
  const { analyser } = matcher.loaded.analysis;
  const sentences = [title, ...splitSentences(body).slice(0, SENTENCES_PER_DOCUMENT)].map((s) => new Set(analyser.terms(s)));
  const entry = { titleTerms, titleWeight: [...titleTerms.values()].reduce((a, b) => a + b, 0), sentences };
  matcher.cache.set(index, entry);
  return entry;
}

/** Rank of each document in the section's own ranking, counted per document type. */
export type SectionRanks = ReadonlyMap<number, number>;

/**
 * The subject of a section's own commitments: its heading and own text (a
 * parent's sub-sections have subjects of their own, and their commitments
 * their own ranking).
 */
export function sectionRanks(loaded: LoadedSearch, section: AgreementSection): SectionRanks {
  const query = section.text === '' ? sectionHeading(section) : `${sectionHeading(section)}\n\n${section.text}`;
  return perTypeRanks(rankDocuments(loaded, { query, k: SECTION_DEPTH + 5 }));
}

function perTypeRanks(hits: readonly { doc: IndexedDoc; index: number }[]): Map<number, number> {
  const counters = { decision: 0, parliament: 0 };
  const ranks = new Map<number, number>();
  for (const hit of hits) ranks.set(hit.index, counters[hit.doc.type]++);
  return ranks;
}

export interface MatchCandidate {
  doc: IndexedDoc;
  index: number;
  /** Probability that the document carries out, prepares or reports on this very commitment. */
  probability: number;
  features: number[];
  /** Whole words (not compound fragments) of the commitment the document shares, rarest first. */
  sharedWords: string[];
}

/**
 * The commitment's candidates with their match probability, best first.
 * `topic` is added to the retrieval query only (a short sentence needs its
 * section's title to rank on), never to the vocabulary that must be shared.
 */
export function matchCandidates(matcher: Matcher, commitment: string, topic: string, ranks: SectionRanks, model: LogisticModel = MATCH_MODEL): MatchCandidate[] {
  const { loaded } = matcher;
  const terms = rankedDistinctiveTerms(loaded, commitment);
  if (terms.length === 0) return [];
  // Unlike findEvidence, words the index does not know do not count: the model's share feature was fitted so.
  const available = terms.reduce((sum, [, t]) => sum + t.weight, 0);
  const own = new Map(terms.map(([term, t]) => [term, t.weight]));
  const hits = rankDocuments(loaded, { query: `${commitment}\n${topic}`, k: MATCH_CANDIDATES + 3 });
  const retrievalRanks = perTypeRanks(hits);
  const out: MatchCandidate[] = [];
  for (const hit of hits) {
    const retrievalRank = retrievalRanks.get(hit.index)!;
    if (retrievalRank >= MATCH_CANDIDATES) continue;
    const shared = termsInDocument(loaded, terms, hit.index);
    if (shared.length === 0) continue;
    const doc = analysed(matcher, hit.index);
    const titleShared = [...doc.titleTerms].reduce((sum, [term, weight]) => sum + (own.has(term) ? weight : 0), 0);
    let bestSentence = 0;
    for (const sentence of doc.sentences) {
      let weight = 0;
      for (const [term, w] of own) if (sentence.has(term)) weight += w;
      if (weight > bestSentence) bestSentence = weight;
    }
    const features = [
      Math.log1p(retrievalRank),
      shared.reduce((sum, [, t]) => sum + t.weight, 0) / available,
      doc.titleWeight > 0 ? titleShared / doc.titleWeight : 0,
      Math.log1p(ranks.get(hit.index) ?? SECTION_DEPTH),
      shared.length / 5,
      bestSentence / available,
    ];
    out.push({
      doc: hit.doc,
      index: hit.index,
      probability: predictProbability(model, features),
      features,
      sharedWords: shared.filter(([, t]) => t.whole).map(([term]) => term),
    });
  }
  return out.sort((a, b) => b.probability - a.probability);
}
