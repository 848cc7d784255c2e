/**
 * Status of one commitment, from the evidence found for it.
 *
 * Taxonomy (one status per commitment, like the Obameter's ratings; the
 * decisive source is always named and cited):
 *
 * | status          | when                                                                                   |
 * | --------------- | -------------------------------------------------------------------------------------- |
 * | `gerealiseerd`  | a strong decision at stage definitieve-goedkeuring, bekrachtiging or uitvoering        |
 * | `in-uitvoering` | otherwise, a strong decision at stage principiele-goedkeuring or tweede-principiele-goedkeuring |
 * | `aangekondigd`  | otherwise, strong evidence that is only visie, mededeling or overig decisions, or only parliamentary documents |
 * | `geen-spoor`    | no evidence                                                                            |
 *
 * Strong evidence. The caller hands over evidence already filtered to relevant
 * sources and sorted by score, best first. Scores are comparable within one
 * report only, so strength is relative: an item is strong when it is among the
 * first {@link STRONG_TOP} items and scores at least {@link STRONG_RATIO} of the
 * best score. A decision is also strong when it belongs to the same dossier as
 * a strong decision: a dossier's later steps (the final approval of a draft
 * decree whose principled approval matched) show how far that very file got,
 * even when their wording drifted. Weaker evidence never sets the status; it
 * stays listed as evidence.
 *
 * The decisive source is the strong source that earns the status: the
 * best-scoring one at a qualifying stage; among equal scores, the furthest
 * stage, then the latest date. A decision without a known stage counts as
 * `overig`.
 *
 * Problem signals are a separate flag, not a status: for every parliamentary
 * document among the evidence (strong or not), the sentences that
 * {@link findProblemSignals} finds in its text become `problems`. A decree can
 * be ratified ("gerealiseerd") while parliament reports that the cooperation
 * agreement it depends on is still missing; the report shows both rather than
 * folding one into the other.
 *
 * `reason` is one Dutch line naming the decisive source with its date and a
 * citation placeholder `{{cite:<sourceKey>}}` that the renderer replaces by
 * the reference number.
 */
import type { DecisionStage } from '../dossiers/types.js';
import type { Commitment, CommitmentStatus, Evidence, ProblemSignal, Source } from '../report/model.js';
import type { CommitmentSpan } from './commitments.js';
import { findProblemSignals } from './signals.js';
import { truncateAtWord } from '../text/index.js';

/** Dutch display labels. */
export const statusLabels: Record<CommitmentStatus, string> = {
  gerealiseerd: 'gerealiseerd',
  'in-uitvoering': 'in uitvoering',
  aangekondigd: 'aangekondigd',
  'geen-spoor': 'geen spoor',
};

/** One Dutch sentence per status, for a legend. */
export const statusDescriptions: Record<CommitmentStatus, string> = {
  gerealiseerd:
    'De Vlaamse Regering nam een definitieve beslissing: een definitief goedgekeurd ontwerp, een bekrachtigd decreet of een uitvoeringsmaatregel (besluit, subsidie, oproep, overeenkomst).',
  'in-uitvoering':
    'De Vlaamse Regering keurde een voorontwerp principieel goed; de definitieve goedkeuring is nog niet gevonden.',
  aangekondigd:
    'Er is enkel een visienota, mededeling, andere beslissing zonder concrete maatregel of parlementair document gevonden.',
  'geen-spoor': 'Er is geen beslissing of parlementair document gevonden dat op dit engagement ingaat.',
};

/** At most this many of the best-scoring items can be strong evidence. */
export const STRONG_TOP = 3;
/** A strong item scores at least this share of the best score. */
export const STRONG_RATIO = 0.5;

export const REALISED_STAGES: ReadonlySet<DecisionStage> = new Set<DecisionStage>([
  'definitieve-goedkeuring',
  'bekrachtiging',
  'uitvoering',
]);
export const UNDER_WAY_STAGES: ReadonlySet<DecisionStage> = new Set<DecisionStage>([
  'principiele-goedkeuring',
  'tweede-principiele-goedkeuring',
]);

// How far along the decision process a stage is; ties between equally scored sources go to the furthest.
const STAGE_ORDER: Record<DecisionStage, number> = {
  overig: 0,
  mededeling: 1,
  visie: 2,
  'principiele-goedkeuring': 3,
  'tweede-principiele-goedkeuring': 4,
  'definitieve-goedkeuring': 5,
  bekrachtiging: 6,
  uitvoering: 7,
};

// Labels that open a reason line: "Definitieve goedkeuring op 2021-03-05: ...".
const STAGE_REASON_LABELS: Record<DecisionStage, string> = {
  'principiele-goedkeuring': 'Principiële goedkeuring',
  'tweede-principiele-goedkeuring': 'Tweede principiële goedkeuring',
  'definitieve-goedkeuring': 'Definitieve goedkeuring',
  bekrachtiging: 'Bekrachtiging',
  uitvoering: 'Uitvoeringsbeslissing',
  visie: 'Visienota',
  mededeling: 'Mededeling',
  overig: 'Beslissing',
};

export const NO_EVIDENCE_REASON = 'Geen beslissing of parlementair document gevonden dat op dit engagement ingaat.';

/** Longest title quoted in a reason line, in characters. */
const REASON_TITLE_MAX = 140;

export interface AssessInput {
  commitment: CommitmentSpan;
  /** Relevant sources for the commitment, sorted by score, best first. */
  evidence: readonly Evidence[];
  sources: ReadonlyMap<string, Source>;
  /** Parliament documents by id, whose texts are scanned for problem signals. */
  parliament?: ReadonlyMap<string, { text: string }>;
}

export type Assessment = Pick<Commitment, 'status' | 'reason' | 'decisiveSourceKey' | 'problems'>;

interface Candidate {
  evidence: Evidence;
  source: Source;
  rank: number;
}

/** Status, reason, decisive source and problem signals of one commitment (rules in the module comment). */
export function assessCommitment(input: AssessInput): Assessment {
  const known = knownEvidence(input.evidence, input.sources);
  const problems = problemSignals(known, input.parliament);
  if (known.length === 0) {
    return { status: 'geen-spoor', reason: NO_EVIDENCE_REASON, decisiveSourceKey: null, problems };
  }
  const strong = strongEvidence(known);
  const realised = best(strong.filter((c) => c.source.type === 'decision' && REALISED_STAGES.has(stageOf(c.source))));
  if (realised !== undefined) return decided('gerealiseerd', realised, problems);
  const underWay = best(strong.filter((c) => c.source.type === 'decision' && UNDER_WAY_STAGES.has(stageOf(c.source))));
  if (underWay !== undefined) return decided('in-uitvoering', underWay, problems);
  // Only announcements: prefer a decision (the government's own word) over a parliamentary document.
  const announced = best(strong.filter((c) => c.source.type === 'decision')) ?? best(strong);
  if (announced !== undefined) return decided('aangekondigd', announced, problems);
  return { status: 'geen-spoor', reason: NO_EVIDENCE_REASON, decisiveSourceKey: null, problems };
}

/** The strong part of evidence sorted best first (see the module comment); exported for tests. */
export function strongEvidenceKeys(evidence: readonly Evidence[], sources: ReadonlyMap<string, Source>): string[] {
  return strongEvidence(knownEvidence(evidence, sources)).map((c) => c.evidence.sourceKey);
}

// Evidence whose source is known, re-sorted defensively (stable, so the caller's order breaks ties).
function knownEvidence(evidence: readonly Evidence[], sources: ReadonlyMap<string, Source>): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const item of evidence) {
    const source = sources.get(item.sourceKey);
    if (source === undefined || seen.has(item.sourceKey)) continue;
    seen.add(item.sourceKey);
    candidates.push({ evidence: item, source, rank: candidates.length });
  }
  return candidates.sort((a, b) => b.evidence.score - a.evidence.score || a.rank - b.rank).map((c, rank) => ({ ...c, rank }));
}

function strongEvidence(known: readonly Candidate[]): Candidate[] {
  const top = known[0];
  if (top === undefined) return [];
  const bestScore = top.evidence.score;
  const core = known.filter(
    (c) => c.rank < STRONG_TOP && (bestScore <= 0 || c.evidence.score >= STRONG_RATIO * bestScore),
  );
  const dossiers = new Set(core.map((c) => c.source.dossierId).filter((id): id is string => id !== undefined));
  return known.filter((c) => core.includes(c) || (c.source.type === 'decision' && c.source.dossierId !== undefined && dossiers.has(c.source.dossierId)));
}

// Best-scoring, then furthest stage, then latest date.
function best(candidates: readonly Candidate[]): Candidate | undefined {
  return [...candidates].sort(
    (a, b) =>
      b.evidence.score - a.evidence.score ||
      stageRank(b.source) - stageRank(a.source) ||
      (b.source.date ?? '').localeCompare(a.source.date ?? '') ||
      a.rank - b.rank,
  )[0];
}

function stageOf(source: Source): DecisionStage {
  return source.stage ?? 'overig';
}

function stageRank(source: Source): number {
  return source.type === 'decision' ? STAGE_ORDER[stageOf(source)] : -1;
}

function decided(status: CommitmentStatus, decisive: Candidate, problems: ProblemSignal[]): Assessment {
  return { status, reason: reasonLine(decisive.source), decisiveSourceKey: decisive.source.key, problems };
}

/** "Definitieve goedkeuring op 2021-03-05: <title> {{cite:<key>}}" */
export function reasonLine(source: Source): string {
  const label = source.type === 'decision' ? STAGE_REASON_LABELS[stageOf(source)] : 'Parlementair document';
  const when = source.date !== null ? `op ${source.date}` : 'zonder gekende datum';
  const opening = source.type === 'decision' ? `${label} ${when}` : `${label} ${source.date !== null ? `van ${source.date}` : when}`;
  return `${opening}: ${truncateAtWord(source.title, REASON_TITLE_MAX, ' …')} {{cite:${source.key}}}`;
}


// Problem signals of every parliamentary document among the evidence, in evidence order.
function problemSignals(known: readonly Candidate[], documents: ReadonlyMap<string, { text: string }> | undefined): ProblemSignal[] {
  if (documents === undefined) return [];
  const problems: ProblemSignal[] = [];
  for (const { source } of [...known].sort((a, b) => a.rank - b.rank)) {
    if (source.type !== 'parliament') continue;
    const text = documents.get(source.key)?.text;
    if (text === undefined) continue;
    for (const quote of findProblemSignals(text)) problems.push({ sourceKey: source.key, quote });
  }
  return problems;
}
