// The report model: what a progress report on one agreement section says,
// independent of how it is rendered (Markdown, JSON, HTML) or who wrote the
// prose (extractive or LLM). Every claim points at sources by key; renderers
// number the references in order of first citation.
import type { Dossier, DecisionStage } from '../dossiers/types.js';

/** A citable document. */
export interface Source {
  /** Decision id, or parliament document id (`parlement/...`). */
  key: string;
  type: 'decision' | 'parliament';
  title: string;
  /** `YYYY-MM-DD`, null when the source has no date. */
  date: string | null;
  /** Stable link (a decision's linked-data URI); null when none is known (never invented). */
  uri: string | null;
  /** A short extract (first sentences of the body), for reference lists. */
  snippet: string;
  /** For decisions: the stage it represents and its dossier. */
  stage?: DecisionStage;
  dossierId?: string;
  /** Proposing ministers, for "who was responsible". */
  mandatees?: string[];
}

/** A source found for a commitment, with why it was kept. */
export interface Evidence {
  sourceKey: string;
  /** Match probability (0-1): how likely the source carries out this very commitment (src/assess/match.ts). */
  score: number;
  /** Distinctive whole words (analysed) the commitment and the source share, rarest first. */
  sharedTerms: string[];
}

/**
 * Status taxonomy (the rules are documented and implemented in src/assess/status.ts):
 * - gerealiseerd: final approval, decree ratified, implementing measure running
 * - in-uitvoering: principled approval, draft decree, call for projects launched
 * - aangekondigd: only a vision note, action plan or communication
 * - geen-spoor: no evidence found
 */
export type CommitmentStatus = 'gerealiseerd' | 'in-uitvoering' | 'aangekondigd' | 'geen-spoor';

/** How sure the status is: `laag` is shown as "te controleren", with the candidate sources. */
export type Confidence = 'hoog' | 'laag';

export interface ProblemSignal {
  sourceKey: string;
  /** The exact sentence from the source that signals the problem. */
  quote: string;
}

export interface Commitment {
  /** `<section id>#<n>`, n from 1 in reading order. */
  id: string;
  /** Exact text span of the section's text. */
  text: string;
  start: number;
  end: number;
  evidence: Evidence[];
  status: CommitmentStatus;
  /**
   * One Dutch line naming the decisive evidence, with `{{cite:<sourceKey>}}`
   * placeholders that renderers turn into their own citation numbers.
   */
  reason: string;
  /** `hoog` only for the kinds of status the development data shows right at least 85% of the time. */
  confidence: Confidence;
  /** One Dutch line: why the confidence is what it is (what to check). */
  confidenceReason: string;
  /** Key of the source that decided the status, when any. */
  decisiveSourceKey: string | null;
  /** The language model whose verdicts set this status (the `verify` command); absent for the offline assessment. */
  verifiedBy?: string;
  /** Parliament documents that signal a problem (delay, missing agreement, ...). */
  problems: ProblemSignal[];
  /** The editors' review, which set this commitment's status (src/editor/reviews.ts); absent when not reviewed. */
  review?: CommitmentReview;
}

/** An editor's review as readers see it: the status and reason above are the review's, this keeps what the machine proposed. */
export interface CommitmentReview {
  /** ISO time of the latest change. */
  reviewedAt: string;
  /** The note for readers (plain text). */
  publicNote: string;
  /** Source key -> the editor's judgement of the machine's evidence; rejected sources are left out of `evidence`. */
  evidence: Record<string, 'aanvaard' | 'verworpen'>;
  /** Evidence the machine found after the review was made: worth another look. */
  newSources: string[];
  /** What the automatic assessment says. */
  machine: Pick<Commitment, 'status' | 'confidence' | 'confidenceReason' | 'reason' | 'decisiveSourceKey' | 'verifiedBy'>;
}

/** One sentence of prose and the sources it rests on. A claim without citations is only allowed for statements about the absence of evidence. */
export interface Claim {
  text: string;
  citations: string[];
}

export interface ReportSection {
  /** Dutch heading, e.g. "Belangrijkste bevindingen". */
  heading: string;
  paragraphs: Claim[][];
}

export interface SectionReport {
  section: {
    id: string;
    number: string;
    title: string;
    part: string;
    chapter: string;
    pageStart: number;
    pageEnd: number;
    /** The section's full text (with sub-sections) as quoted in the report. */
    text: string;
  };
  /** Report title, e.g. "Voortgangsrapportage naleving regeerakkoord: Preventie van radicalisering". */
  title: string;
  generator: { name: 'extractive' | 'llm'; model?: string; fellBackToExtractive?: boolean };
  generatedAt: string;
  /** The data generation the report was built from (see Store.generation); absent for reports made outside a store. */
  generation?: number;
  /** The agreement the section belongs to; absent for reports made outside a store. */
  agreement?: string;
  /** Commitments of the section with status; context (vision) sentences are not listed. */
  commitments: Commitment[];
  /** Dossiers among the evidence, with their timelines. */
  dossiers: Dossier[];
  /** The prose: introduction, findings, conclusion. */
  body: ReportSection[];
  /** Every source cited anywhere in the report (commitment reasons or prose), by key. */
  sources: Record<string, Source>;
}
