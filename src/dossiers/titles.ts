// Title normalisation for dossier grouping: what is left of a decision's
// title once the words that only say which stage it is have been removed.
//
// "Her- of nevenbestemming (voormalige) parochiekerken: voorontwerp van
// wijzigingsdecreet" and "...: ontwerp van wijzigingsdecreet" must become the
// same thing; so must the formal titles "Voorontwerp van decreet houdende de
// machtiging van ...", "Ontwerpdecreet houdende de machtiging van ..." and
// "Bekrachtiging en afkondiging van het decreet houdende de machtiging van
// ..., aangenomen door het Vlaams Parlement op 12 mei 2021".

import { foldForMatching, isStopword, stem, tokeniseFolded } from '../text/index.js';

// Phrases that name the legal form or the stage, removed before tokenising.
// Order matters: longer phrases first.
const STAGE_PHRASES: readonly RegExp[] = [
  /,?\s*aangenomen door het vlaams parlement op [^,;]*/g,
  /\bbekrachtiging en afkondiging van (?:het|de) /g,
  /\b(?:tweede )?principiele goedkeuring(?: van| aan)?\b/g,
  /\bdefinitieve goedkeuring(?: van| aan)?\b/g,
  /\b(?:(?:voor)?ontwerp(?:en)?) van (?:de |het |een )?/g,
  /\bvan de vlaamse regering\b/g,
  /^(?:[a-z]\.\s+)/g,
  // Count words of bundled orders: "Twee ontwerpbesluiten", "42 ontwerpbesluiten".
  /^(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?=ontwerp)/g,
];

// Recovery-plan project prefixes: "Plan Vlaamse Veerkracht:", "Vlaamse
// Veerkracht project 5:", "Plan Vlaamse Veerkracht dossier 67".
const RECOVERY_PREFIX = /^(?:plan )?vlaamse veerkracht(?: (?:project|dossier|dossiernummer)s?)?\s*:?\s*/;

// Single words that name a legal form or stage. Tokens, after folding.
// "uitvoeringsbesluit" is not one of them: an implementing order is another
// act than the decree it implements ("Decreet wonen in eigen streek:
// uitvoeringsbesluit" is not the decree), and so are "kaderdecreet" and
// "programmadecreet", which name what kind of decree it is.
const STAGE_WORDS: ReadonlySet<string> = new Set(
  `
  voorontwerp voorontwerpen ontwerp ontwerpen ontwerpdecreet ontwerpdecreten ontwerpbesluit ontwerpbesluiten
  decreet decreten besluit besluiten wijzigingsdecreet wijzigingsbesluit wijzigingsbesluiten machtigingsdecreet
  instemmingsdecreet instemmingsdecreten
  wijziging wijzigingen wijzigt wijzigen tot houdende betreffende inzake over
  principiele principieel definitieve definitief tweede goedkeuring goedkeuren bekrachtiging afkondiging
  vlaamse regering vlaams vlaanderen parlement aangenomen
  a b c d
  `
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

// Months make dates ("van 7 mei 2004") noise; the year alone stays, since it
// identifies the act being amended.
const MONTHS: ReadonlySet<string> = new Set(
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
);

// Recovery-plan titles that only give a number: "Plan Vlaamse Veerkracht:
// dossier 99", "Plan Vlaamse Veerkracht: dossiernummers 25 en 27".
const PLACEHOLDER = /^(?:dossier|dossiers|dossiernummer|dossiernummers|project|projecten)\s+[\d\s,en]+$/;

/** True when a title names no subject, only a recovery-plan file number. */
export function isPlaceholderTitle(title: string): boolean {
  return PLACEHOLDER.test(foldForMatching(title).trim().replace(RECOVERY_PREFIX_LOOSE, '').trim());
}

const RECOVERY_PREFIX_LOOSE = /^(?:plan )?vlaamse veerkracht\s*:?\s*/;

/** Strips the recovery-plan prefix and the stage phrases from a folded title. */
export function stripStagePhrases(folded: string): string {
  let text = folded.trim().replace(RECOVERY_PREFIX, '');
  for (const phrase of STAGE_PHRASES) text = text.replace(phrase, ' ');
  return text;
}

/**
 * The content terms of a title: folded, stage phrases and stage words removed,
 * function words and month names dropped, stemmed. Day numbers (1-31 next to
 * a month) go with the months; other numbers stay ("2004", "115").
 */
export function titleTerms(title: string): string[] {
  const folded = stripStagePhrases(foldForMatching(title));
  const tokens = tokeniseFolded(folded);
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (MONTHS.has(token)) continue;
    if (/^\d{1,2}$/.test(token) && MONTHS.has(tokens[i + 1] ?? '')) continue;
    if (STAGE_WORDS.has(token) || isStopword(token)) continue;
    terms.push(stem(token));
  }
  return terms;
}

// Display titles lose their stage suffix after the last colon ("...:
// voorontwerp van wijzigingsdecreet", "...: wijzigingsdecreet") and a leading
// stage phrase is reduced to the act it names ("Voorontwerp van decreet
// Leersteun" -> "Decreet Leersteun", "Bekrachtiging en afkondiging decreet
// over ..." -> "Decreet over ..."). Case is kept.
const DISPLAY_STAGE_SUFFIX =
  /\s*[:\-–]\s*(?:(?:tweede |definitieve |principiële )?(?:voorontwerp|ontwerp)(?:en)?(?: van)?(?: \w+)?(?:decreet|besluit)(?:en)?|(?:voorontwerp|ontwerp)(?:en)? van \w*(?:decreet|besluit)(?:en)?|\w*(?:wijzigings|machtigings|instemmings)(?:decreet|besluit)(?:en)?|(?:principiële|definitieve|tweede principiële) goedkeuring|bekrachtiging(?: en afkondiging)?)\s*$/i;
const DISPLAY_STAGE_PREFIX =
  /^(?:bekrachtiging en afkondiging(?: van)?(?: het)?\s+|(?:voor)?ontwerp(?:en)? van (?:het )?|(?:voor)?ontwerp(?=(?:\w*decreet|besluit)))(\w*(?:decreet|besluit))\b/i;

/** A title for display with the stage words removed, keeping case: "Her- of nevenbestemming (voormalige) parochiekerken". */
export function displayTitle(title: string): string {
  const cleaned = title
    .trim()
    .replace(DISPLAY_STAGE_SUFFIX, '')
    .replace(DISPLAY_STAGE_PREFIX, (_, act: string) => act)
    // "...: voorontwerp wijzigingsdecreet toezichtsbepalingen" -> "...: wijzigingsdecreet toezichtsbepalingen"
    .replace(/(:\s*)(?:voor)?ontwerp(?:en)?(?: van)? (?=\w*(?:decreet|besluit))/i, '$1')
    .trim();
  if (cleaned.length === 0) return title.trim();
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

// Where the legal text of a formal title starts, after its descriptive head
// ("Oproepen erfgoedpremie Voorontwerp van besluit van de Vlaamse Regering ...").
const LEGAL_TEXT_START = /\s*\b(?:[A-Z]\.\s+)?(?:Voorontwerp|Ontwerp|Ontwerpbesluit|Ontwerpdecreet|Ontwerpen|Twee|Drie|Vier|Vijf|Zes|Zeven|Acht|\d+)\b.*$/su;

/**
 * The title to show for a decision: its title with the stage words removed,
 * or, for a recovery-plan placeholder ("Plan Vlaamse Veerkracht: dossier 99"),
 * the plan prefix with the descriptive head of the formal title ("Plan
 * Vlaamse Veerkracht: Oproepen erfgoedpremie").
 */
export function decisionDisplayTitle(title: string, shortTitle: string | null): string {
  if (isPlaceholderTitle(title) && shortTitle) {
    const head = shortTitle.replace(LEGAL_TEXT_START, '').trim();
    if (head.length > 0) return `Plan Vlaamse Veerkracht: ${head}`;
  }
  return displayTitle(title);
}

/** The legal form a formal title announces: a decree, an order of the government, a cooperation agreement. */
export type ActForm = 'decreet' | 'besluit' | 'samenwerkingsakkoord';

const ACT_FORMS: readonly (readonly [RegExp, ActForm])[] = [
  [/\b(?:voor)?ontwerp(?:en)? ?(?:van )?(?:het |een )?\w*decre(?:et|ten)\b|\bbekrachtiging en afkondiging van het \w*decreet\b|^\w*decreet\b/, 'decreet'],
  [/\b(?:voor)?ontwerp(?:en)? ?(?:van )?(?:het |een )?(?:\w+ )?\w*besluit(?:en)?\b/, 'besluit'],
  [/\b(?:voor)?ontwerp(?:en)? van (?:een )?samenwerkingsakkoord\b/, 'samenwerkingsakkoord'],
];

/**
 * The legal form of a formal title (`shortTitle`), the earliest one named;
 * null when it names none. A decree and the order that implements it are
 * different files with their own stages.
 */
export function actForm(formalTitle: string | null): ActForm | null {
  if (!formalTitle) return null;
  const folded = foldForMatching(formalTitle).replace(/^[a-z]\.\s+/, '');
  let best: { at: number; form: ActForm } | null = null;
  for (const [pattern, form] of ACT_FORMS) {
    const match = pattern.exec(folded);
    if (match && (best === null || match.index < best.at)) best = { at: match.index, form };
  }
  return best?.form ?? null;
}
