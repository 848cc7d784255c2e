// Builds the report model for one section from the stored assessments
// (assessSection: commitments with evidence and status, dossiers, sources),
// then the prose (buildSectionReport). Nothing is assessed here: a chapter, a
// section and the overview all show the one assessment made at ingest.
import { InputError } from '../errors.js';
import type { Dossier } from '../dossiers/types.js';
import { sectionFullTextWithOffsets, sectionWithDescendants } from '../sources/agreement/index.js';
import type { ReportContext } from './context.js';
import type { Generator, GeneratorInput } from './generator.js';
import type { Commitment, SectionReport } from './model.js';
import { reportTitle } from './extractive.js';
import { sourcesByKey } from './sources.js';

export interface BuildOptions {
  /**
   * `subtree` (default): the section with all its sub-sections. `own`: only the
   * section's own text, for batch runs where the sub-sections get reports of their own.
   */
  scope?: 'subtree' | 'own';
}

/**
 * The section's text and its stored commitments in reading order: its own, and
 * with `subtree` those of its sub-sections, their offsets moved into the
 * subtree's text so that `text.slice(start, end)` is still the commitment.
 */
export function sectionCommitments(context: ReportContext, sectionId: string, options: BuildOptions = {}): { text: string; commitments: Commitment[] } {
  const section = context.sections.find((s) => s.id === sectionId);
  if (!section) throw new InputError(`no section with id "${sectionId}" (see "beloftemeter sections")`);
  if (options.scope === 'own') return { text: section.text, commitments: [...(context.assessments.get(section.id) ?? [])] };
  const { text, offsets } = sectionFullTextWithOffsets(context.sections, sectionId);
  const commitments: Commitment[] = [];
  for (const [id, offset] of offsets) {
    for (const c of context.assessments.get(id) ?? []) commitments.push({ ...c, start: c.start + offset, end: c.end + offset });
  }
  return { text, commitments };
}

/**
 * Everything of a section's report but the prose: commitments with their
 * evidence and status, dossiers, and the sources they cite. This is all a
 * status count needs (the server's overview), and what a generator writes from.
 */
export async function assessSection(context: ReportContext, sectionId: string, options: BuildOptions = {}): Promise<GeneratorInput> {
  const { text, commitments } = sectionCommitments(context, sectionId, options);
  const section = context.sections.find((s) => s.id === sectionId)!;
  const covered = options.scope === 'own' ? [section] : sectionWithDescendants(context.sections, sectionId);

  // Every source on the evidence, and every step of their dossiers (a timeline cites them all).
  const dossiers = new Map<string, Dossier>();
  const keys = new Set<string>();
  for (const commitment of commitments) {
    for (const item of commitment.evidence) {
      keys.add(item.sourceKey);
      const dossier = context.dossierOf.get(item.sourceKey);
      if (dossier && dossier.steps.length > 1) {
        dossiers.set(dossier.id, dossier);
        for (const step of dossier.steps) keys.add(step.decisionId);
      }
    }
  }
  const sources = await sourcesByKey(context, keys);

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

export async function buildSectionReport(
  context: ReportContext,
  sectionId: string,
  generator: Generator,
  options: BuildOptions = {},
): Promise<SectionReport> {
  const model = await assessSection(context, sectionId, options);
  const prose = await generator.generate(model);
  // The title is ours, not a generator's: reports must be findable and comparable by it.
  return { ...model, ...prose, title: reportTitle(model.section), generatedAt: new Date().toISOString(), generation: context.generation, ...(context.agreement ? { agreement: context.agreement } : {}) };
}
