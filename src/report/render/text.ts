// Text helpers shared by the renderers: whitespace, truncation, escaping and
// link safety (truncation lives in src/text/truncate.ts). Everything that reaches a renderer may come from external data
// (decision titles, parliament text), so escaping is never optional.

import { collapseWhitespace } from '../../text/index.js';

/**
 * Puts citation marks where the examples put them: before the final period
 * of a sentence ("... bevorderen \[3\]\[4\]."), otherwise after the text.
 */
export function placeCitations(text: string, marks: string): string {
  if (marks === '') return text;
  // A lone final period, not an ellipsis ("...").
  if (/[^.]\.$/.test(text)) return `${text.slice(0, -1)} ${marks}.`;
  return `${text} ${marks}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Inline Markdown: backslash-escapes what would otherwise become a link,
 * emphasis, code, raw HTML or an entity, so external text shows as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&').replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/** Markdown for the start of a paragraph: text that would read as a heading, quote or list is escaped too. */
export function escapeMarkdownParagraph(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped.replace(/^(\s*)([#+\-=]|\d+(?=[.)]))/, (_, space: string, lead: string) =>
    /^\d+$/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
  );
}

/** Text inside a Markdown table cell: one line, pipes escaped; surrounding spaces are kept (pieces get joined). */
export function escapeTableText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ')).replace(/\|/g, '\\|');
}

/** One whole Markdown table cell. */
export function escapeTableCell(text: string): string {
  return escapeTableText(collapseWhitespace(text));
}

/**
 * The URI when it is an absolute http(s) link, else null: other schemes
 * (javascript:, data:, urn:, ...) must never become a link.
 */
export function safeHttpUrl(uri: string | null | undefined): string | null {
  if (!uri) return null;
  const trimmed = uri.trim();
  // No whitespace or control characters: they cannot be in a real link and could break out of markup.
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/** A safe URL as a Markdown link destination: characters that end or confuse the destination are percent-encoded. */
export function markdownLinkDestination(url: string): string {
  return url.replace(/[()<>\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
