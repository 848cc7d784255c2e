// Everything an ingest derives from the stored corpus, rebuilt in the same
// transaction as the documents.
import { groupDossiers } from '../dossiers/group.js';
import { DOSSIERS_BLOB, encodeDossiers } from '../dossiers/persisted.js';
import { deriveSearchBlob } from '../search/persisted.js';
import type { Corpus, DerivedBlob } from '../store/store.js';

export function deriveAll(corpus: Corpus): DerivedBlob[] {
  return [deriveSearchBlob(corpus), { name: DOSSIERS_BLOB, data: encodeDossiers(groupDossiers(corpus.decisions)) }];
}
