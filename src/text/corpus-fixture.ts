// Test scaffolding: word counts of the bundled decisions, read crudely (tags
// stripped with a regex). Real ingest uses the proper HTML-to-text adapter.

import { bundledDecisionLines } from '../testing/fixture-data.js';
import { tokenise } from './tokenise.js';

interface RawDecision {
  attributes: { title: string; alternativeTitle: string | null; htmlContent: string | string[] | null };
}

let cachedTexts: string[] | undefined;

/** Title, short title and tag-stripped body of every bundled decision. */
export function decisionTexts(): string[] {
  if (cachedTexts !== undefined) return cachedTexts;
  cachedTexts = bundledDecisionLines().map((line) => {
      const { attributes } = JSON.parse(line) as RawDecision;
      const body = [attributes.htmlContent ?? ''].flat().join(' ');
      const plain = body.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
      return [attributes.title, attributes.alternativeTitle ?? '', plain].join('\n');
    });
  return cachedTexts;
}

/** Token counts over all bundled decisions. */
export function decisionWordFrequencies(): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const text of decisionTexts()) {
    for (const token of tokenise(text)) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  }
  return frequencies;
}
