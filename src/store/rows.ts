// Column <-> document mapping shared by every Store implementation, so the
// SQLite and PostgreSQL schemas cannot drift apart in meaning.
import type { AgreementSection, Decision, ParliamentDocument } from '../model/documents.js';
import { createHash } from 'node:crypto';
import { RuntimeFailure } from '../errors.js';
import type { CommitmentStatus } from '../report/model.js';
import type { ActiveSession, EvidenceJudgement, NewReview, ReviewAuditRecord, ReviewChange, ReviewState, Role, StoredReview, StoredUser } from './editorial.js';
import type { StoredVerdict } from './store.js';

type Row = Record<string, unknown>;

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const optStr = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number => Number(value);
const optNum = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export const sectionColumns = [
  'id', 'agreement', 'part_index', 'part', 'chapter', 'chapter_slug', 'number', 'title',
  'level', 'parent_id', 'ord', 'page_start', 'page_end', 'text',
] as const;

/** A section is known by its agreement and its id: "justitie/3.4" recurs across agreements. */
export const SECTION_KEY = ['agreement', 'id'] as const;

export function sectionToRow(s: AgreementSection): unknown[] {
  return [s.id, s.agreement, s.partIndex, s.part, s.chapter, s.chapterSlug, s.number, s.title,
    s.level, s.parentId, s.order, s.pageStart, s.pageEnd, s.text];
}

export function rowToSection(r: Row): AgreementSection {
  return {
    id: str(r.id),
    agreement: str(r.agreement),
    partIndex: num(r.part_index),
    part: str(r.part),
    chapter: str(r.chapter),
    chapterSlug: str(r.chapter_slug),
    number: str(r.number),
    title: str(r.title),
    level: num(r.level),
    parentId: optStr(r.parent_id),
    order: num(r.ord),
    pageStart: num(r.page_start),
    pageEnd: num(r.page_end),
    text: str(r.text),
  };
}

export const decisionColumns = [
  'id', 'uri', 'title', 'short_title', 'body_text', 'body_html', 'meeting_date', 'meeting_id',
  'item_type', 'mandatees', 'themes', 'position',
] as const;

export function decisionToRow(d: Decision): unknown[] {
  return [d.id, d.uri, d.title, d.shortTitle, d.bodyText, d.bodyHtml, d.meetingDate, d.meetingId,
    d.itemType, JSON.stringify(d.mandatees), JSON.stringify(d.themes), d.position];
}

function jsonColumn<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  // PostgreSQL's jsonb arrives parsed; SQLite's TEXT arrives as a string.
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function rowToDecision(r: Row): Decision {
  return {
    id: str(r.id),
    uri: str(r.uri),
    title: str(r.title),
    shortTitle: optStr(r.short_title),
    bodyText: str(r.body_text),
    bodyHtml: str(r.body_html),
    meetingDate: str(r.meeting_date),
    meetingId: optStr(r.meeting_id),
    itemType: optStr(r.item_type),
    mandatees: jsonColumn(r.mandatees, []),
    themes: jsonColumn(r.themes, []),
    position: optNum(r.position),
  };
}

export const parliamentColumns = [
  'id', 'kind', 'title', 'number', 'date', 'asker', 'addressee', 'question', 'answer', 'text',
  'uri', 'source_file',
] as const;

export function parliamentToRow(p: ParliamentDocument): unknown[] {
  return [p.id, p.kind, p.title, p.number, p.date, p.asker, p.addressee, p.question, p.answer,
    p.text, p.uri, p.sourceFile];
}

export function rowToParliament(r: Row): ParliamentDocument {
  return {
    id: str(r.id),
    kind: str(r.kind) as ParliamentDocument['kind'],
    title: str(r.title),
    number: optStr(r.number),
    date: optStr(r.date),
    asker: optStr(r.asker),
    addressee: optStr(r.addressee),
    question: optStr(r.question),
    answer: optStr(r.answer),
    text: str(r.text),
    uri: optStr(r.uri),
    sourceFile: str(r.source_file),
  };
}

export function toVerdict(r: Row): StoredVerdict {
  return {
    commitmentHash: String(r.commitment_hash),
    sourceKey: String(r.source_key),
    model: String(r.model),
    verdict: String(r.verdict),
    verifiedAt: String(r.verified_at),
  };
}

/** The checksum stored with a derived structure (sha256, hex). */
export function derivedChecksum(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A derived structure as read back: refused when it does not match its checksum (null: written before checksums). */
export function checkedDerived(name: string, data: Uint8Array, checksum: string | null): Uint8Array {
  if (checksum !== null && derivedChecksum(data) !== checksum) {
    throw new RuntimeFailure(`index beschadigd: voer ingest opnieuw uit (de opgeslagen structuur "${name}" klopt niet met haar controlesom)`);
  }
  return data;
}

export function rowToUser(r: Row): StoredUser {
  return {
    name: String(r.name),
    role: String(r.role) as Role,
    passwordHash: String(r.password_hash),
    createdAt: String(r.created_at),
    disabledAt: optStr(r.disabled_at),
    failedLogins: Number(r.failed_logins),
    lockedUntil: optStr(r.locked_until),
  };
}

export function rowToActiveSession(r: Row): ActiveSession {
  return {
    idHash: String(r.id_hash),
    userName: String(r.user_name),
    csrfToken: String(r.csrf_token),
    createdAt: String(r.created_at),
    expiresAt: String(r.expires_at),
    role: String(r.role) as Role,
    disabled: r.disabled_at != null,
  };
}

export function rowToReview(r: Row): StoredReview {
  return {
    agreement: String(r.agreement),
    sectionId: String(r.section_id),
    commitmentHash: String(r.commitment_hash),
    revision: Number(r.revision),
    status: String(r.status) as CommitmentStatus,
    publicNote: String(r.public_note),
    internalNote: String(r.internal_note),
    evidence: jsonColumn<Record<string, EvidenceJudgement>>(r.evidence, {}),
    seenSources: jsonColumn<string[]>(r.seen_sources, []),
    machineStatus: String(r.machine_status) as CommitmentStatus,
    reviewer: String(r.reviewer),
    reviewedAt: String(r.reviewed_at),
  };
}

export function rowToAuditRecord(r: Row): ReviewAuditRecord {
  return {
    id: Number(r.id),
    agreement: String(r.agreement),
    sectionId: String(r.section_id),
    commitmentHash: String(r.commitment_hash),
    user: String(r.user_name),
    at: String(r.at),
    before: jsonColumn<ReviewState | null>(r.before, null),
    after: jsonColumn<ReviewState>(r.after, { status: 'geen-spoor', publicNote: '', internalNote: '', evidence: {} }),
  };
}

export const reviewColumns = [
  'agreement', 'section_id', 'commitment_hash', 'revision', 'status', 'public_note', 'internal_note',
  'evidence', 'seen_sources', 'machine_status', 'reviewer', 'reviewed_at',
] as const;

export function reviewToRow(review: NewReview, revision: number): unknown[] {
  return [
    review.agreement, review.sectionId, review.commitmentHash, revision, review.status, review.publicNote, review.internalNote,
    JSON.stringify(review.evidence), JSON.stringify(review.seenSources), review.machineStatus, review.reviewer, review.reviewedAt,
  ];
}

/** What the audit log records of a review. */
export function reviewState(review: ReviewState): ReviewState {
  return { status: review.status, publicNote: review.publicNote, internalNote: review.internalNote, evidence: review.evidence };
}

/** What the audit log records as the state after a change: the new review, or for a withdrawal the machine's status and nothing of the editors'. */
export function stateAfter(change: ReviewChange): ReviewState {
  return change.review ? reviewState(change.review) : { status: change.machineStatus, publicNote: '', internalNote: '', evidence: {}, withdrawn: true };
}
