// A section's text together with everything below it: what a reader, a search
// query or a report needs when a section is more than its own paragraphs.

import { InputError } from '../../errors.js';
import type { AgreementSection } from '../../model/documents.js';

/** The heading as printed: "3 — Justitie" for a chapter, "3.4 Dankzij een ..." for a section. */
export function sectionHeading(section: AgreementSection): string {
  return section.level === 1 ? `${section.number} — ${section.title}` : `${section.number} ${section.title}`;
}

/** The chapter (top-level node) a section belongs to; `byId` holds one agreement's sections. */
export function chapterOf(byId: ReadonlyMap<string, AgreementSection>, section: AgreementSection): AgreementSection {
  return ancestorsOf(byId, section)[0] ?? section;
}

/** The sections above this one, from its chapter down to its parent (none for a chapter). */
export function ancestorsOf(byId: ReadonlyMap<string, AgreementSection>, section: AgreementSection): AgreementSection[] {
  const ancestors: AgreementSection[] = [];
  for (let parent = section.parentId ? byId.get(section.parentId) : undefined; parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) {
    ancestors.unshift(parent);
  }
  return ancestors;
}

/** The section and its descendants in reading order (the section first). */
export function sectionWithDescendants(sections: readonly AgreementSection[], id: string): AgreementSection[] {
  const root = sections.find((section) => section.id === id);
  if (!root) throw new InputError(`unknown agreement section "${id}"`);
  const included = new Set([root.id]);
  const result = [root];
  for (const section of [...sections].sort((a, b) => a.order - b.order)) {
    if (section.parentId !== null && included.has(section.parentId) && !included.has(section.id)) {
      included.add(section.id);
      result.push(section);
    }
  }
  return result;
}

/**
 * The section's own text plus all its descendants' text in reading order, each
 * block prefixed with its heading and separated by a blank line. Throws an
 * InputError for an unknown id.
 */
export function sectionFullText(sections: readonly AgreementSection[], id: string): string {
  return sectionFullTextWithOffsets(sections, id).text;
}

/** As sectionFullText, with where each covered section's own text starts in it (by section id). */
export function sectionFullTextWithOffsets(sections: readonly AgreementSection[], id: string): { text: string; offsets: Map<string, number> } {
  const offsets = new Map<string, number>();
  let text = '';
  for (const section of sectionWithDescendants(sections, id)) {
    if (text !== '') text += '\n\n';
    text += sectionHeading(section);
    if (section.text === '') continue;
    text += '\n\n';
    offsets.set(section.id, text.length);
    text += section.text;
  }
  return { text, offsets };
}
