// One decisions-site JSON:API `news-item` record -> a Decision.
// The export is loose: several attributes are a string in one record, a list
// of strings in the next and null in a third. Everything optional is read
// leniently; only what a decision cannot do without is required.
import { InputError } from '../../errors.js';
import type { Decision, Mandatee } from '../../model/documents.js';
import { htmlToText, sanitiseHtml } from '../html.js';
import { brusselsDate } from './dates.js';

type Attributes = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cleanString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** A string, a list of strings or null/absent, as a list (entries that are not strings become null, keeping positions). */
function stringList(value: unknown): (string | null)[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(cleanString);
  return [cleanString(value)];
}

/** Parallel lists mandateeIds/FirstNames/FamilyNames/Titles/Names zipped by position. */
function mandatees(attributes: Attributes): Mandatee[] {
  const ids = stringList(attributes.mandateeIds);
  const firstNames = stringList(attributes.mandateeFirstNames);
  const familyNames = stringList(attributes.mandateeFamilyNames);
  const titles = stringList(attributes.mandateeTitles);
  const names = stringList(attributes.mandateeNames);
  const count = Math.max(ids.length, firstNames.length, familyNames.length, titles.length, names.length);
  const result: Mandatee[] = [];
  for (let i = 0; i < count; i++) {
    const fromParts = [firstNames[i], familyNames[i]].filter((part): part is string => !!part).join(' ');
    const name = fromParts || names[i];
    // A mandatee without a name is of no use in a report.
    if (!name) continue;
    result.push({ id: ids[i] ?? null, name, title: titles[i] ?? null });
  }
  return result;
}

function themes(value: unknown): string[] {
  return [...new Set(stringList(value).filter((theme): theme is string => theme !== null))];
}

/** Agenda position: a number, or a list when the item spans several agenda slots (then the first slot). */
function position(value: unknown): number | null {
  const candidates = (Array.isArray(value) ? value : [value])
    .map((entry) => (typeof entry === 'string' && entry.trim() !== '' ? Number(entry) : entry))
    .filter((entry): entry is number => typeof entry === 'number' && Number.isFinite(entry));
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

/** htmlContent is null, a string or (rarely) a list of fragments. */
function htmlParts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((part): part is string => typeof part === 'string');
  return [];
}

const BLOCK_MARKUP = /<(p|div|ul|ol|h[1-6]|table)\b/i;

/**
 * The site's editor separates paragraphs of markup-free bodies by blank lines,
 * which a browser would run together: make them real paragraphs.
 */
function paragraphsFromBlankLines(html: string): string {
  if (BLOCK_MARKUP.test(html) || !/\n\s*\n/.test(html)) return html;
  const chunks = html.split(/\n\s*\n/).map((chunk) => chunk.trim()).filter((chunk) => chunk !== '');
  // Re-sanitising closes any inline tag that spanned a blank line.
  return chunks.length > 1 ? sanitiseHtml(chunks.map((chunk) => `<p>${chunk}</p>`).join('\n')) : html;
}

function body(value: unknown): { bodyText: string; bodyHtml: string } {
  const parts = htmlParts(value);
  const bodyText = parts.map(htmlToText).filter((text) => text !== '').join('\n\n');
  const safeParts = parts.map((part) => paragraphsFromBlankLines(sanitiseHtml(part))).filter((html) => html !== '');
  // Several inline fragments would run together when embedded: give each its own paragraph.
  const bodyHtml =
    safeParts.length > 1 ? safeParts.map((html) => (BLOCK_MARKUP.test(html) ? html : `<p>${html}</p>`)).join('\n') : (safeParts[0] ?? '');
  return { bodyText, bodyHtml };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Normalises one `news-item` record. Throws an InputError naming the problem
 * when the record is not a news-item or lacks an id, uri, title or meeting date.
 */
export function normaliseDecision(record: unknown): Decision {
  if (!isObject(record)) {
    throw new InputError(`record is ${Array.isArray(record) ? 'a list' : record === null ? 'null' : `a ${typeof record}`}, not a news-item object`);
  }
  if (record.type !== 'news-item') {
    throw new InputError(`record type is ${JSON.stringify(record.type ?? null)}, expected "news-item"`);
  }
  const attributes = record.attributes;
  if (!isObject(attributes)) throw new InputError('news-item has no attributes object');

  const id = cleanString(record.id) ?? cleanString(attributes.uuid);
  if (!id) throw new InputError('news-item has no id (neither "id" nor "attributes.uuid")');
  const where = `news-item ${id}`;

  const uri = cleanString(attributes.uri);
  if (!uri) throw new InputError(`${where} has no uri`);
  if (!isHttpUrl(uri)) throw new InputError(`${where} has a uri that is not an http(s) URL: ${JSON.stringify(uri)}`);

  const title = cleanString(attributes.title);
  if (!title) throw new InputError(`${where} has no title`);

  const rawDate = attributes.meetingDate;
  if (typeof rawDate !== 'string' || rawDate.trim() === '') throw new InputError(`${where} has no meetingDate`);
  const meetingDate = brusselsDate(rawDate.trim());
  if (!meetingDate) throw new InputError(`${where} has a meetingDate that is not an ISO date: ${JSON.stringify(rawDate)}`);

  return {
    id,
    uri,
    title,
    shortTitle: cleanString(attributes.alternativeTitle),
    ...body(attributes.htmlContent),
    meetingDate,
    meetingId: cleanString(attributes.meetingId),
    itemType: cleanString(attributes.agendaitemType),
    mandatees: mandatees(attributes),
    themes: themes(attributes.themeId),
    position: position(attributes.position),
  };
}
