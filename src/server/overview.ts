// The start page's overview: commitment counts per status per chapter. All
// 286 reports take several seconds, so they are computed in the background
// after start-up, one section per event-loop turn so requests keep being
// answered; a chapter's counts appear as soon as all its sections are done.
import type { AgreementSection } from '../model/documents.js';
import { sectionsToReport } from '../report/batch.js';
import { addStatusCounts, countStatuses, emptyStatusCounts, type StatusCounts } from '../report/status-counts.js';
import { assessSection } from '../report/build.js';
import type { ReportContext } from '../report/context.js';
import type { CommitmentStatus } from '../report/model.js';
import { COMMITMENT_STATUSES, statusLabel } from '../report/render/labels.js';

export interface ChapterOverview {
  id: string;
  number: string;
  title: string;
  part: string;
  partIndex: number;
  /** Null while the chapter's reports are still being computed. */
  counts: StatusCounts | null;
}

export interface Overview {
  ready: boolean;
  done: number;
  total: number;
  failed: number;
  startedAt: string;
  /** Milliseconds from start to the last section, null until ready. */
  durationMs: number | null;
  /** The statuses in display order with their Dutch labels, so the web app needs no copy of them. */
  statuses: { status: CommitmentStatus; label: string }[];
  chapters: ChapterOverview[];
}

export interface OverviewJob {
  snapshot(): Overview;
  /** Resolves when every section is done (or the job was stopped). */
  finished: Promise<void>;
  stop(): void;
}


function chapterIdOf(section: AgreementSection, byId: ReadonlyMap<string, AgreementSection>): string {
  let current = section;
  while (current.parentId) {
    const parent = byId.get(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return current.id;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Counts only need each section's assessment, not its prose: the overview never
 * runs a generator (with an LLM that would be one paid request per section).
 */
export function startOverview(context: ReportContext, log: (message: string) => void = () => {}): OverviewJob {
  const byId = new Map(context.sections.map((s) => [s.id, s]));
  const todo = sectionsToReport(context.sections).map((item) => ({ ...item, chapter: chapterIdOf(item.section, byId) }));
  const chapters = context.sections.filter((s) => s.parentId === null);
  const remaining = new Map<string, number>(chapters.map((c) => [c.id, 0]));
  const totals = new Map<string, StatusCounts>(chapters.map((c) => [c.id, emptyStatusCounts()]));
  for (const { chapter } of todo) remaining.set(chapter, (remaining.get(chapter) ?? 0) + 1);
  const statuses = COMMITMENT_STATUSES.map((status) => ({ status, label: statusLabel(status) }));
  const started = Date.now();
  const state = { done: 0, failed: 0, stopped: false, durationMs: null as number | null };

  const run = async () => {
    for (const { section, scope, chapter } of todo) {
      if (state.stopped) return;
      await nextTurn();
      try {
        const assessed = await assessSection(context, section.id, { scope });
        const counts = totals.get(chapter);
        if (counts) addStatusCounts(counts, countStatuses(assessed.commitments));
      } catch (error) {
        state.failed++;
        log(`overzicht: rapport ${section.id} mislukt: ${error instanceof Error ? error.message : String(error)}`);
      }
      remaining.set(chapter, (remaining.get(chapter) ?? 1) - 1);
      state.done++;
    }
    state.durationMs = Date.now() - started;
  };

  return {
    finished: run(),
    stop() {
      state.stopped = true;
    },
    snapshot() {
      return {
        ready: state.durationMs !== null,
        done: state.done,
        total: todo.length,
        failed: state.failed,
        startedAt: new Date(started).toISOString(),
        durationMs: state.durationMs,
        statuses,
        chapters: chapters.map((c) => ({
          id: c.id,
          number: c.number,
          title: c.title,
          part: c.part,
          partIndex: c.partIndex,
          counts: remaining.get(c.id) === 0 ? { ...totals.get(c.id)! } : null,
        })),
      };
    },
  };
}
