// Small readers for the metadata parliamentary documents print in Dutch.

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1,
  februari: 2, feb: 2, febr: 2,
  maart: 3, mrt: 3,
  april: 4, apr: 4,
  mei: 5,
  juni: 6, jun: 6,
  juli: 7, jul: 7,
  augustus: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const WEEKDAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** "26 april 2022", "1 sept. 2021", optionally preceded by a weekday. Groups: weekday, day, month, year. */
export const DUTCH_DATE = new RegExp(
  `(?:\\b(${WEEKDAYS})\\s+)?\\b(\\d{1,2})(?:e|ste|de)?\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`,
  'giu',
);

export interface DutchDate {
  iso: string;
  /** Whether a weekday was written before it ("Dinsdag 27 september 2022"): the mark of a meeting date. */
  withWeekday: boolean;
  index: number;
}

/** Every valid Dutch date written out in the text, in order. */
export function findDutchDates(text: string): DutchDate[] {
  const dates: DutchDate[] = [];
  for (const match of text.matchAll(DUTCH_DATE)) {
    const [, weekday, day, monthName, year] = match;
    const iso = isoDate(Number(year), MONTHS[(monthName ?? '').toLowerCase()] ?? 0, Number(day));
    if (iso) dates.push({ iso, withWeekday: weekday !== undefined, index: match.index ?? 0 });
  }
  return dates;
}

/** The first Dutch date in the text as `YYYY-MM-DD`, or null. */
export function parseDutchDate(text: string): string | null {
  return findDutchDates(text)[0]?.iso ?? null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Surname particles written in lower case after "Van" in Flemish names ("Van den Bossche", "Van der Heyden"). */
const AFTER_VAN = new Set(['den', 'der', 'de', 'het']);

/**
 * A name printed in capitals as it is written: "JEREMIE VANEECKHOUT" ->
 * "Jeremie Vaneeckhout", "ANN-SOFIE D'HONDT" -> "Ann-Sofie D'Hondt",
 * "KARIN VAN DEN BOSSCHE" -> "Karin Van den Bossche".
 */
export function nameCase(name: string): string {
  const words = name.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  return words
    .map((word, i) => {
      if (i > 0 && AFTER_VAN.has(word) && /^(van|vande|vander)$/.test(words[i - 1] ?? '')) return word;
      return word.replace(/(^|[-'’])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase());
    })
    .join(' ');
}
