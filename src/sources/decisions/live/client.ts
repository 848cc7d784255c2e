// Pages through the decisions site's news-item search for a range of meeting
// dates and yields normalised decisions: the same normalisation as the file
// adapter, so a record gives the same decision whichever way it arrives.
// Bad records are reported and skipped; a page that cannot be had or read
// ends the run with an error, so a caller can keep its store as it was.
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError, RuntimeFailure } from '../../../errors.js';
import type { Decision, IngestIssue } from '../../../model/documents.js';
import { normaliseDecision } from '../normalise.js';
import { API_DEFAULTS } from './config.js';
import { getText, type RetryPolicy } from './http.js';
import { parsePage, searchUrl, type DateRange } from './page.js';

export type LiveDecisionRead =
  | { kind: 'decision'; decision: Decision; page: number }
  | { kind: 'issue'; issue: IngestIssue };

export interface PageReport {
  /** The page[number] just read (from 0). */
  page: number;
  /** Records received so far, bad ones included. */
  received: number;
  /** The total the server reported with this page. */
  count: number;
}

export interface RetryReport {
  page: number;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface LiveSourceOptions extends DateRange, Partial<Omit<RetryPolicy, 'onRetry'>> {
  baseUrl: string;
  /** Records per page (the documented request asks 100). */
  pageSize?: number;
  /** Hard limit on requests for pages, so a server that never ends a listing cannot keep us paging. */
  maxPages?: number;
  onPage?: (report: PageReport) => void;
  onRetry?: (report: RetryReport) => void;
}

export const PAGE_SIZE = 100;
export const MAX_PAGES = 1000;

function recordId(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const { id, attributes } = record as { id?: unknown; attributes?: { uuid?: unknown } };
  if (typeof id === 'string' && id.trim()) return id.trim();
  const uuid = typeof attributes === 'object' && attributes !== null ? attributes.uuid : undefined;
  return typeof uuid === 'string' && uuid.trim() ? uuid.trim() : null;
}

function validRange({ from, to }: DateRange): void {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from) || !day.test(to)) throw new InputError(`a meeting-date range is two dates YYYY-MM-DD, got ${from} and ${to}`);
  if (from > to) throw new InputError(`the range starts (${from}) after it ends (${to})`);
}

/** Yields every decision the API lists for the range, and an issue for every record that is not a valid news-item. */
export async function* fetchDecisions(options: LiveSourceOptions): AsyncGenerator<LiveDecisionRead> {
  validRange(options);
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const maxPages = options.maxPages ?? MAX_PAGES;
  const policy: RetryPolicy = {
    timeoutMs: options.timeoutMs ?? API_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? API_DEFAULTS.maxBytes,
    maxRetries: options.maxRetries ?? API_DEFAULTS.maxRetries,
    backoffBaseMs: options.backoffBaseMs ?? API_DEFAULTS.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs ?? API_DEFAULTS.backoffMaxMs,
    sleep: options.sleep ?? ((ms) => sleep(ms)),
    random: options.random,
  };
  const api = `decisions API at ${options.baseUrl}`;
  // Newly published items shift a listing sorted newest first, so a record can come back on the next page.
  const seen = new Set<string>();
  let received = 0;

  for (let page = 0; ; page++) {
    if (page >= maxPages) {
      throw new RuntimeFailure(`${api}: no end of the listing after ${maxPages} pages; ask for a shorter range with --from/--to`);
    }
    const what = `${api}, page[number]=${page}`;
    const onRetry = (retry: Omit<RetryReport, 'page'>) => options.onRetry?.({ page, ...retry });
    const result = parsePage(await getText(searchUrl(options.baseUrl, options, pageSize, page), what, { ...policy, onRetry }), what);
    if (page === 0 && Math.ceil(result.count / pageSize) > maxPages) {
      throw new RuntimeFailure(`${what}: ${result.count} records would take more than ${maxPages} pages; ask for a shorter range with --from/--to`);
    }
    received += result.data.length;

    let fresh = 0;
    for (const [index, record] of result.data.entries()) {
      const id = recordId(record);
      if (id !== null && seen.has(id)) continue;
      if (id !== null) seen.add(id);
      fresh++;
      let decision: Decision;
      try {
        decision = normaliseDecision(record);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const which = `record ${index + 1}${id !== null && !error.message.includes(id) ? ` (${id})` : ''}`;
        yield { kind: 'issue', issue: { source: `${options.baseUrl}/news-items/search page[number]=${page}`, message: `${which}: ${error.message}` } };
        continue;
      }
      yield { kind: 'decision', decision, page };
    }
    options.onPage?.({ page, received, count: result.count });

    if (result.data.length > 0 && fresh === 0) {
      throw new RuntimeFailure(`${what}: the page only repeats records of earlier pages; the server does not seem to honour page[number]`);
    }
    // Done at the reported total, or at an empty or short page, whichever comes first.
    if (received >= result.count || result.data.length < pageSize) return;
  }
}
