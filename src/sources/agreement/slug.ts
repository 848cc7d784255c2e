// Readable, stable ids for chapters: "Binnenlands bestuur en stedenbeleid" ->
// "binnenlands-bestuur-en-stedenbeleid".

/** Lowercase, diacritics folded ("Financiën" -> "financien"), every run of other characters one "-", no "-" at the ends. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Slugs for a list of titles, unique across the list. A title whose slug was
 * already taken gets "-2", "-3", ... in order of appearance, so the first
 * chapter keeps the plain slug and ids stay stable as long as the order does.
 * An empty slug (a title without letters or digits) becomes "hoofdstuk".
 */
export function uniqueSlugs(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = slugify(title) || 'hoofdstuk';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}
