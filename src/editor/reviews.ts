// How an editor's review changes what readers see. A reviewed commitment
// shows the editor's status, with the reason and sources the editor stands
// behind, in every view (pages, API, reports, exports); the machine's proposal
// stays with it, and evidence the machine found after the review is flagged
// so the commitment returns to the review queue.
import { statusLabels } from '../assess/status.js';
import { commitmentHash } from '../assess/verify.js';
import type { Commitment, CommitmentStatus } from '../report/model.js';
import type { EvidenceJudgement, StoredReview } from '../store/editorial.js';
import { collapseWhitespace, formatDutchDate } from '../text/index.js';

export const REVIEW_STATUSES: readonly CommitmentStatus[] = ['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor'];
export const MAX_NOTE_CHARS = 4000;

/**
 * A note as stored: plain text without control characters (line breaks
 * kept) and without the report's citation placeholders, so a note can never
 * cite a source or inject markup; at most MAX_NOTE_CHARS.
 */
export function cleanNote(note: string): string {
  return note
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\{\{|\}\}/g, '')
    .trim()
    .slice(0, MAX_NOTE_CHARS);
}

/** "2 december 2026", from an ISO time. */
export function reviewDate(reviewedAt: string): string {
  return formatDutchDate(reviewedAt.slice(0, 10));
}

/** "beoordeeld door de redactie op 2 december 2026": how every view marks a reviewed status. */
export function reviewedLabel(reviewedAt: string): string {
  return `beoordeeld door de redactie op ${reviewDate(reviewedAt)}`;
}

const reviewKey = (sectionId: string, hash: string) => `${sectionId}\u0000${hash}`;

/** The commitment as readers see it once reviewed (`machine` is the automatic assessment). */
export function reviewedCommitment(machine: Commitment, review: StoredReview): Commitment {
  const judged = (key: string): EvidenceJudgement | undefined => review.evidence[key];
  const evidence = machine.evidence.filter((e) => judged(e.sourceKey) !== 'verworpen');
  const accepted = evidence.filter((e) => judged(e.sourceKey) === 'aanvaard').map((e) => e.sourceKey);
  const machineDecisive = machine.decisiveSourceKey && judged(machine.decisiveSourceKey) !== 'verworpen' ? machine.decisiveSourceKey : null;
  const decisiveSourceKey = review.status === 'geen-spoor' ? null : (accepted[0] ?? machineDecisive);
  const cited = accepted.length ? accepted : decisiveSourceKey ? [decisiveSourceKey] : [];
  const note = collapseWhitespace(review.publicNote);
  const reason = [`Beoordeeld door de redactie op ${reviewDate(review.reviewedAt)}${note ? `: ${note}` : '.'}`, ...cited.map((key) => `{{cite:${key}}}`)].join(' ');
  const seen = new Set(review.seenSources);
  return {
    ...machine,
    evidence,
    status: review.status,
    reason,
    confidence: 'hoog',
    confidenceReason:
      review.status === machine.status
        ? `De redactie bevestigde het automatische voorstel ("${statusLabels[machine.status]}").`
        : `De redactie wijzigde het automatische voorstel ("${statusLabels[machine.status]}").`,
    decisiveSourceKey,
    problems: machine.problems.filter((p) => judged(p.sourceKey) !== 'verworpen'),
    review: {
      reviewedAt: review.reviewedAt,
      publicNote: review.publicNote,
      evidence: review.evidence,
      newSources: machine.evidence.map((e) => e.sourceKey).filter((key) => !seen.has(key)),
      machine: {
        status: machine.status,
        confidence: machine.confidence,
        confidenceReason: machine.confidenceReason,
        reason: machine.reason,
        decisiveSourceKey: machine.decisiveSourceKey,
        ...(machine.verifiedBy ? { verifiedBy: machine.verifiedBy } : {}),
      },
    },
  };
}

export interface ReviewedAssessments {
  assessments: Map<string, Commitment[]>;
  /** Reviews whose sentence the agreement no longer has (a re-parsed text): kept, and listed for the editors. */
  orphans: StoredReview[];
}

/** The machine's assessments with the editors' reviews laid over them. */
export function applyReviews(machine: ReadonlyMap<string, readonly Commitment[]>, reviews: readonly StoredReview[]): ReviewedAssessments {
  const byKey = new Map(reviews.map((r) => [reviewKey(r.sectionId, r.commitmentHash), r]));
  const used = new Set<StoredReview>();
  const assessments = new Map<string, Commitment[]>();
  for (const [sectionId, commitments] of machine) {
    assessments.set(
      sectionId,
      commitments.map((c) => {
        const review = byKey.size ? byKey.get(reviewKey(sectionId, commitmentHash(c.text))) : undefined;
        if (!review) return c;
        used.add(review);
        return reviewedCommitment(c, review);
      }),
    );
  }
  return { assessments, orphans: reviews.filter((r) => !used.has(r)) };
}
