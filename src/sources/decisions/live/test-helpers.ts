// Shared by the live-source tests: bundled records as the API serves them, and
// a client run collected into lists. For tests only.
import { bundledDecisionLines } from '../../../testing/fixture-data.js';
import type { Decision, IngestIssue } from '../../../model/documents.js';
import { fetchDecisions, type LiveSourceOptions, type RetryReport } from './client.js';

export type RawRecord = { type: string; id: string; attributes: Record<string, unknown> };

/** Every bundled record, parsed: the export has the API's record shape. */
export function bundledRecords(): RawRecord[] {
  return bundledDecisionLines().map((line) => JSON.parse(line) as RawRecord);
}

/** The first `n` bundled records (distinct ids, various dates). */
export function someRecords(n: number): RawRecord[] {
  return bundledRecords().slice(0, n);
}

export interface Collected {
  decisions: Decision[];
  issues: IngestIssue[];
  pages: number[];
  retries: RetryReport[];
  /** What the client asked to sleep, in order; nothing is actually slept. */
  delays: number[];
}

/** The whole range the bundled data spans, and then some. */
export const ALL_DATES = { from: '2019-01-01', to: '2024-12-31' } as const;

export async function collect(options: LiveSourceOptions): Promise<Collected> {
  const collected: Collected = { decisions: [], issues: [], pages: [], retries: [], delays: [] };
  for await (const read of fetchDecisions({
    backoffBaseMs: 10,
    sleep: async (ms) => void collected.delays.push(ms),
    onRetry: (retry) => collected.retries.push(retry),
    onPage: (report) => collected.pages.push(report.page),
    ...options,
  })) {
    if (read.kind === 'decision') collected.decisions.push(read.decision);
    else collected.issues.push(read.issue);
  }
  return collected;
}

export const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
