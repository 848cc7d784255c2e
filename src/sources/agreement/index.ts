// The coalition agreement source: PDF in, the tree of its table of contents out,
// each node with its own clean text (see parse.ts for the choices made).

import type { AgreementSection } from '../../model/documents.js';
import { parseAgreementDetailed, type ParseAgreementOptions } from './parse.js';

export { parseAgreementDetailed, parseAgreementPages, type AgreementParse, type ParseAgreementOptions } from './parse.js';
export { ancestorsOf, chapterOf, sectionFullText, sectionFullTextWithOffsets, sectionHeading, sectionWithDescendants } from './full-text.js';
export { slugify } from './slug.js';
export type { TocEntry } from './toc.js';

/**
 * Every node of the agreement's table of contents (chapters = level 1, sections
 * down to level 4) in reading order, each with its own clean text. Throws an
 * InputError when the bytes are not a PDF or the PDF has no recognisable table
 * of contents.
 */
export async function parseAgreement(bytes: Uint8Array, options: ParseAgreementOptions): Promise<AgreementSection[]> {
  return (await parseAgreementDetailed(bytes, options)).sections;
}
