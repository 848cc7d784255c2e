// The dossiers as stored by ingest (one derived blob, grouped from all
// decisions inside the ingest transaction) and loaded by whoever shows them.
import { RuntimeFailure } from '../errors.js';
import type { Store } from '../store/store.js';
import { dossierIndex } from './group.js';
import type { Dossier } from './types.js';

export const DOSSIERS_BLOB = 'dossiers';

export function encodeDossiers(dossiers: readonly Dossier[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(dossiers));
}

export interface LoadedDossiers {
  dossiers: Dossier[];
  /** Decision id -> its dossier. */
  dossierOf: Map<string, Dossier>;
}

/** The stored dossiers; a RuntimeFailure when the index was never built. */
export async function loadDossiers(store: Store): Promise<LoadedDossiers> {
  const blob = await store.derived(DOSSIERS_BLOB);
  if (!blob) throw new RuntimeFailure('the index has no dossiers yet: run "beloftemeter ingest"');
  const dossiers = JSON.parse(new TextDecoder().decode(blob)) as Dossier[];
  return { dossiers, dossierOf: dossierIndex(dossiers) };
}
