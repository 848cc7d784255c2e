// Collapsing a ranking per dossier: the stages of one policy file (draft,
// second approval, final approval, implementing order) share most words, so
// they crowd a result list. Each dossier keeps the place of its best-ranked
// stage and lists the other stages that matched.
import type { Dossier } from '../dossiers/types.js';

export interface CollapsedHit<T> {
  /** The dossier's best-ranked hit (or a hit that belongs to no multi-step dossier). */
  hit: T;
  /** The multi-step dossier the hit belongs to; undefined for a stand-alone document. */
  dossier?: Dossier;
  /** Every hit of the dossier in the ranking, best first (the first is `hit`). */
  members: T[];
}

export function collapseByDossier<T extends { doc: { id: string; type: string } }>(
  ranked: readonly T[],
  dossierOf: ReadonlyMap<string, Dossier>,
): CollapsedHit<T>[] {
  const out: CollapsedHit<T>[] = [];
  const byDossier = new Map<string, CollapsedHit<T>>();
  for (const hit of ranked) {
    const dossier = hit.doc.type === 'decision' ? dossierOf.get(hit.doc.id) : undefined;
    if (!dossier || dossier.steps.length < 2) {
      out.push({ hit, members: [hit] });
      continue;
    }
    const group = byDossier.get(dossier.id);
    if (group) {
      group.members.push(hit);
      continue;
    }
    const fresh = { hit, dossier, members: [hit] };
    byDossier.set(dossier.id, fresh);
    out.push(fresh);
  }
  return out;
}
