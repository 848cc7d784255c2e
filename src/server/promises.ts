// Promises as readers browse them: every commitment of the agreement as one
// row (filterable by status, chapter, minister, confidence and text, with
// counts that follow the filters, exportable as CSV), and one commitment in
// full for its own page. All from the generation's stored assessments.
import { stageLabel } from '../dossiers/stage.js';
import { assessSection } from '../report/build.js';
import type { ReportContext } from '../report/context.js';
import type { Commitment, CommitmentStatus, Confidence, Source } from '../report/model.js';
import { placeholderKeys } from '../report/render/citations.js';
import { commitmentConfidenceLabel, confidenceLabel, statusLabel } from '../report/render/labels.js';
import { chapterOf } from '../sources/agreement/index.js';
import { emptyStatusCounts, type StatusCounts } from '../report/status-counts.js';
import { sourcesByKey } from '../report/sources.js';
import { foldForMatching } from '../text/index.js';
import { reviewedLabel } from '../editor/reviews.js';
import { commitmentHash } from '../assess/verify.js';
import { STATUS_PROGRESS, stageStatus } from '../assess/status.js';
import type { Dossier } from '../dossiers/types.js';
import type { EvidenceJudgement, ReviewAuditRecord, ReviewKey } from '../store/editorial.js';

export interface PromiseSource {
  key: string;
  type: 'decision' | 'parliament';
  title: string;
  date: string | null;
  uri: string | null;
  stage: string | null;
  /** Dutch label of the stage, e.g. "definitieve goedkeuring". */
  stageLabel: string | null;
}

export interface PromiseRow {
  /** `<section id>#<n>`, as in reports. */
  id: string;
  /** `<section id>/<n>`: the promise's page is `/belofte/<path>`. */
  path: string;
  n: number;
  sectionId: string;
  sectionNumber: string;
  sectionTitle: string;
  chapterId: string;
  chapter: string;
  text: string;
  status: CommitmentStatus;
  statusLabel: string;
  confidence: Confidence;
  confidenceLabel: string;
  /** The reason with its citation turned into the source's title. */
  reason: string;
  decisive: PromiseSource | null;
  /** The ministers who proposed the decisive decision. */
  ministers: string[];
  verifiedBy: string | null;
  /** When an editor last reviewed it (ISO time); null when not reviewed: the status is then the machine's. */
  reviewedAt: string | null;
  /** What the machine proposes (the same as `status` when not reviewed). */
  machineStatus: CommitmentStatus;
  machineStatusLabel: string;
  /** Sources the machine found after the review: the promise is back in the review queue. */
  newEvidence: number;
}

const toPromiseSource = (s: Source): PromiseSource => ({
  key: s.key,
  type: s.type,
  title: s.title,
  date: s.date,
  uri: s.uri,
  stage: s.stage ?? null,
  stageLabel: s.stage ? stageLabel(s.stage) : null,
});

/** Every commitment of the generation, in agreement order; decisive sources read from the store in one go. */
export async function promiseRows(context: ReportContext): Promise<PromiseRow[]> {
  const decisiveKeys = new Set<string>();
  for (const commitments of context.assessments.values()) for (const c of commitments) if (c.decisiveSourceKey) decisiveKeys.add(c.decisiveSourceKey);
  const sources = await sourcesByKey(context, decisiveKeys);
  const rows: PromiseRow[] = [];
  const byId = new Map(context.sections.map((s) => [s.id, s]));
  for (const section of context.sections) {
    const chapter = chapterOf(byId, section);
    for (const c of context.assessments.get(section.id) ?? []) {
      const n = Number(c.id.slice(c.id.lastIndexOf('#') + 1));
      const decisive = c.decisiveSourceKey ? sources.get(c.decisiveSourceKey) : undefined;
      rows.push({
        id: c.id,
        path: `${section.id}/${n}`,
        n,
        sectionId: section.id,
        sectionNumber: section.number,
        sectionTitle: section.title,
        chapterId: chapter.id,
        chapter: chapter.title,
        text: c.text,
        status: c.status,
        statusLabel: statusLabel(c.status),
        confidence: c.confidence,
        confidenceLabel: commitmentConfidenceLabel(c),
        reason: c.reason.replace(/\s*\{\{cite:[^{}]*\}\}/g, ''),
        decisive: decisive ? toPromiseSource(decisive) : null,
        ministers: decisive?.mandatees ?? [],
        verifiedBy: c.verifiedBy ?? null,
        reviewedAt: c.review?.reviewedAt ?? null,
        machineStatus: c.review?.machine.status ?? c.status,
        machineStatusLabel: statusLabel(c.review?.machine.status ?? c.status),
        newEvidence: c.review?.newSources.length ?? 0,
      });
    }
  }
  return rows;
}

export interface PromiseFilters {
  status?: CommitmentStatus;
  chapter?: string;
  confidence?: Confidence;
  /** Case-insensitive part of a minister's name. */
  minister?: string;
  /** Words that must all occur in the commitment's text (accents and case ignored). */
  q?: string;
  /** `ja`: only promises an editor reviewed; `nee`: only the machine's. */
  reviewed?: 'ja' | 'nee';
}

export interface FilteredPromises {
  total: number;
  /** Per status within the other filters, so the counts beside a status filter say what choosing it would give. */
  counts: StatusCounts;
  toCheck: number;
  /** How many of them an editor reviewed. */
  reviewed: number;
  rows: PromiseRow[];
}

// A row's text folded for matching, made once per row (rows live as long as their generation).
const foldedText = new WeakMap<PromiseRow, string>();
function folded(row: PromiseRow): string {
  let text = foldedText.get(row);
  if (text === undefined) foldedText.set(row, (text = foldForMatching(row.text)));
  return text;
}

export function filterPromises(rows: readonly PromiseRow[], filters: PromiseFilters): FilteredPromises {
  const words = filters.q ? foldForMatching(filters.q).split(/\s+/).filter(Boolean) : [];
  const minister = filters.minister?.toLowerCase();
  const rest = rows.filter(
    (r) =>
      (!filters.chapter || r.chapterId === filters.chapter) &&
      (!filters.confidence || r.confidence === filters.confidence) &&
      (!filters.reviewed || (r.reviewedAt !== null) === (filters.reviewed === 'ja')) &&
      (!minister || r.ministers.some((m) => m.toLowerCase().includes(minister))) &&
      (words.length === 0 || words.every((w) => folded(r).includes(w))),
  );
  const counts = emptyStatusCounts();
  for (const r of rest) counts[r.status]++;
  const selected = filters.status ? rest.filter((r) => r.status === filters.status) : rest;
  return {
    total: selected.length,
    counts,
    toCheck: selected.filter((r) => r.confidence === 'laag').length,
    reviewed: selected.filter((r) => r.reviewedAt !== null).length,
    rows: selected,
  };
}

export type QueueReason = 'nieuw-bewijs' | 'te-controleren';

/**
 * What the editors should look at, in agreement order within each group:
 * first reviewed promises with evidence found since their review, then the
 * unreviewed promises whose automatic status is "te controleren" and claims
 * progress (a wrong "gerealiseerd" misleads most), then those without a trace.
 */
export function reviewQueue(rows: readonly PromiseRow[]): (PromiseRow & { queueReason: QueueReason })[] {
  const toCheck = rows.filter((r) => r.reviewedAt === null && r.confidence === 'laag');
  return [
    ...rows.filter((r) => r.reviewedAt !== null && r.newEvidence > 0).map((r) => ({ ...r, queueReason: 'nieuw-bewijs' as const })),
    ...[...toCheck.filter((r) => r.status !== 'geen-spoor'), ...toCheck.filter((r) => r.status === 'geen-spoor')].map((r) => ({ ...r, queueReason: 'te-controleren' as const })),
  ];
}

const CSV_COLUMNS = ['id', 'hoofdstuk', 'sectie', 'engagement', 'status', 'zekerheid', 'toelichting', 'bron', 'bron_datum', 'bron_link', 'ministers', 'nagekeken_door', 'beoordeeld_door_redactie_op', 'voorstel_machine'] as const;

/** RFC 4180 CSV (a header row, every field quoted), with a BOM so spreadsheet programs read the accents right. */
export function promisesCsv(rows: readonly PromiseRow[]): string {
  // A leading = + - @ would be read as a formula by spreadsheet programs: neutralised with a quote.
  const field = (value: string | null) => `"${(value ?? '').replace(/^([=+\-@\t\r])/, "'$1").replace(/"/g, '""')}"`;
  const lines = rows.map((r) =>
    [
      r.id,
      r.chapter,
      `${r.sectionNumber} ${r.sectionTitle}`,
      r.text,
      r.statusLabel,
      r.confidenceLabel,
      r.reason,
      r.decisive?.title ?? null,
      r.decisive?.date ?? null,
      r.decisive?.uri ?? null,
      r.ministers.join('; '),
      r.verifiedBy,
      r.reviewedAt,
      r.machineStatusLabel,
    ]
      .map(field)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

export interface PromiseDetail {
  promise: PromiseRow;
  /** The sentence's section: where it stands in the agreement. */
  section: { id: string; number: string; title: string; part: string; chapter: string; text: string };
  /** The reason with "[n]" for the numbered sources. */
  reason: string;
  confidenceReason: string;
  /** Evidence, best match first, numbered from 1; `match` is the match probability; `judgement` the editors' (rejected sources are listed last). */
  sources: (PromiseSource & { n: number; match: number; decisive: boolean; snippet: string; ministers: string[]; judgement: EvidenceJudgement | null; newSinceReview: boolean })[];
  /** The editors' review, when there is one: it set the status above. */
  review: {
    reviewedAt: string;
    /** "beoordeeld door de redactie op 2 december 2026". */
    label: string;
    publicNote: string;
    /** The numbers of the sources the review rests on. */
    sources: number[];
    /** What the machine proposed, its reason with "[n]" for the numbered sources. */
    machine: { status: CommitmentStatus; statusLabel: string; confidence: Confidence; confidenceLabel: string; reason: string };
  } | null;
  /** Every change the editors made, oldest first: when, from which status to which, and the public note. */
  history: {
    at: string;
    statusBefore: CommitmentStatus | null;
    statusBeforeLabel: string | null;
    status: CommitmentStatus;
    statusLabel: string;
    publicNote: string;
    /** The review was withdrawn: `status` is the machine's again. */
    withdrawn: boolean;
  }[];
  dossiers: { id: string; title: string; steps: { decisionId: string; date: string; stageLabel: string; n: number | null }[] }[];
  problems: { quote: string; n: number | null }[];
  /**
   * How the machine's status came about over time: the dated decisions of the
   * decisive dossier that took the promise further (`n`: its source number).
   */
  progress: (ProgressStep & { n: number | null })[];
}

/** One commitment in full; `log` is its review's audit log (the public part becomes `history`). */
export async function promiseDetail(context: ReportContext, promise: PromiseRow, log: readonly ReviewAuditRecord[] = []): Promise<PromiseDetail> {
  const { sectionId } = promise;
  const model = await assessSection(context, sectionId, { scope: 'own' });
  const commitment = model.commitments.find((c) => c.id === promise.id)!;
  const judgements = commitment.review?.evidence ?? {};
  const newSources = new Set(commitment.review?.newSources ?? []);
  // Sources the editors rejected are not evidence any more, but readers may see what was set aside.
  const machine = context.machineAssessments.get(sectionId)?.find((c) => c.id === promise.id);
  const rejected = (machine?.evidence ?? []).filter((e) => judgements[e.sourceKey] === 'verworpen');
  const rejectedSources = await sourcesByKey(context, rejected.map((e) => e.sourceKey));
  const numberOf = new Map<string, number>();
  const sources: PromiseDetail['sources'] = [];
  for (const e of [...commitment.evidence, ...rejected]) {
    const source = model.sources[e.sourceKey] ?? rejectedSources.get(e.sourceKey);
    if (!source || numberOf.has(source.key)) continue;
    numberOf.set(source.key, sources.length + 1);
    sources.push({
      ...toPromiseSource(source),
      n: sources.length + 1,
      match: Math.round(e.score * 100) / 100,
      decisive: source.key === commitment.decisiveSourceKey,
      snippet: source.snippet,
      ministers: source.mandatees ?? [],
      judgement: judgements[source.key] ?? null,
      newSinceReview: newSources.has(source.key),
    });
  }
  const numbered = (text: string) => text.replace(/\{\{cite:([^{}]*)\}\}/g, (_, key: string) => (numberOf.has(key) ? `[${numberOf.get(key)}]` : '')).trim();
  const reason = numbered(commitment.reason);
  const cited = new Set(placeholderKeys(commitment.reason));
  const proposal = commitment.review?.machine;
  return {
    promise,
    review:
      commitment.review && proposal
        ? {
            reviewedAt: commitment.review.reviewedAt,
            label: reviewedLabel(commitment.review.reviewedAt),
            publicNote: commitment.review.publicNote,
            sources: placeholderKeys(commitment.reason).flatMap((key) => (numberOf.has(key) ? [numberOf.get(key)!] : [])),
            machine: {
              status: proposal.status,
              statusLabel: statusLabel(proposal.status),
              confidence: proposal.confidence,
              confidenceLabel: confidenceLabel(proposal.confidence),
              reason: numbered(proposal.reason),
            },
          }
        : null,
    history: log.map((record) => ({
      at: record.at,
      statusBefore: record.before?.status ?? null,
      statusBeforeLabel: record.before ? statusLabel(record.before.status) : null,
      status: record.after.status,
      statusLabel: statusLabel(record.after.status),
      publicNote: record.after.publicNote,
      withdrawn: record.after.withdrawn === true,
    })),
    section: { id: model.section.id, number: model.section.number, title: model.section.title, part: model.section.part, chapter: model.section.chapter, text: model.section.text },
    reason,
    confidenceReason: commitment.confidenceReason,
    sources,
    dossiers: model.dossiers
      .filter((d) => d.steps.some((s) => numberOf.has(s.decisionId) || cited.has(s.decisionId)))
      .map((d) => ({ id: d.id, title: d.title, steps: d.steps.map((s) => ({ decisionId: s.decisionId, date: s.date, stageLabel: s.stageLabel, n: numberOf.get(s.decisionId) ?? null })) })),
    problems: commitment.problems.map((p) => ({ quote: p.quote, n: numberOf.get(p.sourceKey) ?? null })),
    progress: progressOf(machine ?? commitment, context.dossierOf).map((step) => ({ ...step, n: numberOf.get(step.decisionId) ?? null })),
  };
}

/** One step forward of a commitment in the real world: the decision that took it to a further status. */
export interface ProgressStep {
  date: string;
  status: CommitmentStatus;
  statusLabel: string;
  stageLabel: string;
  decisionId: string;
}

/**
 * When the commitment got where the machine says it is, and by which
 * decision: the steps of the decisive decision's dossier that took it to a
 * further status, never beyond the status the evidence supports.
 */
export function progressOf(commitment: Pick<Commitment, 'status' | 'decisiveSourceKey'>, dossierOf: ReadonlyMap<string, Dossier>): ProgressStep[] {
  const dossier = commitment.decisiveSourceKey ? dossierOf.get(commitment.decisiveSourceKey) : undefined;
  if (!dossier) return [];
  const ceiling = STATUS_PROGRESS[commitment.status];
  const steps: ProgressStep[] = [];
  let reached = 0;
  for (const step of dossier.steps) {
    const status = stageStatus(step.stage);
    if (!status || STATUS_PROGRESS[status] <= reached || STATUS_PROGRESS[status] > ceiling) continue;
    reached = STATUS_PROGRESS[status];
    steps.push({ date: step.date, status, statusLabel: statusLabel(status), stageLabel: step.stageLabel, decisionId: step.decisionId });
  }
  return steps;
}

/** A promise a document is evidence for, as its document page lists it. */
export interface CitingPromise {
  path: string;
  text: string;
  sectionNumber: string;
  sectionTitle: string;
  status: CommitmentStatus;
  statusLabel: string;
  /** Whether the document decided the status. */
  decisive: boolean;
}

/** The promises whose shown evidence includes this document, in agreement order. */
export function promisesCiting(context: ReportContext, rows: readonly PromiseRow[], documentId: string): CitingPromise[] {
  const citing = new Map<string, boolean>();
  for (const commitments of context.assessments.values()) {
    for (const c of commitments) if (c.evidence.some((e) => e.sourceKey === documentId)) citing.set(c.id, c.decisiveSourceKey === documentId);
  }
  return rows
    .filter((r) => citing.has(r.id))
    .map((r) => ({ path: r.path, text: r.text, sectionNumber: r.sectionNumber, sectionTitle: r.sectionTitle, status: r.status, statusLabel: r.statusLabel, decisive: citing.get(r.id)! }));
}

/**
 * The page of a promise, with its review history. A review adds a generation,
 * so the history read here belongs to the same generation as the statuses.
 */
export async function loadPromiseDetail(context: ReportContext, promise: PromiseRow): Promise<PromiseDetail> {
  const log = context.agreement ? await context.store.reviewLog(reviewKeyOf(context.agreement, promise)) : [];
  return promiseDetail(context, promise, log);
}

/** The key of a promise's reviews: its agreement, section and sentence. */
export function reviewKeyOf(agreement: string, promise: Pick<PromiseRow, 'sectionId' | 'text'>): ReviewKey {
  return { agreement, sectionId: promise.sectionId, commitmentHash: commitmentHash(promise.text) };
}
