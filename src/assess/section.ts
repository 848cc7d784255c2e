// One assessment per commitment: every section's own text is split into
// commitments once, and each gets its evidence, status and confidence once.
// Every view (section, chapter, overview, API, exports) shows these stored
// results, so a commitment never has two statuses.
import type { Dossier } from '../dossiers/types.js';
import type { AgreementSection } from '../model/documents.js';
import type { Commitment, Evidence, Source } from '../report/model.js';
import { extractCommitments, type CommitmentSpan } from './commitments.js';
import type { LogisticModel } from './logistic.js';
import { matchCandidates, sectionRanks, type Matcher, type SectionRanks } from './match.js';
import { MATCH_MODEL } from './match-model.js';
import { assessCommitment, CANDIDATE_PROBABILITY } from './status.js';

/** Matched sources listed per commitment (few and specific beats many and vague); the later steps of their dossiers come on top. */
export const EVIDENCE_PER_COMMITMENT = 5;

export interface AssessmentCorpus {
  matcher: Matcher;
  sections: readonly AgreementSection[];
  /** The citable source of a document, null when it is not stored. */
  source(id: string, type: 'decision' | 'parliament'): Source | null;
  /** Decision id -> its dossier. */
  dossierOf: ReadonlyMap<string, Dossier>;
  /** Parliament documents by id, scanned for problem signals. */
  parliament: ReadonlyMap<string, { text: string }>;
  /** The match model (default: the fitted one); calibration passes a fold's model. */
  model?: LogisticModel;
}

export interface SectionAssessment {
  sectionId: string;
  /** The agreement the section belongs to (section ids recur across agreements). */
  agreement: string;
  /** Commitments of the section's own text (ids `<sectionId>#n`), with evidence and status. */
  commitments: Commitment[];
}

/** The commitments of one section's own text, assessed. */
export function assessOwnSection(corpus: AssessmentCorpus, section: AgreementSection): SectionAssessment {
  const { commitments: spans } = extractCommitments(section.id, section.text);
  if (spans.length === 0) return { sectionId: section.id, agreement: section.agreement, commitments: [] };
  const ranks = sectionRanks(corpus.matcher.loaded, section);
  return { sectionId: section.id, agreement: section.agreement, commitments: spans.map((span) => assessSpan(corpus, span, section.title, ranks)) };
}

/** Every section of the agreement, in reading order. */
export function assessAllSections(corpus: AssessmentCorpus): SectionAssessment[] {
  return corpus.sections.map((section) => assessOwnSection(corpus, section));
}

/** One commitment: candidates with their match probability, the likely ones as evidence, then the status rules. */
export function assessSpan(corpus: AssessmentCorpus, span: CommitmentSpan, topic: string, ranks: SectionRanks): Commitment {
  const sources = new Map<string, Source>();
  const evidence: Evidence[] = [];
  const add = (key: string, type: 'decision' | 'parliament', score: number, sharedTerms: string[]): Source | null => {
    if (evidence.some((e) => e.sourceKey === key)) return null;
    const source = sources.get(key) ?? corpus.source(key, type);
    if (!source) return null;
    sources.set(key, source);
    evidence.push({ sourceKey: key, score, sharedTerms });
    return source;
  };
  const candidates = matchCandidates(corpus.matcher, span.text, topic, ranks, corpus.model ?? MATCH_MODEL);
  for (const candidate of candidates) {
    if (candidate.probability < CANDIDATE_PROBABILITY) break;
    if (evidence.length >= EVIDENCE_PER_COMMITMENT) break;
    const source = add(candidate.doc.id, candidate.doc.type, candidate.probability, candidate.sharedWords);
    // A later step of the same dossier shows how far that very file got, even when its wording drifted.
    const dossier = source?.dossierId ? corpus.dossierOf.get(source.key) : undefined;
    for (const step of dossier?.steps ?? []) {
      if (step.date > (source!.date ?? '')) add(step.decisionId, 'decision', candidate.probability, candidate.sharedWords);
    }
  }
  evidence.sort((a, b) => b.score - a.score);
  const assessment = assessCommitment({ commitment: span, evidence, sources, parliament: corpus.parliament });
  return { ...span, evidence, ...assessment };
}
