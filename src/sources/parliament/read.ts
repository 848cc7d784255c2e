// Reads a folder of parliamentary documents (.txt, .md, .pdf). A file that
// cannot be read or understood becomes an issue; the others still load.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError, errorMessage } from '../../errors.js';
import type { IngestIssue, ParliamentDocument } from '../../model/documents.js';
import { readPdfPages } from '../pdf.js';
import { parseParliamentText } from './parse.js';
import { pdfPagesToText } from './pdf-text.js';
import { decodeText } from './text.js';

const READABLE = new Set(['.txt', '.md', '.markdown', '.pdf']);

async function readDocument(path: string, fileName: string): Promise<ParliamentDocument> {
  const bytes = await readFile(path);
  const text = extname(fileName).toLowerCase() === '.pdf' ? pdfPagesToText(await readPdfPages(bytes, path)) : decodeText(bytes);
  if (text.trim() === '') throw new InputError('contains no text');
  return parseParliamentText(text, fileName);
}

/** Every .txt, .md and .pdf document of the folder (sorted by file name); other files are ignored. */
export async function readParliamentFolder(dir: string): Promise<{ documents: ParliamentDocument[]; issues: IngestIssue[] }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read parliament folder ${dir}: ${errorMessage(error)}`);
  }
  const files = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && READABLE.has(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();

  const documents: ParliamentDocument[] = [];
  const issues: IngestIssue[] = [];
  for (const fileName of files) {
    const path = join(dir, fileName);
    try {
      documents.push(await readDocument(path, fileName));
    } catch (error) {
      issues.push({ source: path, message: `${fileName} skipped: ${errorMessage(error)}` });
    }
  }
  return { documents, issues };
}
