// The start page's overview: commitment counts per status per chapter, with
// how many are to be checked. Every commitment was assessed once at ingest, so
// this is a count over the stored assessments: ready before the server
// listens, and the same numbers as every section and chapter report.
import { statusDescriptions } from '../assess/status.js';
import type { ReportContext } from '../report/context.js';
import type { CommitmentStatus } from '../report/model.js';
import { COMMITMENT_STATUSES, statusLabel } from '../report/render/labels.js';
import { chapterOf } from '../sources/agreement/index.js';
import { agreementTitle } from '../store/agreements.js';
import { addStatusCounts, countStatuses, emptyStatusCounts, type StatusCounts } from '../report/status-counts.js';

export interface ChapterOverview {
  id: string;
  number: string;
  title: string;
  part: string;
  partIndex: number;
  counts: StatusCounts;
  /** Commitments whose status has low confidence ("te controleren"). */
  toCheck: number;
  /** Commitments whose status an editor reviewed. */
  reviewed: number;
}

export interface Overview {
  /** Always true: kept for clients that wait for it. */
  ready: boolean;
  /** The agreement counted, and how readers see it named ("Regeerakkoord 2019-2024"). */
  agreement: string | null;
  title: string;
  /** The data generation the counts belong to. */
  generation: number;
  /** Sections counted. */
  total: number;
  /** The statuses in display order with their Dutch labels and what each requires, so the web app needs no copy of them. */
  statuses: StatusLegend;
  chapters: ChapterOverview[];
}

export type StatusLegend = { status: CommitmentStatus; label: string; description: string }[];

/** The statuses in display order with their Dutch labels and what each requires: the web app's only source of them. */
export function statusLegend(): StatusLegend {
  return COMMITMENT_STATUSES.map((status) => ({ status, label: statusLabel(status), description: statusDescriptions[status] }));
}

export function computeOverview(context: Pick<ReportContext, 'sections' | 'assessments' | 'agreement'>, generation: number): Overview {
  const byId = new Map(context.sections.map((s) => [s.id, s]));
  const chapters = context.sections.filter((s) => s.parentId === null);
  const totals = new Map(chapters.map((c) => [c.id, { counts: emptyStatusCounts(), toCheck: 0, reviewed: 0 }]));
  for (const section of context.sections) {
    const total = totals.get(chapterOf(byId, section).id);
    const commitments = context.assessments.get(section.id) ?? [];
    if (!total) continue;
    addStatusCounts(total.counts, countStatuses(commitments));
    total.toCheck += commitments.filter((c) => c.confidence === 'laag').length;
    total.reviewed += commitments.filter((c) => c.review).length;
  }
  return {
    ready: true,
    agreement: context.agreement,
    title: agreementTitle(context.agreement),
    generation,
    total: context.sections.length,
    statuses: statusLegend(),
    chapters: chapters.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      part: c.part,
      partIndex: c.partIndex,
      ...totals.get(c.id)!,
    })),
  };
}
