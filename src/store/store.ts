import type { EditorialStore } from './editorial.js';
import type { AgreementSection, Decision, IngestIssue, ParliamentDocument } from '../model/documents.js';

export interface DocumentCounts {
  sections: number;
  decisions: number;
  parliament: number;
}

/** Everything one ingest run writes, applied in one transaction. */
export interface IngestBatch {
  /** Agreements to (re)place whole: every section of such an agreement not in the batch is removed. */
  agreements: { agreement: string; sections: AgreementSection[] }[];
  /** Upserted by id: re-ingesting the same records changes nothing. */
  decisions: Decision[];
  parliament: ParliamentDocument[];
  issues: IngestIssue[];
  /**
   * Builds derived structures (search postings, vectors, dossiers) from the whole corpus as it
   * stands after the batch's writes; runs inside the same transaction so the index never goes
   * out of step with the documents.
   */
  derive?: (corpus: Corpus) => DerivedBlob[];
  /**
   * `changed`: derive only when the batch wrote something or nothing derived is
   * stored yet (an update that finds nothing new then costs no rebuild).
   * Default `always`, so that a new version's ingest rebuilds its structures.
   */
  deriveWhen?: 'always' | 'changed';
}

/** Whether a batch's derive step runs, given what it wrote and whether derived structures exist. */
export function shouldDerive(batch: IngestBatch, written: DocumentCounts, hasDerived: boolean): boolean {
  if (!batch.derive) return false;
  if (batch.deriveWhen !== 'changed') return true;
  return !hasDerived || written.sections + written.decisions + written.parliament > 0;
}

/** Every stored document, as handed to a derive step. */
export interface Corpus {
  sections: AgreementSection[];
  decisions: Decision[];
  parliament: ParliamentDocument[];
}

export interface DerivedBlob {
  name: string;
  data: Uint8Array;
}

/** A document's vector from an external embedding model. */
export interface DocumentEmbedding {
  docId: string;
  /** Hash of the text that was embedded: a document whose text changed needs a new vector. */
  textHash: string;
  vector: Float32Array;
}

/** What is stored for a document and model, short of the vector itself. */
export interface EmbeddingKey {
  textHash: string;
  dims: number;
}

/** A language model's verdict on whether a source carries out a commitment (see assess/verify.ts). */
export interface StoredVerdict {
  /** sha256 of the commitment's text (whitespace collapsed). */
  commitmentHash: string;
  sourceKey: string;
  model: string;
  verdict: string;
  verifiedAt: string;
}

export interface IngestRun {
  id: number;
  finishedAt: string;
  counts: DocumentCounts;
  /** Documents written in the run, by kind. */
  written: DocumentCounts;
  issues: IngestIssue[];
}

/**
 * The one storage interface; SQLite is the embedded default.
 * Async throughout so that a networked implementation (PostgreSQL) fits the same shape.
 */
export interface Store extends EditorialStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies a batch atomically: either all of it is stored or none of it. */
  ingest(batch: IngestBatch): Promise<IngestRun>;
  counts(): Promise<DocumentCounts>;
  sections(agreement?: string): Promise<AgreementSection[]>;
  /** A section of this agreement, or (without one) of the newest agreement that has the id. */
  section(id: string, agreement?: string): Promise<AgreementSection | null>;
  /** The stored agreements in name order (the newest last: their names carry their years), with their section counts. */
  agreements(): Promise<{ agreement: string; sections: number }[]>;
  decision(id: string): Promise<Decision | null>;
  decisions(ids?: readonly string[]): Promise<Decision[]>;
  /** The latest meeting date (`YYYY-MM-DD`) of any stored decision; null when there are none. Where an update resumes. */
  newestMeetingDate(): Promise<string | null>;
  parliamentDocument(id: string): Promise<ParliamentDocument | null>;
  /** All parliament documents, or those with these ids (in the ids' order, unknown ids left out). */
  parliamentDocuments(ids?: readonly string[]): Promise<ParliamentDocument[]>;
  lastIngest(): Promise<IngestRun | null>;
  /** Reads a structure written by an ingest's derive step; null when there is none. */
  derived(name: string): Promise<Uint8Array | null>;
  /** Stores one model's vectors in one transaction, replacing older vectors of the same documents. */
  putEmbeddings(model: string, embeddings: readonly DocumentEmbedding[]): Promise<void>;
  /** Which documents have a vector of this model, and of what text and dimension. */
  embeddingKeys(model: string): Promise<Map<string, EmbeddingKey>>;
  /** Every stored vector of this model. */
  embeddings(model: string): Promise<DocumentEmbedding[]>;
  /** Stores verdicts in one transaction; a pair verified again keeps the newest verdict. */
  putVerdicts(verdicts: readonly StoredVerdict[]): Promise<void>;
  /** Every stored verdict (an ingest leaves them alone). */
  verdicts(): Promise<StoredVerdict[]>;
  /**
   * The newest data generation: it grows with every commit that changes what
   * readers see (an ingest or update that wrote or rebuilt something, stored
   * verdicts); 0 for an empty store. Servers poll it to reload.
   */
  generation(): Promise<number>;
  /**
   * Calls `onCommit` whenever any process commits a generation, for stores
   * that can push (PostgreSQL's LISTEN/NOTIFY); resolves with a function that
   * stops listening. Absent where only polling works (SQLite).
   */
  watchGenerations?(onCommit: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
