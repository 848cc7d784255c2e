// What the store keeps for editorial review: accounts, login sessions, the
// current review of each reviewed commitment and the audit log of every change.
// The rules (who may do what, how a review changes a status) live in editor/.
import type { CommitmentStatus } from '../report/model.js';

/** The reason recorded with a generation that an editor's review added. */
export const REVIEW_GENERATION = 'review';

export type Role = 'editor' | 'admin';
export const ROLES: readonly Role[] = ['editor', 'admin'];

export interface StoredUser {
  name: string;
  role: Role;
  /** scrypt parameters, salt and key (editor/passwords.ts). */
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
  /** Failed logins since the last success: shared by every server process. */
  failedLogins: number;
  lockedUntil: string | null;
}

export interface StoredSession {
  /** sha256 of the session id: the id itself is only ever in the reader's cookie. */
  idHash: string;
  userName: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** A session as a request sees it: with its user's role and whether the account still works. */
export interface ActiveSession extends StoredSession {
  role: Role;
  disabled: boolean;
}

export type EvidenceJudgement = 'aanvaard' | 'verworpen';

/** What a review says, as the audit log records it before and after a change. */
export interface ReviewState {
  status: CommitmentStatus;
  publicNote: string;
  internalNote: string;
  /** Source key -> the editor's judgement; sources not named were not judged. */
  evidence: Record<string, EvidenceJudgement>;
  /** Set on the audit record of a withdrawal: the promise went back to the machine's status (`status`). */
  withdrawn?: true;
}

/** Which commitment a review is about: its agreement, section and text (sha256, whitespace collapsed). */
export interface ReviewKey {
  agreement: string;
  sectionId: string;
  commitmentHash: string;
}

export interface StoredReview extends ReviewKey, ReviewState {
  /** The audit record of the latest change: what an editor must name to change it again. */
  revision: number;
  /** The sources the machine proposed when the review was made: anything else is new evidence. */
  seenSources: string[];
  /** The automatic status when the review was made. */
  machineStatus: CommitmentStatus;
  reviewer: string;
  reviewedAt: string;
}

export interface ReviewAuditRecord extends ReviewKey {
  id: number;
  user: string;
  at: string;
  before: ReviewState | null;
  after: ReviewState;
}

export type NewReview = Omit<StoredReview, 'revision'>;

/** A change to one commitment's review: a new version of it, or (`review` null) its withdrawal, back to the machine's status. */
export interface ReviewChange {
  key: ReviewKey;
  review: NewReview | null;
  /** The automatic status: what a withdrawal hands the promise back to. */
  machineStatus: CommitmentStatus;
  user: string;
  at: string;
  /** The revision the editor started from (null: not reviewed yet); any other current revision refuses the change. */
  expectedRevision: number | null;
}

/** A change that found another revision than the one the editor started from. */
export interface ReviewConflict {
  conflict: StoredReview | null;
}

export interface EditorialStore {
  /** Adds an account; an InputError when the name is taken. */
  addUser(user: Pick<StoredUser, 'name' | 'role' | 'passwordHash' | 'createdAt'>): Promise<void>;
  users(): Promise<StoredUser[]>;
  user(name: string): Promise<StoredUser | null>;
  /** Disables (a date) or enables (null) an account; disabling ends its sessions. False for an unknown name. */
  setUserDisabled(name: string, disabledAt: string | null): Promise<boolean>;
  setLoginFailures(name: string, failedLogins: number, lockedUntil: string | null): Promise<void>;
  /** Replaces an account's password hash, lifts its lock and ends its sessions. False for an unknown name. */
  setPassword(name: string, passwordHash: string): Promise<boolean>;
  /** Stores a new session and removes sessions that expired before its creation. */
  createSession(session: StoredSession): Promise<void>;
  /** The unexpired session with this id hash, with its user. */
  session(idHash: string, now: string): Promise<ActiveSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** The current reviews of one agreement. */
  reviews(agreement: string): Promise<StoredReview[]>;
  /**
   * Applies a change to one commitment's review (a new version, or its
   * withdrawal) with its audit record and a generation, in one transaction;
   * refused (nothing written) when the commitment's current revision is not
   * `change.expectedRevision`.
   */
  changeReview(change: ReviewChange): Promise<{ revision: number; generation: number } | ReviewConflict>;
  /** Every change to one commitment's review, oldest first. */
  reviewLog(key: ReviewKey): Promise<ReviewAuditRecord[]>;
  /** Why each generation after `generation` was added ("ingest", "verify", "review"), oldest first. */
  generationReasons(after: number): Promise<string[]>;
}
