// `report --all`: every section's report as Markdown and JSON plus an index,
// resumable (sections finished for the current data generation are skipped;
// files of an older generation are rewritten) and crash-safe (each file is
// written to a temporary name and renamed, so a kill never leaves half a file).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from '../ingest/progress.js';
import type { AgreementSection } from '../model/documents.js';
import { buildSectionReport } from './build.js';
import type { ReportContext } from './context.js';
import type { Generator } from './generator.js';
import type { CommitmentStatus } from './model.js';
import { renderIndexMarkdown, type IndexEntry } from './render/index-page.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { addStatusCounts, countStatuses, emptyStatusCounts, type StatusCounts } from './status-counts.js';

export interface BatchOptions {
  outDir: string;
  force: boolean;
  progress: Progress;
}

export interface BatchResult {
  written: number;
  skipped: number;
  failed: { sectionId: string; message: string }[];
  counts: StatusCounts;
}

/**
 * Every section gets a report: a leaf for its text, a parent for the text it
 * has itself (its sub-sections have reports of their own, so nothing is
 * assessed twice).
 */
export function sectionsToReport(sections: readonly AgreementSection[]): { section: AgreementSection; scope: 'subtree' | 'own' }[] {
  const parents = new Set(sections.map((s) => s.parentId));
  return sections.map((section) => ({ section, scope: parents.has(section.id) ? 'own' : 'subtree' }));
}

export function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

const fileStem = (sectionId: string) => sectionId.replace(/\//g, '__');

/** The counts of a finished report file, or null when it is unreadable or of another data generation (it is then rewritten). */
function countsIfCurrent(path: string, context: Pick<ReportContext, 'generation' | 'agreement'>): StatusCounts | null {
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as { generation?: number | null; agreement?: string | null; commitments?: { status: CommitmentStatus }[] };
    // Section ids recur across agreements: a file of the other agreement in the same folder is not this one's.
    return report.generation === context.generation && (report.agreement ?? null) === context.agreement ? countStatuses(report.commitments ?? []) : null;
  } catch {
    return null;
  }
}

export async function writeAllReports(context: ReportContext, generator: Generator, options: BatchOptions): Promise<BatchResult> {
  mkdirSync(options.outDir, { recursive: true });
  const todo = sectionsToReport(context.sections);
  const result: BatchResult = { written: 0, skipped: 0, failed: [], counts: emptyStatusCounts() };
  const entries: IndexEntry[] = [];
  options.progress.start('rapporten', todo.length);
  for (const [i, { section, scope }] of todo.entries()) {
    const stem = fileStem(section.id);
    const mdPath = join(options.outDir, `${stem}.md`);
    const jsonPath = join(options.outDir, `${stem}.json`);
    let counts: StatusCounts;
    try {
      const current = !options.force && existsSync(mdPath) && existsSync(jsonPath) ? countsIfCurrent(jsonPath, context) : null;
      if (current) {
        counts = current;
        result.skipped++;
      } else {
        const report = await buildSectionReport(context, section.id, generator, { scope });
        // JSON last: its presence marks the section as done.
        writeAtomically(mdPath, renderMarkdown(report));
        writeAtomically(jsonPath, renderJson(report));
        counts = countStatuses(report.commitments);
        result.written++;
      }
    } catch (error) {
      result.failed.push({ sectionId: section.id, message: (error as Error).message });
      options.progress.warn(`${section.id}: ${(error as Error).message}`);
      continue;
    } finally {
      options.progress.update(i + 1);
    }
    addStatusCounts(result.counts, counts);
    entries.push({
      sectionId: section.id,
      number: section.number,
      title: section.title,
      chapter: section.chapter,
      part: section.part,
      statusCounts: counts,
      file: `${stem}.md`,
    });
  }
  writeAtomically(join(options.outDir, 'index.md'), renderIndexMarkdown(entries));
  writeAtomically(join(options.outDir, 'index.json'), `${JSON.stringify({ generation: context.generation, sections: entries, totals: result.counts }, null, 2)}\n`);
  options.progress.finish(
    `${result.written} geschreven, ${result.skipped} al klaar${result.failed.length ? `, ${result.failed.length} mislukt` : ''}`,
  );
  return result;
}
