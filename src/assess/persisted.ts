// The assessments as stored by ingest (one derived blob, computed inside the
// ingest transaction from the corpus as it stands) and loaded by every view.
import { dossierIndex } from '../dossiers/group.js';
import type { Dossier } from '../dossiers/types.js';
import { RuntimeFailure } from '../errors.js';
import type { Decision, ParliamentDocument } from '../model/documents.js';
import type { Commitment, Source } from '../report/model.js';
import { decisionSource, parliamentSource } from '../report/sources.js';
import type { LoadedSearch } from '../search/persisted.js';
import type { Corpus, Store } from '../store/store.js';
import { createMatcher } from './match.js';
import type { AssessmentCorpus, SectionAssessment } from './section.js';

export const ASSESSMENTS_BLOB = 'assessments';
/** Bump when the stored shape or the rules change: an index of an older format asks for a new ingest. */
export const ASSESSMENTS_FORMAT = 2;

interface StoredAssessments {
  format: number;
  sections: SectionAssessment[];
}

export function encodeAssessments(sections: readonly SectionAssessment[]): Uint8Array {
  const stored: StoredAssessments = { format: ASSESSMENTS_FORMAT, sections: [...sections] };
  return new TextEncoder().encode(JSON.stringify(stored));
}

/** Section id -> the commitments of its own text, as assessed at ingest. */
export type AssessmentsBySection = ReadonlyMap<string, readonly Commitment[]>;

/** The stored assessments of one agreement's sections (keyed by section id, which recurs across agreements); none for null. */
export async function loadAssessments(store: Store, agreement: string | null): Promise<AssessmentsBySection> {
  const blob = await store.derived(ASSESSMENTS_BLOB);
  if (!blob) throw new RuntimeFailure('the index has no assessments yet: run "beloftemeter ingest"');
  const stored = JSON.parse(new TextDecoder().decode(blob)) as StoredAssessments;
  if (stored.format !== ASSESSMENTS_FORMAT) {
    throw new RuntimeFailure(`the index holds assessments of an older format (${stored.format}): run "beloftemeter ingest"`);
  }
  return new Map(stored.sections.filter((s) => s.agreement === agreement).map((s) => [s.sectionId, s.commitments]));
}

/** What assessing needs, from documents held in memory (an ingest's corpus, or a store read whole). */
export function assessmentCorpus(
  search: LoadedSearch,
  corpus: { sections: Corpus['sections']; decisions: readonly Decision[]; parliament: readonly ParliamentDocument[] },
  dossiers: readonly Dossier[],
): AssessmentCorpus {
  const decisions = new Map(corpus.decisions.map((d) => [d.id, d]));
  const parliament = new Map(corpus.parliament.map((p) => [p.id, p]));
  const dossierOf = dossierIndex(dossiers);
  const matcher = createMatcher(search, (index) => {
    const doc = search.index.docs[index]!;
    const decision = decisions.get(doc.id);
    if (decision) return { title: [decision.title, decision.shortTitle ?? ''].join('\n'), body: decision.bodyText };
    const paper = parliament.get(doc.id);
    return { title: doc.title, body: paper?.text ?? '' };
  });
  const made = new Map<string, Source | null>();
  return {
    matcher,
    sections: corpus.sections,
    dossierOf,
    parliament,
    // A document is a candidate for many commitments: its source (stage, snippet) is made once.
    source(id, type) {
      if (made.has(id)) return made.get(id)!;
      const decision = type === 'decision' ? decisions.get(id) : undefined;
      const paper = type === 'parliament' ? parliament.get(id) : undefined;
      const source = decision ? decisionSource(decision, dossierOf) : paper ? parliamentSource(paper) : null;
      made.set(id, source);
      return source;
    },
  };
}
