// What of each stored document the search sees.
import type { Decision, ParliamentDocument } from '../model/documents.js';
import type { SearchableDoc } from './engine.js';

export function decisionForSearch(d: Decision): SearchableDoc {
  return {
    id: d.id,
    type: 'decision',
    date: d.meetingDate,
    title: d.title,
    subtitle: d.shortTitle ?? '',
    body: d.bodyText,
    mandatees: d.mandatees.map((m) => m.name),
  };
}

export function parliamentForSearch(p: ParliamentDocument): SearchableDoc {
  return {
    id: p.id,
    type: 'parliament',
    date: p.date,
    title: p.title,
    subtitle: '',
    body: p.text,
    mandatees: p.addressee ? [p.addressee] : [],
  };
}

/** The text of a document as analysed for the compound lexicon and sent to an embedding model: title, short title, body. */
export function searchText(doc: SearchableDoc): string {
  return [doc.title, doc.subtitle, doc.body].filter((part) => part.trim() !== '').join('\n');
}
