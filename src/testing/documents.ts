// Small, realistic documents for store and CLI tests (shapes as the sources yield them).
import type { AgreementSection, Decision, ParliamentDocument } from '../model/documents.js';

export function sampleSection(overrides: Partial<AgreementSection> = {}): AgreementSection {
  return {
    id: 'justitie/3.4',
    agreement: 'regeerakkoord-test',
    partIndex: 3,
    part: 'VLAANDEREN HELPT',
    chapter: 'Justitie',
    chapterSlug: 'justitie',
    number: '3.4',
    title: 'Veiligheid',
    level: 2,
    parentId: 'justitie/3',
    order: 1,
    pageStart: 150,
    pageEnd: 151,
    text: 'De strijd tegen gewelddadige radicalisering vergt een geïntegreerde aanpak. Er wordt een verbindingsofficier geïnstalleerd.',
    ...overrides,
  };
}

export function sampleDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: '5FBE4A0E6B34EF0008000C2C',
    uri: 'http://themis.vlaanderen.be/id/resource/d4ee8f50-8a7a-11ec-b92e-970acd8c80b9',
    title: 'Lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme: regeling modaliteiten deelname Vlaamse leden',
    shortTitle: 'LIVC-R: deelname Vlaamse leden',
    bodyText: 'De Vlaamse Regering keurt het voorontwerp van decreet principieel goed.',
    bodyHtml: '<p>De Vlaamse Regering keurt het voorontwerp van decreet principieel goed.</p>',
    meetingDate: '2020-10-30',
    meetingId: '5F9A7A2E6B34EF000800021B',
    itemType: 'Nota',
    mandatees: [{ id: '5fed907ee6670526694a0710', name: 'Bart Somers', title: 'Vlaams minister van Binnenlands Bestuur' }],
    themes: ['veiligheid'],
    position: 12,
    ...overrides,
  };
}

export function sampleParliament(overrides: Partial<ParliamentDocument> = {}): ParliamentDocument {
  return {
    id: 'parlement/schriftelijke-vraag-294',
    kind: 'schriftelijke-vraag',
    title: 'LIVC-R - Samenwerkingsakkoord',
    number: '294',
    date: '2022-04-26',
    asker: 'Jeremie Vaneeckhout',
    addressee: null,
    question: 'Hoe komt het dat er nog steeds geen samenwerkingsakkoord is?',
    answer: 'Er is geen zicht op verdere timing en aanpak.',
    text: 'Hoe komt het dat er nog steeds geen samenwerkingsakkoord is? Er is geen zicht op verdere timing en aanpak.',
    uri: null,
    sourceFile: 'schriftelijke-vraag-294.txt',
    ...overrides,
  };
}
