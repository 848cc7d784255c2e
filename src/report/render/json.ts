// The JSON export: the report as data, with the reference numbering resolved
// so consumers need not re-implement it. The shape is versioned; a change that
// removes or renames a field bumps `schemaVersion`.
import type { DecisionStage, DossierStep } from '../../dossiers/types.js';
import type { CommitmentStatus, Confidence, SectionReport, Source } from '../model.js';
import { UnknownCitationError, numberCitations, placeholderKeys, replaceCitationPlaceholders, uniqueKeys } from './citations.js';
import { commitmentConfidenceLabel, statusLabel } from './labels.js';

export const JSON_SCHEMA_VERSION = 1;

/** A cited source with its number; only cited sources are listed, in citation order. */
export interface JsonReference {
  n: number;
  key: string;
  type: Source['type'];
  title: string;
  /** `YYYY-MM-DD` or null. */
  date: string | null;
  /** http(s) link or null; never invented. */
  uri: string | null;
  snippet: string;
  /** The decision stage, null for parliament documents and unknown stages. */
  stage: DecisionStage | null;
  dossierId: string | null;
  mandatees: string[];
}

export interface JsonClaim {
  text: string;
  /** Reference numbers, in the claim's order, without repeats. */
  citations: number[];
}

export interface JsonCommitment {
  id: string;
  text: string;
  start: number;
  end: number;
  status: CommitmentStatus;
  /** Dutch display label of the status, e.g. "in uitvoering". */
  statusLabel: string;
  /** `hoog` (sterk bewijs) or `laag` (te controleren: check the candidate sources first). */
  confidence: Confidence;
  /** "sterk bewijs" or "te controleren". */
  confidenceLabel: string;
  /** Why the confidence is what it is, in Dutch. */
  confidenceReason: string;
  /** The language model whose verdicts set the status, or null for the offline assessment. */
  verifiedBy: string | null;
  /** The editors' review that set the status, with what the machine proposed; null when not reviewed. */
  review: {
    reviewedAt: string;
    publicNote: string;
    machineStatus: CommitmentStatus;
    machineStatusLabel: string;
    machineConfidence: Confidence;
  } | null;
  /** The reason with `{{cite:key}}` placeholders replaced by "[n]". */
  reason: string;
  /** Numbers cited by the reason, in order, without repeats. */
  citations: number[];
  decisiveSourceKey: string | null;
  /** Number of the decisive source when it is cited, else null. */
  decisiveCitation: number | null;
  /** Evidence with its match probability (`score`, 0-1); `n` is null for evidence that is not cited in the report. */
  evidence: { sourceKey: string; n: number | null; score: number; sharedTerms: string[] }[];
  problems: { sourceKey: string; n: number; quote: string }[];
}

export interface JsonDossier {
  id: string;
  title: string;
  firstDate: string;
  lastDate: string;
  furthestStage: DecisionStage;
  /** Chronological; `n` is null for a step found via the dossier but not cited. */
  steps: (DossierStep & { n: number | null })[];
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  title: string;
  section: SectionReport['section'];
  generator: SectionReport['generator'];
  generatedAt: string;
  /** The data generation the report was built from; a newer one means the report is out of date. */
  generation: number | null;
  /** The agreement the section belongs to (section ids recur across agreements). */
  agreement: string | null;
  body: { heading: string; paragraphs: JsonClaim[][] }[];
  commitments: JsonCommitment[];
  dossiers: JsonDossier[];
  references: JsonReference[];
}

function numberOfCited(key: string, numberOf: ReadonlyMap<string, number>): number {
  const n = numberOf.get(key);
  if (n === undefined) throw new UnknownCitationError(key, 'JSON export');
  return n;
}

function numbers(keys: readonly string[], numberOf: ReadonlyMap<string, number>): number[] {
  return uniqueKeys(keys).map((key) => numberOfCited(key, numberOf));
}

function reference(n: number, key: string, source: Source): JsonReference {
  return {
    n,
    key,
    type: source.type,
    title: source.title,
    date: source.date,
    uri: source.uri,
    snippet: source.snippet,
    stage: source.stage ?? null,
    dossierId: source.dossierId ?? null,
    mandatees: source.mandatees ?? [],
  };
}

/** The report as a plain object in the documented export shape. */
export function toJsonReport(report: SectionReport): JsonReport {
  const { order, numberOf } = numberCitations(report);
  const numberOrNull = (key: string | null): number | null => (key === null ? null : (numberOf.get(key) ?? null));
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    title: report.title,
    section: report.section,
    generator: report.generator,
    generatedAt: report.generatedAt,
    generation: report.generation ?? null,
    agreement: report.agreement ?? null,
    body: report.body.map((section) => ({
      heading: section.heading,
      paragraphs: section.paragraphs.map((claims) =>
        claims.map((claim) => ({ text: claim.text, citations: numbers(claim.citations, numberOf) })),
      ),
    })),
    commitments: report.commitments.map((commitment) => ({
      id: commitment.id,
      text: commitment.text,
      start: commitment.start,
      end: commitment.end,
      status: commitment.status,
      statusLabel: statusLabel(commitment.status),
      confidence: commitment.confidence,
      confidenceLabel: commitmentConfidenceLabel(commitment),
      confidenceReason: commitment.confidenceReason,
      verifiedBy: commitment.verifiedBy ?? null,
      review: commitment.review
        ? {
            reviewedAt: commitment.review.reviewedAt,
            publicNote: commitment.review.publicNote,
            machineStatus: commitment.review.machine.status,
            machineStatusLabel: statusLabel(commitment.review.machine.status),
            machineConfidence: commitment.review.machine.confidence,
          }
        : null,
      reason: replaceCitationPlaceholders(commitment.reason, numberOf, { citation: (n) => `[${n}]` }),
      citations: numbers(placeholderKeys(commitment.reason), numberOf),
      decisiveSourceKey: commitment.decisiveSourceKey,
      decisiveCitation: numberOrNull(commitment.decisiveSourceKey),
      evidence: commitment.evidence.map((evidence) => ({
        sourceKey: evidence.sourceKey,
        n: numberOrNull(evidence.sourceKey),
        score: evidence.score,
        sharedTerms: evidence.sharedTerms,
      })),
      problems: commitment.problems.map((problem) => ({
        sourceKey: problem.sourceKey,
        n: numberOfCited(problem.sourceKey, numberOf),
        quote: problem.quote,
      })),
    })),
    dossiers: report.dossiers.map((dossier) => ({
      id: dossier.id,
      title: dossier.title,
      firstDate: dossier.firstDate,
      lastDate: dossier.lastDate,
      furthestStage: dossier.furthestStage,
      steps: dossier.steps.map((step) => ({ ...step, n: numberOrNull(step.decisionId) })),
    })),
    references: order.map((key, index) => {
      const source = report.sources[key];
      if (!source) throw new UnknownCitationError(key, 'JSON export');
      return reference(index + 1, key, source);
    }),
  };
}

/** Pretty-printed (2 spaces), newline-terminated: stable output for diffs and golden files. */
export function renderJson(report: SectionReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
