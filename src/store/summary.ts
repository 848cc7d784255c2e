// What the index holds, as the CLI's `stats`/`sections` and the API's
// /api/stats and /api/sections report it.
import type { AgreementSection } from '../model/documents.js';
import type { Store } from './store.js';

/** A section without its text: the agreement tree's node. */
export function sectionSummary(s: AgreementSection) {
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    level: s.level,
    parentId: s.parentId,
    part: s.part,
    partIndex: s.partIndex,
    chapter: s.chapter,
    pageStart: s.pageStart,
    pageEnd: s.pageEnd,
  };
}

/** Document counts (sections of every agreement), the shown agreement tree's shape, the stored agreements and the last ingest. */
export async function indexStats(store: Store, sections: readonly AgreementSection[]) {
  const [counts, last, agreements] = await Promise.all([store.counts(), store.lastIngest(), store.agreements()]);
  const parents = new Set(sections.map((s) => s.parentId));
  return {
    ...counts,
    chapters: sections.filter((s) => s.level === 1).length,
    leafSections: sections.filter((s) => !parents.has(s.id)).length,
    lastIngest: last ? { finishedAt: last.finishedAt, skipped: last.issues.length } : null,
    store: store.kind,
    agreements,
  };
}
