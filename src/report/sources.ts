// Turning stored documents into citable sources.
import { classifyStage } from '../dossiers/stage.js';
import type { Dossier } from '../dossiers/types.js';
import type { Decision, ParliamentDocument } from '../model/documents.js';
import type { Store } from '../store/store.js';
import { truncateAtWord } from '../text/index.js';
import type { Source } from './model.js';

export function decisionSource(d: Decision, dossierOf?: ReadonlyMap<string, Dossier>): Source {
  return {
    key: d.id,
    type: 'decision',
    title: d.title,
    date: d.meetingDate,
    uri: d.uri,
    snippet: truncateAtWord(d.bodyText || d.shortTitle || '', 200),
    stage: classifyStage(d),
    dossierId: dossierOf?.get(d.id)?.id,
    mandatees: d.mandatees.map((m) => m.name),
  };
}

export function parliamentSource(p: ParliamentDocument): Source {
  const kind = p.kind === 'schriftelijke-vraag' ? `Schriftelijke vraag${p.number ? ` nr. ${p.number}` : ''}` : 'Parlementair document';
  return {
    key: p.id,
    type: 'parliament',
    title: `${kind}: ${p.title}`,
    date: p.date,
    uri: p.uri,
    snippet: truncateAtWord(p.answer ?? p.text, 200),
  };
}

/** Sources for ranked documents, in their order (documents no longer stored left out): two store reads in all. */
export async function sourcesFor(
  store: Store,
  docs: readonly { id: string; type: 'decision' | 'parliament' }[],
  dossierOf?: ReadonlyMap<string, Dossier>,
): Promise<Source[]> {
  const ids = (type: 'decision' | 'parliament') => docs.filter((d) => d.type === type).map((d) => d.id);
  const [decisions, parliament] = await Promise.all([store.decisions(ids('decision')), store.parliamentDocuments(ids('parliament'))]);
  const byId = new Map<string, Source>([
    ...decisions.map((d) => [d.id, decisionSource(d, dossierOf)] as const),
    ...parliament.map((p) => [p.id, parliamentSource(p)] as const),
  ]);
  return docs.flatMap((d) => byId.get(d.id) ?? []);
}

/** What sourcesByKey reads from: a loaded report context has all of it. */
export interface SourceLookup {
  store: Pick<Store, 'decisions'>;
  /** Every parliament document by id: they are few, and loaded whole. */
  parliament: ReadonlyMap<string, ParliamentDocument>;
  dossierOf: ReadonlyMap<string, Dossier>;
}

/** Sources by key: decisions read in one go, parliament documents from memory; keys no longer stored are left out. */
export async function sourcesByKey(lookup: SourceLookup, keys: Iterable<string>): Promise<Map<string, Source>> {
  const unique = [...new Set(keys)];
  const sources = new Map<string, Source>();
  for (const decision of await lookup.store.decisions(unique.filter((key) => !lookup.parliament.has(key)))) sources.set(decision.id, decisionSource(decision, lookup.dossierOf));
  for (const key of unique) {
    const paper = lookup.parliament.get(key);
    if (paper) sources.set(key, parliamentSource(paper));
  }
  return sources;
}
