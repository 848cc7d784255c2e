// Everything an ingest derives from the stored corpus, rebuilt in the same
// transaction as the documents: the search index, the dossiers, and the
// assessment of every commitment (computed once here, read by every view).
import { ASSESSMENTS_BLOB, assessmentCorpus, encodeAssessments } from '../assess/persisted.js';
import { assessAllSections } from '../assess/section.js';
import { groupDossiers } from '../dossiers/group.js';
import { DOSSIERS_BLOB, encodeDossiers } from '../dossiers/persisted.js';
import { buildSearch, SEARCH_BLOB, serialiseSearch } from '../search/persisted.js';
import type { Corpus, DerivedBlob } from '../store/store.js';

export function deriveAll(corpus: Corpus): DerivedBlob[] {
  const search = buildSearch(corpus);
  const dossiers = groupDossiers(corpus.decisions);
  const assessments = assessAllSections(assessmentCorpus(search, corpus, dossiers));
  return [
    { name: SEARCH_BLOB, data: serialiseSearch(search) },
    { name: DOSSIERS_BLOB, data: encodeDossiers(dossiers) },
    { name: ASSESSMENTS_BLOB, data: encodeAssessments(assessments) },
  ];
}
