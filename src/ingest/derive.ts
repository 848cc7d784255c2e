// Everything an ingest derives from the stored corpus, rebuilt in the same
// transaction as the documents.
import { deriveSearchBlob } from '../search/persisted.js';
import type { Corpus, DerivedBlob } from '../store/store.js';

export function deriveAll(corpus: Corpus): DerivedBlob[] {
  return [deriveSearchBlob(corpus)];
}
