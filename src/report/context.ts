// Everything report generation reads from the store, loaded once per run
// (one report or all of them) so sections are not re-read per report.
import { loadAssessments, type AssessmentsBySection } from '../assess/persisted.js';
import { loadDossiers } from '../dossiers/persisted.js';
import type { Dossier } from '../dossiers/types.js';
import type { AgreementSection, ParliamentDocument } from '../model/documents.js';
import { loadSearch, type LoadedSearch } from '../search/persisted.js';
import type { Store } from '../store/store.js';

export interface ReportContext {
  store: Store;
  search: LoadedSearch;
  sections: AgreementSection[];
  /** Decision id -> its dossier. */
  dossierOf: Map<string, Dossier>;
  /** Every parliament document by id (few; cited and scanned for problem signals without a store read). */
  parliament: Map<string, ParliamentDocument>;
  /** Every section's own commitments, assessed once at ingest: what every view shows. */
  assessments: AssessmentsBySection;
}

export async function loadReportContext(store: Store): Promise<ReportContext> {
  const [search, sections, { dossierOf }, parliament, assessments] = await Promise.all([
    loadSearch(store),
    store.sections(),
    loadDossiers(store),
    store.parliamentDocuments(),
    loadAssessments(store),
  ]);
  return {
    store,
    search,
    sections,
    dossierOf,
    parliament: new Map(parliament.map((p) => [p.id, p])),
    assessments,
  };
}
