// Builds the report model for one section: commitments, evidence per
// commitment, a status per commitment, dossiers (assessSection), then the
// prose (buildSectionReport).
import { extractCommitments } from '../assess/index.js';
import { assessCommitment } from '../assess/index.js';
import { InputError } from '../errors.js';
import type { Dossier } from '../dossiers/types.js';
import { sectionFullText, sectionWithDescendants } from '../sources/agreement/index.js';
import { search } from '../search/engine.js';
import { embedQuery, scoreDenseAt } from '../search/lsa.js';
import type { LoadedSearch } from '../search/persisted.js';
import { characteristicTerms, findEvidence, type EvidenceHit } from '../search/evidence.js';
import type { ReportContext } from './context.js';
import type { Generator, GeneratorInput } from './generator.js';
import type { Commitment, Evidence, SectionReport, Source } from './model.js';
import { reportTitle } from './extractive.js';
import { decisionSource, parliamentSource } from './sources.js';

/** Evidence per commitment: few and specific beats many and vague. */
const EVIDENCE_PER_COMMITMENT = 5;
/** How many documents can count as "about the section's subject" (recall of the benchmark's relevant set is ~0.77 at 100). */
const SECTION_POOL = 100;
/** The top of that ranking always counts (a section can have two subjects: the dense vector favours one). */
const SECTION_CORE = 25;
/** Evidence must contain one of the section's this many most characteristic words. */
const SECTION_TERMS = 20;
/** Below the core, a document must have at least this share of the best dense (topic) similarity to the section. */
const TOPIC_SIMILARITY_SHARE = 0.5;

/**
 * Documents about the section's subject: they rank in the top of a search
 * with the whole section, and their topic vector is close to the section's.
 * Evidence for a commitment must be among them, so that a vague sentence
 * ("We ondersteunen hen in hun regierol") cannot pick up a document on
 * another subject (housing companies) that happens to share its words.
 */
function topicalDocuments(loaded: LoadedSearch, sectionText: string): Set<number> {
  const { index, analysis } = loaded;
  const pool = search(index, sectionText, analysis.analyser, {
    k: SECTION_POOL,
    genericTerms: analysis.genericTerms,
    passages: analysis.passages,
  });
  const vector = embedQuery(index.lsa, analysis.analyser.weightedTerms(sectionText, 0.5), index.lsaTermIndex);
  if (!vector) return new Set(pool.map((hit) => hit.index));
  // Only the pool's similarities are needed, not the whole corpus's.
  const [similarity] = scoreDenseAt(index.lsa, [vector], Uint32Array.from(pool, (hit) => hit.index));
  const best = Math.max(...similarity!);
  return new Set(pool.filter((hit, rank) => rank < SECTION_CORE || similarity![rank]! >= best * TOPIC_SIMILARITY_SHARE).map((hit) => hit.index));
}

export interface BuildOptions {
  /**
   * `subtree` (default): the section with all its sub-sections. `own`: only the
   * section's own text, for batch runs where the sub-sections get reports of their own.
   */
  scope?: 'subtree' | 'own';
}

/**
 * Everything of a section's report but the prose: commitments with their
 * evidence and status, dossiers, and the sources they cite. This is all a
 * status count needs (the server's overview), and what a generator writes from.
 */
export async function assessSection(context: ReportContext, sectionId: string, options: BuildOptions = {}): Promise<GeneratorInput> {
  const section = context.sections.find((s) => s.id === sectionId);
  if (!section) throw new InputError(`no section with id "${sectionId}" (see "beloftemeter sections")`);
  const own = options.scope === 'own';
  // One definition of the subtree for both the text and the pages.
  const covered = own ? [section] : sectionWithDescendants(context.sections, sectionId);
  const text = own ? section.text : sectionFullText(context.sections, sectionId);

  const topical = topicalDocuments(context.search, text);
  const sectionTerms = characteristicTerms(context.search, text, SECTION_TERMS);
  const { commitments: spans } = extractCommitments(sectionId, text);
  // The section title gives a one-sentence commitment its topic ("Herbestemming kerken").
  const hitsPerSpan = spans.map((span) =>
    findEvidence(context.search, `${span.text}\n${section.title}`, {
      max: EVIDENCE_PER_COMMITMENT,
      supportText: span.text,
      within: topical,
      anyOf: sectionTerms,
    }),
  );
  const decisions = await decisionsFor(context, hitsPerSpan.flat());

  const sources = new Map<string, Source>();
  const dossiers = new Map<string, Dossier>();
  const addSource = (key: string, type: 'decision' | 'parliament'): Source | null => {
    const known = sources.get(key);
    if (known) return known;
    let source: Source | null = null;
    if (type === 'decision') {
      const decision = decisions.get(key);
      if (decision) source = decisionSource(decision, context.dossierOf);
    } else {
      const doc = context.parliament.get(key);
      if (doc) source = parliamentSource(doc);
    }
    if (source) sources.set(key, source);
    return source;
  };

  const commitments: Commitment[] = spans.map((span, i) => {
    const evidence: Evidence[] = [];
    for (const hit of hitsPerSpan[i]!) {
      const source = addSource(hit.doc.id, hit.doc.type);
      if (!source) continue;
      evidence.push({ sourceKey: source.key, score: hit.score, sharedTerms: hit.sharedTerms });
      // A later step of the same dossier is evidence of how far it got, even when its wording drifted.
      const dossier = source.dossierId ? context.dossierOf.get(source.key) : undefined;
      if (dossier && dossier.steps.length > 1) {
        dossiers.set(dossier.id, dossier);
        for (const step of dossier.steps) {
          if (evidence.some((e) => e.sourceKey === step.decisionId)) continue;
          if (step.date <= (source.date ?? '')) continue;
          const later = addSource(step.decisionId, 'decision');
          if (later) evidence.push({ sourceKey: later.key, score: hit.score, sharedTerms: hit.sharedTerms });
        }
      }
    }
    evidence.sort((a, b) => b.score - a.score);
    const assessment = assessCommitment({ commitment: span, evidence, sources, parliament: context.parliament });
    return { ...span, evidence, ...assessment };
  });

  // Every step of a dossier on the evidence is a source its timeline can cite.
  for (const dossier of dossiers.values()) for (const step of dossier.steps) addSource(step.decisionId, 'decision');

  return {
    section: {
      id: section.id,
      number: section.number,
      title: section.title,
      part: section.part,
      chapter: section.chapter,
      pageStart: section.pageStart,
      pageEnd: Math.max(...covered.map((s) => s.pageEnd)),
      text,
    },
    commitments,
    dossiers: [...dossiers.values()].sort((a, b) => a.firstDate.localeCompare(b.firstDate)),
    sources: Object.fromEntries(sources),
  };
}

/** The decisions the hits and their dossiers' steps may cite, read in one go. */
async function decisionsFor(context: ReportContext, hits: readonly EvidenceHit[]) {
  const ids = new Set<string>();
  for (const hit of hits) {
    if (hit.doc.type !== 'decision') continue;
    ids.add(hit.doc.id);
    for (const step of context.dossierOf.get(hit.doc.id)?.steps ?? []) ids.add(step.decisionId);
  }
  return new Map((await context.store.decisions([...ids])).map((d) => [d.id, d]));
}

export async function buildSectionReport(
  context: ReportContext,
  sectionId: string,
  generator: Generator,
  options: BuildOptions = {},
): Promise<SectionReport> {
  const model = await assessSection(context, sectionId, options);
  const prose = await generator.generate(model);
  // The title is ours, not a generator's: reports must be findable and comparable by it.
  return { ...model, ...prose, title: reportTitle(model.section), generatedAt: new Date().toISOString() };
}
