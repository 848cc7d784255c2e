// Everything report generation reads from the store, loaded once per run
// (one report or all of them) so sections are not re-read per report.
import { RuntimeFailure } from '../errors.js';
import { dossierIndex } from '../dossiers/group.js';
import type { Dossier } from '../dossiers/types.js';
import type { AgreementSection } from '../model/documents.js';
import { loadSearch, type LoadedSearch } from '../search/persisted.js';
import type { Store } from '../store/store.js';

export const DOSSIERS_BLOB = 'dossiers';

export interface ReportContext {
  store: Store;
  search: LoadedSearch;
  sections: AgreementSection[];
  dossiers: Dossier[];
  /** Decision id -> its dossier. */
  dossierOf: Map<string, Dossier>;
  /** Parliament document id -> full text, for problem signals. */
  parliamentTexts: Map<string, string>;
}

export function encodeDossiers(dossiers: readonly Dossier[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(dossiers));
}

export async function loadReportContext(store: Store): Promise<ReportContext> {
  const [search, sections, blob, parliament] = await Promise.all([
    loadSearch(store),
    store.sections(),
    store.derived(DOSSIERS_BLOB),
    store.parliamentDocuments(),
  ]);
  if (!blob) throw new RuntimeFailure('the index has no dossiers yet: run "beloftemeter ingest"');
  const dossiers = JSON.parse(new TextDecoder().decode(blob)) as Dossier[];
  return {
    store,
    search,
    sections,
    dossiers,
    dossierOf: dossierIndex(dossiers),
    parliamentTexts: new Map(parliament.map((p) => [p.id, p.text])),
  };
}
