// Everything report generation reads from the store, loaded once per run
// (one report or all of them) so sections are not re-read per report.
import { loadAssessments, type AssessmentsBySection } from '../assess/persisted.js';
import { applyVerdicts, indexVerdicts } from '../assess/verify.js';
import { loadDossiers } from '../dossiers/persisted.js';
import type { Dossier } from '../dossiers/types.js';
import type { AgreementSection, ParliamentDocument } from '../model/documents.js';
import { loadSearch, type LoadedSearch } from '../search/persisted.js';
import { agreementSections } from '../store/agreements.js';
import type { StoredReview } from '../store/editorial.js';
import type { Store } from '../store/store.js';
import { applyReviews } from '../editor/reviews.js';
import { sourcesByKey } from './sources.js';

export interface ReportContext {
  store: Store;
  search: LoadedSearch;
  sections: AgreementSection[];
  /** Decision id -> its dossier. */
  dossierOf: Map<string, Dossier>;
  /** Every parliament document by id (few; cited and scanned for problem signals without a store read). */
  parliament: Map<string, ParliamentDocument>;
  /** Every section's own commitments, assessed once at ingest, with the editors' reviews laid over them: what every view shows. */
  assessments: AssessmentsBySection;
  /** The same before the reviews: what the machine proposes (verified evidence included). */
  machineAssessments: AssessmentsBySection;
  /** Reviews whose sentence this agreement no longer has. */
  orphanReviews: StoredReview[];
  /** The data generation this context was loaded from. */
  generation: number;
  /** The agreement whose sections these are; null for an index without one. */
  agreement: string | null;
}

/** How often a load is tried again when a writer committed while it read. */
const CONSISTENT_LOAD_ATTEMPTS = 3;

/**
 * Everything a report needs, for one agreement: the one named, else the only
 * or newest one. The pieces are read one after another, so the generation is
 * read before and after: a commit in between makes the load start again, and
 * a context never mixes two generations.
 */
export async function loadReportContext(store: Store, requestedAgreement?: string): Promise<ReportContext> {
  for (let attempt = 1; ; attempt++) {
    const context = await loadOnce(store, requestedAgreement);
    if (attempt >= CONSISTENT_LOAD_ATTEMPTS || (await store.generation()) === context.generation) return context;
  }
}

async function loadOnce(store: Store, requestedAgreement?: string): Promise<ReportContext> {
  const generation = await store.generation();
  const [search, { dossierOf }, parliament] = await Promise.all([loadSearch(store), loadDossiers(store), store.parliamentDocuments()]);
  const shared = { store, search, dossierOf, parliament: new Map(parliament.map((p) => [p.id, p])), generation };
  return { ...shared, ...(await agreementPart(shared, requestedAgreement)) };
}

type SharedPart = Pick<ReportContext, 'store' | 'search' | 'dossierOf' | 'parliament' | 'generation'>;

// What differs per agreement: its sections and their assessments.
type AgreementPart = Pick<ReportContext, 'agreement' | 'sections' | 'assessments' | 'machineAssessments' | 'orphanReviews'>;

async function agreementPart(shared: SharedPart, requestedAgreement?: string): Promise<AgreementPart> {
  const { store, parliament } = shared;
  const { agreement, sections } = await agreementSections(store, requestedAgreement);
  const [stored, verdicts, reviews] = await Promise.all([
    loadAssessments(store, agreement),
    store.verdicts(),
    agreement ? store.reviews(agreement) : Promise.resolve([]),
  ]);
  // A language model's verdicts (the `verify` command) set the status of the commitments they cover, in every view.
  const machineAssessments = verdicts.length
    ? await applyVerdicts(stored, indexVerdicts(verdicts), (keys) => sourcesByKey(shared, keys), parliament)
    : stored;
  // And an editor's review wins over both.
  const { assessments, orphans } = applyReviews(machineAssessments, reviews);
  return { agreement, sections, machineAssessments, assessments, orphanReviews: orphans };
}

/**
 * The context with the agreement's reviews read again, for a generation that
 * only added reviews: nothing else is reloaded.
 */
export async function withCurrentReviews(context: ReportContext, generation: number): Promise<ReportContext> {
  const reviews = context.agreement ? await context.store.reviews(context.agreement) : [];
  const { assessments, orphans } = applyReviews(context.machineAssessments, reviews);
  return { ...context, assessments, orphanReviews: orphans, generation };
}

/**
 * The same generation's context for another agreement: the search index,
 * dossiers and parliament documents are the loaded ones (they do not depend on
 * the agreement); only sections and assessments are read. When a writer
 * committed meanwhile, the whole context is loaded anew.
 */
export async function contextForAgreement(context: ReportContext, agreement: string): Promise<ReportContext> {
  const other = { ...context, ...(await agreementPart(context, agreement)) };
  if ((await context.store.generation()) === context.generation) return other;
  return loadReportContext(context.store, agreement);
}
