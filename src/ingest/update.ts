// Brings the store up to date from the decisions site's live API: every
// decision of a meeting-date range is fetched first, then upserted with the
// derived index in one transaction. A failure on any page leaves the store
// as it was.
import { InputError } from '../errors.js';
import type { Decision, IngestIssue } from '../model/documents.js';
import { brusselsDate } from '../sources/decisions/index.js';
import { fetchDecisions, type DecisionsApiConfig, type LiveSourceOptions } from '../sources/decisions/live/index.js';
import type { IngestBatch, IngestRun, Store } from '../store/store.js';
import { silentProgress, type Progress } from './progress.js';

export interface UpdateOptions {
  store: Store;
  api: DecisionsApiConfig;
  /** Brussels meeting dates `YYYY-MM-DD`; by default from the newest stored meeting date up to today. */
  from?: string;
  to?: string;
  /** Today's Brussels date; the clock's by default. */
  today?: string;
  progress?: Progress;
  derive?: IngestBatch['derive'];
  /** Paging and retry settings beyond the configuration (tests use small pages). */
  client?: Partial<Omit<LiveSourceOptions, 'baseUrl' | 'from' | 'to'>>;
}

export interface UpdateRun {
  from: string;
  to: string;
  /** Decisions the API returned for the range. */
  fetched: number;
  run: IngestRun;
}

/**
 * The range to ask for. The newest stored meeting day is asked again rather
 * than skipped: items of that meeting published after the last update would
 * otherwise never be fetched, and re-fetching what is stored writes nothing.
 */
async function resolveRange(options: UpdateOptions): Promise<{ from: string; to: string }> {
  const to = options.to ?? options.today ?? brusselsDate(new Date().toISOString())!;
  const newest = options.from === undefined ? await options.store.newestMeetingDate() : null;
  const from = options.from ?? newest;
  if (from === null || from === undefined) {
    throw new InputError('the index holds no decisions yet: pass --from DATE, or run "beloftemeter ingest" first');
  }
  if (from > to) {
    throw new InputError(
      options.from === undefined
        ? `the newest stored decision (${from}) is after --to ${to}: pass --from as well`
        : `--from ${from} is after --to ${to}`,
    );
  }
  return { from, to };
}

export async function updateFromApi(options: UpdateOptions): Promise<UpdateRun> {
  const progress = options.progress ?? silentProgress;
  const { from, to } = await resolveRange(options);

  const decisions: Decision[] = [];
  const issues: IngestIssue[] = [];
  progress.start(`beslissingen-API ${from} t/m ${to}`);
  const reads = fetchDecisions({
    ...options.client,
    baseUrl: options.api.baseUrl,
    timeoutMs: options.api.timeoutMs,
    maxRetries: options.api.maxRetries,
    maxBytes: options.api.maxBytes,
    from,
    to,
    onPage: ({ received, count }) => progress.update(Math.min(received, count)),
    onRetry: ({ page, delayMs, reason }) =>
      progress.warn(`beslissingen-API page[number]=${page}: ${reason}; nieuwe poging over ${(delayMs / 1000).toFixed(1)} s`),
  });
  for await (const read of reads) {
    if (read.kind === 'decision') decisions.push(read.decision);
    else {
      issues.push(read.issue);
      progress.warn(`${read.issue.source}: ${read.issue.message}`);
    }
  }
  progress.finish(`${decisions.length} beslissingen opgehaald`);

  progress.start('index bijwerken');
  const run = await options.store.ingest({ agreements: [], decisions, parliament: [], issues, derive: options.derive, deriveWhen: 'changed' });
  progress.finish(`${run.written.decisions} nieuw of gewijzigd, ${run.counts.decisions} beslissingen in de index`);
  return { from, to, fetched: decisions.length, run };
}
