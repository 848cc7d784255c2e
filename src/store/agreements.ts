// Which agreement a command or request is about: the one it names, else the
// only one, else the newest (the last in name order: agreement names carry
// their years, as in "regeerakkoord-2019-2024").
import { InputError } from '../errors.js';
import type { AgreementSection } from '../model/documents.js';
import type { Store } from './store.js';

/** The agreement to show; null when the store holds none yet. */
export async function resolveAgreement(store: Pick<Store, 'agreements'>, requested?: string): Promise<string | null> {
  const stored = await store.agreements();
  if (requested !== undefined && requested !== '') {
    if (stored.some((a) => a.agreement === requested)) return requested;
    const known = stored.map((a) => a.agreement).join(', ') || 'geen';
    throw new InputError(`no agreement "${requested}" in the index (stored: ${known})`);
  }
  return stored.at(-1)?.agreement ?? null;
}

/** The agreement to show (see resolveAgreement) and its sections in reading order; none when the store holds no agreement. */
export async function agreementSections(store: Pick<Store, 'agreements' | 'sections'>, requested?: string): Promise<{ agreement: string | null; sections: AgreementSection[] }> {
  const agreement = await resolveAgreement(store, requested);
  return { agreement, sections: agreement ? await store.sections(agreement) : [] };
}

/** How an agreement is named to readers: "regeerakkoord-2019-2024" reads "Regeerakkoord 2019-2024". */
export function agreementTitle(agreement: string | null): string {
  if (!agreement) return 'Regeerakkoord';
  const words = agreement.replace(/[-_\s]+/g, ' ').trim().replace(/(\d{4}) (\d{4})/g, '$1-$2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
