// The documented search request and the envelope of its answer:
// GET /news-items/search?page[size]=S&page[number]=N&filter[:gte,lte:meetingDate]=FROM,TO&sort[meetingDate]=desc
// -> {count, data: [news-item, ...]}. Page numbers start at 0, as in mu-search.
import { z } from 'zod';
import { RuntimeFailure } from '../../../errors.js';
import { brusselsDayStart, nextDay } from '../dates.js';

/** Inclusive range of Brussels calendar dates, `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The meetingDate filter as UTC instants: the API compares instants, while a
 * decision's date is the Brussels calendar date of its meeting, so a meeting
 * at 23:30Z belongs to the next day.
 */
export function meetingDateFilter(range: DateRange): string {
  const start = brusselsDayStart(range.from);
  const end = new Date(brusselsDayStart(nextDay(range.to)).getTime() - 1);
  return `${start.toISOString()},${end.toISOString()}`;
}

export function searchUrl(baseUrl: string, range: DateRange, pageSize: number, page: number): string {
  const params = new URLSearchParams({
    'page[size]': String(pageSize),
    'page[number]': String(page),
    'filter[:gte,lte:meetingDate]': meetingDateFilter(range),
    'sort[meetingDate]': 'desc',
  });
  return `${baseUrl}/news-items/search?${params}`;
}

const envelope = z.object({
  count: z.number().int().nonnegative(),
  data: z.array(z.unknown()),
});

export type SearchPage = z.infer<typeof envelope>;

/** Parses one answer; a body that is not JSON or not a search result is a RuntimeFailure starting with `what`. */
export function parsePage(body: string, what: string): SearchPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new RuntimeFailure(`${what}: the answer is not valid JSON (${(error as Error).message})`);
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new RuntimeFailure(`${what}: the answer is not a news-item search result {count, data} (${problems})`);
  }
  return parsed.data;
}
