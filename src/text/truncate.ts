// Shortening display text (titles, snippets, quotes) without chopping words.

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` characters (before the ellipsis), whitespace collapsed, cut at
 * the last word boundary when there is one in the second half, so words are
 * not chopped; trailing punctuation before the ellipsis is dropped.
 */
export function truncateAtWord(text: string, max: number, ellipsis = '…'): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const hard = clean.slice(0, max);
  const lastSpace = hard.lastIndexOf(' ');
  const cut = lastSpace >= max / 2 ? hard.slice(0, lastSpace) : hard;
  return `${cut.replace(/[\s,;:.–-]+$/u, '')}${ellipsis}`;
}
