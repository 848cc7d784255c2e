// User queries: whatever a person types is a valid query. There is no query
// syntax to get wrong; quotes, operators, emoji and stopword-only input just
// analyse to (possibly zero) terms.
import { InputError } from '../errors.js';

/** Longest query accepted: a whole agreement section is far below this. */
export const MAX_QUERY_CHARS = 50_000;

export function checkQuery(query: string): string {
  if (query.length > MAX_QUERY_CHARS) {
    throw new InputError(`query too long: ${query.length} characters (at most ${MAX_QUERY_CHARS})`);
  }
  // Lone surrogates and control characters carry no meaning and upset some consumers downstream.
  return query.toWellFormed().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Accepts YYYY-MM-DD, YYYY-MM or YYYY; returns the inclusive bound as YYYY-MM-DD. */
export function parseDateBound(value: string, bound: 'from' | 'to', flag: string): string {
  const v = value.trim();
  let date: string;
  if (/^\d{4}$/.test(v)) date = bound === 'from' ? `${v}-01-01` : `${v}-12-31`;
  else if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    date = bound === 'from' ? `${v}-01` : `${v}-${String(last).padStart(2, '0')}`;
  } else date = v;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!ISO_DATE.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new InputError(`${flag} expects a date as YYYY-MM-DD (or YYYY-MM, YYYY), got "${value}"`);
  }
  return date;
}
