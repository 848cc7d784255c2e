// Meeting dates come as UTC instants; the date that matters (and that people
// quote) is the calendar date in Brussels.

const BRUSSELS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The Brussels calendar date (`YYYY-MM-DD`) of an ISO date or date-time, or
 * null when it is not one. A date-time without a zone is taken to be Brussels
 * local time already; a bare date is kept as is.
 */
export function brusselsDate(iso: string): string | null {
  const match = ISO.exec(iso.trim());
  if (!match) return null;
  const [, year, month, day, hour, , , zone] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) return null;
  const localDate = `${year}-${month}-${day}`;
  if (hour === undefined || zone === undefined) return localDate;
  const normalised = iso.trim().replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(normalised);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = Object.fromEntries(BRUSSELS.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const HOUR_MS = 3_600_000;

/**
 * The UTC instant at which a Brussels calendar day (`YYYY-MM-DD`) begins, so
 * that a range of Brussels dates can be asked of an API that filters on UTC
 * instants. Brussels is UTC+1 or UTC+2, and its clock changes at 01:00Z,
 * never at local midnight, so every day has exactly one midnight.
 */
export function brusselsDayStart(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  for (const offsetHours of [2, 1]) {
    const instant = new Date(Date.UTC(year, month - 1, day) - offsetHours * HOUR_MS);
    if (brusselsDate(instant.toISOString()) === date && brusselsDate(new Date(instant.getTime() - 1).toISOString()) !== date) {
      return instant;
    }
  }
  throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
}

/** The next calendar day of a `YYYY-MM-DD` date. */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
