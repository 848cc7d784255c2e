// Splits an agreement section into commitments (sentences or list items that
// promise an action) and context (vision, diagnosis, explanation).
//
// A coalition agreement promises mostly in the present tense with the
// government as subject ("We creëren een decretaal kader", "Daarom zetten we
// in op ...", "De Vlaamse regering ondersteunt ...", "VLAIO monitort ..."), in
// the future ("zal", "zullen"), as an intention ("wil", "willen", "gaan" +
// infinitive, "Het is onze ambitie"), in the passive of a main clause ("wordt
// een verbindingsofficier ... geïnstalleerd", "wordt geëvalueerd"), with "Er
// komt ...", with a dated or quantified target ("Ten laatste vóór 2035 ...",
// "moet ... toenemen tot minstens 40%"), or as a list item: under a promising
// lead ("Dat alles doet ze door:") or phrased as an action ("Versterken van
// groenblauwe netwerken"). The rules below look for those cues, in that order;
// a sentence without one is context. A sentence joined by ";" is split when
// every piece carries a cue of its own.
//
// Deliberate choices (pinned by tests):
// - A normative "moet/moeten/dient" without the government as subject ("X moet
//   krachtdadig worden aangepakt") is context: it states a need, not what the
//   government will do, and nothing could show it kept or broken. With the
//   government as subject ("moeten we", "De Vlaamse regering moet") or with a
//   measurable target it is a commitment.
// - "We" with a state or cognition verb ("we zijn", "we erkennen", "we gaan uit
//   van", "we kunnen bijsturen", "stellen ... vast") is context, and so are
//   explanations that start with "Dit betekent", "Het gaat om", "Het is de
//   taak van", footnotes, predicted effects ("Dit zal leiden tot", "zal ...
//   stijgen") and trends ("wordt steeds belangrijker").
// - The short lead of a list ("De Vlaamse regering zet daarom in op:") is
//   context when its items become commitments: the items carry the promise.
// - A leading paragraph number ("2 Allianties te sluiten ...") is not part of
//   the span; otherwise every span is a whole sentence of the section text.
import { splitSentenceSpans } from '../text/index.js';

export interface CommitmentSpan {
  /** `<sectionId>#<n>`, n from 1 over the commitments of the section in reading order. */
  id: string;
  /** Exactly `sectionText.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

export interface ExtractedCommitments {
  commitments: CommitmentSpan[];
  /** Every other sentence of the section (vision, diagnosis, explanation); ids `<sectionId>~<n>`. */
  context: CommitmentSpan[];
}

/** Why a sentence was classified the way it was; exported for tests and for tuning. */
export type SentenceCue =
  | 'we-action' // "We creëren ...", "Daarom zetten we in op ..."
  | 'government-action' // "De Vlaamse regering ondersteunt ...", "VLAIO monitort ..."
  | 'future' // "zal", "zullen"
  | 'intention' // "wil", "willen", "wensen", "gaan" + infinitive, "streven naar"
  | 'passive' // "wordt ... geïnstalleerd", "wordt een aparte bevoegdheid"
  | 'there-will-be' // "Er komt ...", "Zo komt er ..."
  | 'target' // "moet ... toenemen tot minstens 40%"
  | 'action-item' // a list item starting with a verbal noun: "Versterken van ..."
  | 'list-item' // a list item under a promising lead
  | 'explanation' // "Dit betekent ...", "Het gaat om ..."
  | 'aim' // "We maken werk van ...", "We geven ... alle kansen": an aim with no deliverable to check
  | 'normative' // "X moet ... worden aangepakt" without the government as subject
  | 'question'
  | 'fragment' // too short to promise anything, or a table cell
  | 'none';

export interface SentenceClassification {
  commitment: boolean;
  cue: SentenceCue;
}

/** Commitments and context of one section's text; every span is an exact slice of `text`. */
export function extractCommitments(sectionId: string, text: string): ExtractedCommitments {
  const units = sentenceUnits(text);
  const classified = units.map((unit) => ({
    unit,
    ...classifySentence(unit.text, { listItem: startsListItem(text, unit.start) }),
  }));
  inheritFromListLeads(text, classified);
  inheritPronounSubjects(classified);

  const commitments: CommitmentSpan[] = [];
  const context: CommitmentSpan[] = [];
  for (const { unit, commitment } of classified) {
    if (commitment) commitments.push({ id: `${sectionId}#${commitments.length + 1}`, ...unit });
    else context.push({ id: `${sectionId}~${context.length + 1}`, ...unit });
  }
  return { commitments, context };
}

interface Unit {
  text: string;
  start: number;
  end: number;
}

// Sentences, with a leading paragraph enumerator ("1 Actief in te spelen ...")
// dropped, and long sentences split at ";" when both halves promise something.
function sentenceUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const span of splitSentenceSpans(text)) {
    const unit = withoutEnumerator(span);
    if (unit === null) continue;
    units.push(...splitAtSemicolons(unit));
  }
  return units;
}

const LEADING_ENUMERATOR = /^\d{1,2}[ \t]+(?=\p{Lu})/u;

function withoutEnumerator(span: Unit): Unit | null {
  const match = LEADING_ENUMERATOR.exec(span.text);
  if (match === null) return span;
  const cut = match[0].length;
  if (cut >= span.text.length) return null;
  return { text: span.text.slice(cut), start: span.start + cut, end: span.end };
}

function splitAtSemicolons(unit: Unit): Unit[] {
  if (!unit.text.includes(';')) return [unit];
  const parts: Unit[] = [];
  let from = 0;
  for (let i = unit.text.indexOf(';'); i !== -1; i = unit.text.indexOf(';', i + 1)) {
    parts.push(trimmed(unit, from, i + 1));
    from = i + 1;
  }
  if (from < unit.text.length) parts.push(trimmed(unit, from, unit.text.length));
  const pieces = parts.filter((part) => WORD.test(part.text));
  // Split only when every piece stands on its own as a promise; otherwise the
  // ";" separates an enumeration that belongs to one commitment.
  if (pieces.length < 2 || !pieces.every((piece) => classifySentence(piece.text).commitment)) return [unit];
  return pieces;
}

function trimmed(unit: Unit, from: number, to: number): Unit {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(unit.text.charAt(start))) start++;
  while (end > start && /\s/.test(unit.text.charAt(end - 1))) end--;
  return { text: unit.text.slice(start, end), start: unit.start + start, end: unit.start + end };
}

const WORD = /\p{L}/u;

/**
 * Classifies one sentence on its own; `listItem` says it starts a bullet or numbered item
 * (inheritance from a list's lead is applied by `extractCommitments`).
 */
export function classifySentence(sentence: string, options: { listItem?: boolean } = {}): SentenceClassification {
  const cue = sentenceCue(sentence, options.listItem ?? false);
  return { commitment: COMMITMENT_CUES.has(cue), cue };
}

const COMMITMENT_CUES: ReadonlySet<SentenceCue> = new Set<SentenceCue>([
  'we-action',
  'government-action',
  'future',
  'intention',
  'passive',
  'there-will-be',
  'target',
  'action-item',
  'list-item',
]);

function sentenceCue(sentence: string, listItem: boolean): SentenceCue {
  const tokens = wordTokens(sentence);
  const words = tokens.filter((token) => token !== ',' && token !== ';' && token !== ':');
  if (sentence.trimEnd().endsWith('?')) return 'question';
  if (words.length < 4) return 'fragment';
  if (EXPLANATION_START.test(sentence)) return 'explanation';
  if (isAimWithoutDeliverable(sentence)) return 'aim';

  const we = weCue(tokens);
  if (we !== null) return we;
  const government = governmentCue(tokens) ?? agencyCue(sentence, tokens);
  if (government !== null) return government;
  if (INTENTION_PHRASE.test(sentence)) return 'intention';
  const trend = isTrend(tokens);
  if (!trend && hasFuture(tokens)) return 'future';
  if (THERE_WILL_BE.test(sentence)) return 'there-will-be';
  if (DEADLINE.test(sentence)) return 'target';
  if (isNormative(tokens)) return TARGET.test(sentence) ? 'target' : 'normative';
  if (!trend && hasMainClausePassive(tokens)) return 'passive';
  if (GIVEN_TASK.test(sentence)) return 'government-action';
  if (listItem && ACTION_ITEM_START.test(sentence) && !PLURAL_NOUN_STARTS.test(sentence)) return 'action-item';
  return 'none';
}

// Lowercase words and the clause punctuation that matters for word order.
function wordTokens(sentence: string): string[] {
  return sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[,;:()–]/gu) ?? [];
}

// Explanations and asides that elaborate a previous sentence without promising anything new.
const EXPLANATION_START =
  /^(?:Dit|Dat) (?:betekent|houdt in|wil zeggen|impliceert|vraagt|kan door|is goed)|^Het gaat (?:hier |dan )?(?:om|over)\b|^Het is (?:de taak|aan) |^Voetnoot\b|^Kortom\b/u;

// Aims, values and effects phrased as if they were actions: nothing a decision
// could show kept or broken ("We maken werk van een zorgshift", "We geven onze
// land- en tuinbouwers alle kansen", "We hebben aandacht voor ...", "Door te
// investeren in ... maken we ... aantrekkelijk", "Daarmee wordt ... ondersteund").
// A sentence that also names an instrument, a date or a figure is kept.
const AIM_PHRASES = [
  // "wil/zal werk maken van" names an aim; "We maken werk van ontharding" is an action and stays.
  /\bwerk (?:maken|te maken) van\b/u,
  /\balle kansen\b/u,
  /\b(?:hebben|heeft)(?: we| wij)?(?: \p{L}+)? (?:aandacht|oog) voor\b/u,
  /\balles in het werk\b/u,
  /\bgeen afbreuk\b/u,
  /\b(?:zetten|zet)(?: we| wij)?(?: \p{L}+)? (?:volop|maximaal) in op\b/u,
  /^(?:We|Wij) voeren (?:een |ons |onze )?[\p{L}-]*beleid\b/u,
  /^Denken we\b/u,
  /^Door (?:te |hun |zijn |haar |het |de |een )/u,
  /^(?:We doen dit|Dit doen we|Dat doen we|En dat doen we)\b/u,
  /^(?:Daarmee|Hierdoor|Daardoor)\b/u,
  /^(?:Veel|Ruim|De meeste|Steeds meer|Almaar meer)\b/u,
  /\b(?:verzoenen|promoten)\b/u,
  /\bversterken (?:de|het|onze) (?:zichtbaarheid|imago|uitstraling)\b/u,
];
// Compounds count by their head: "renovatiepremie", "actieplan", "kaderdecreet".
const INSTRUMENT =
  /(?:decre(?:et|ten|taal|tale)|besluit|\bBVR|\bwet(?:geving|telijk)?|regelgeving|reglement|fonds|premie|oproep|plan|nota|kader|agentschap|regeling|register|databank|platform|label|charter|convenant|overeenkomst|akkoord|studie|onderzoek|evaluatie|monitor|meetlat|indicator|verbod|verplicht\p{L}*)\b|\b20[2-4]\d\b|\d+ ?%|\bmiljoen\b|\bmiljard\b/u;

function isAimWithoutDeliverable(sentence: string): boolean {
  return AIM_PHRASES.some((phrase) => phrase.test(sentence)) && !INSTRUMENT.test(sentence);
}

// Words before a clause-initial subject: the verb follows the subject ("We creëren").
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([',', ';', ':', '(', '–', 'en', 'maar', 'want', 'of', 'dus']);

// Subordinators: the finite verb of their clause comes last, so "dat we ..." is not a main-clause promise.
const SUBORDINATORS: ReadonlySet<string> = new Set(
  (
    'dat zodat opdat waarbij waardoor waarmee waarin waarvoor waarop waaraan hoe wat wie die als indien ' +
    'wanneer omdat aangezien waar terwijl nadat voordat tenzij zolang om doordat hoewel zodra ' +
    'totdat welke waarover vanwaar naargelang'
  ).split(' '),
);

// "dat"/"die"/"wat" open a subordinate clause, except as a demonstrative at the start of the
// sentence or after a preposition ("In dat overleg wordt ...", "Dat samenwerkingsakkoord ...").
function isSubordinatorAt(tokens: readonly string[], index: number): boolean {
  const token = tokens[index] ?? '';
  if (!SUBORDINATORS.has(token)) return false;
  if (token !== 'dat' && token !== 'die' && token !== 'wat') return true;
  if (index === 0) return false;
  return !PREPOSITIONS.has(tokens[index - 1] ?? '');
}

const PREPOSITIONS: ReadonlySet<string> = new Set(
  'in op met voor van door bij na uit aan over onder tot naar tegen binnen buiten zonder via vanuit rond sinds volgens tijdens dankzij ondanks'.split(' '),
);

// Verbs that, with the government as subject, state a fact, a belief or a capacity rather than an action.
const STATE_VERBS: ReadonlySet<string> = new Set(
  (
    'zijn is ben was waren heeft hebben had hadden weten weet geloven gelooft vinden vindt menen meent ' +
    'beseffen beseft kunnen kan mogen mag zien ziet erkennen erkent kennen kent beschikken beschikt ' +
    'bevinden bevindt staan staat tellen telt scoren scoort functioneren functioneert verwachten verwacht ' +
    'hopen hoopt betreuren betreurt beschouwen beschouwt merken merkt stellen stelt delen deelt ' +
    'onderschrijven onderschrijft herhalen herhaalt bevestigen bevestigt behoren behoort werd werden ' +
    'krijgen krijgt verkrijgen verkrijgt hechten hecht'
  ).split(' '),
);

function isStateUse(verb: string, following: readonly string[]): boolean {
  const next = following.slice(0, 6);
  // "we hebben (specifieke) aandacht voor", "heeft de ambitie om" promise attention or an aim.
  if (verb === 'hebben' || verb === 'heeft') return !following.slice(0, 14).some((word) => word === 'aandacht' || word === 'ambitie' || word === 'oog');
  // "Vandaag stellen we de terugkeer van ... vast" observes; "stellen ... op" is an action.
  if (verb === 'stellen' || verb === 'stelt') {
    const sentencePart = following.filter((word) => word !== ',').slice(0, 25);
    const vast = sentencePart.indexOf('vast');
    return vast !== -1 && !sentencePart.slice(0, vast).includes('op') && sentencePart[vast + 1] !== 'te';
  }
  if (verb === 'staan' || verb === 'staat') return !next.includes('garant') && !next.includes('klaar');
  if (verb === 'gaan' || verb === 'gaat') return isVisionGo(following);
  if (verb === 'wordt' || verb === 'worden') return following.slice(0, 4).some((word) => DESCRIPTIVE_PARTICIPLES.has(word)); // "wordt gekenmerkt door"
  if (verb === 'zien' || verb === 'ziet') return !following.slice(0, 4).includes('toe'); // "ziet erop toe dat" supervises
  if (verb === 'spelen' || verb === 'speelt') return following.some((word) => /rol$/.test(word)); // "speelt een voortrekkersrol"; not "spelen ... uit"
  return STATE_VERBS.has(verb);
}

// "We gaan uit van", "De regering gaat voor een ... samenleving", "gaan hand in hand", "gaan om met".
function isVisionGo(following: readonly string[]): boolean {
  const [first, second] = following;
  if (first === 'voor' || first === 'hand' || (first === 'uit' && second === 'van')) return true;
  const window = following.slice(0, 8);
  const uit = window.indexOf('uit');
  if (uit !== -1 && window[uit + 1] === 'van') return true;
  const om = window.indexOf('om');
  return om !== -1 && window[om + 1] === 'met';
}

function weCue(tokens: readonly string[]): SentenceCue | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token !== 'we' && token !== 'wij') continue;
    const before = i > 0 ? tokens[i - 1] : undefined;
    if (before !== undefined && isSubordinatorAt(tokens, i - 1)) continue;
    let verb: string | undefined;
    let following: readonly string[];
    if (before === undefined || CLAUSE_OPENERS.has(before)) {
      verb = tokens[i + 1];
      following = tokens.slice(i + 2);
    } else {
      verb = before; // inversion: "Daarom zetten we ..."
      following = tokens.slice(i + 1);
    }
    if (verb === undefined || !/\p{L}/u.test(verb)) continue;
    if (isStateUse(verb, following)) continue;
    if (verb === 'willen' || verb === 'wensen' || verb === 'gaan') return 'intention';
    if (verb === 'zullen') return 'future';
    return 'we-action';
  }
  return null;
}

// Government actors as subject. Multi-word names are matched on the token list.
const GOVERNMENT_SUBJECTS: readonly (readonly string[])[] = [
  ['de', 'nieuwe', 'vlaamse', 'regering'],
  ['deze', 'vlaamse', 'regering'],
  ['de', 'vlaamse', 'regering'],
  ['de', 'vlaamse', 'overheid'],
  ['de', 'vlaamse', 'minister'],
  ['de', 'regering'],
  ['de', 'minister'],
  ['de', 'overheid'],
  ['het', 'vlaams', 'gewest'],
  ['het', 'vlaamse', 'gewest'],
  ['de', 'vlaamse', 'gemeenschap'],
  ['vlaanderen'],
];

// Flemish agencies named by their acronym at the start of a sentence: "VLAIO monitort ...",
// "De VDAB werkt hiervoor een aangepaste strategie uit", "NADO Vlaanderen moderniseert ...".
// The agreement gives them tasks; international bodies are not Flemish actors.
const AGENCY_SUBJECT = /^(?:De |Het )?(\p{Lu}{2,}[\p{Lu}\p{N}-]*|De Lijn)(?: Vlaanderen)? (\p{Ll}+)\b/u;
const NOT_FLEMISH_AGENCIES: ReadonlySet<string> = new Set(
  'EU VN VS VK OESO IMF NAVO EIB CEB WHO WTO NMBS AI ICT KMO O&O'.split(' '),
);

function agencyCue(sentence: string, tokens: readonly string[]): SentenceCue | null {
  const match = AGENCY_SUBJECT.exec(sentence);
  if (match === null || NOT_FLEMISH_AGENCIES.has(match[1] ?? '')) return null;
  const verb = (match[2] ?? '').toLowerCase();
  const following = tokens.slice(tokens.indexOf(verb) + 1);
  if (!looksFinite(verb) || PAST_IN_T.has(verb) || verb === 'moet' || verb === 'dient') return null;
  if (isStateUse(verb, following)) return null;
  if (verb === 'zal') return 'future';
  if (verb === 'wil' || verb === 'wenst') return 'intention';
  return 'government-action';
}

const PAST_IN_T: ReadonlySet<string> = new Set('bracht dacht zocht kocht mocht wist'.split(' '));

function governmentCue(tokens: readonly string[]): SentenceCue | null {
  for (let i = 0; i < tokens.length; i++) {
    const subject = GOVERNMENT_SUBJECTS.find((name) => name.every((word, k) => tokens[i + k] === word));
    if (subject === undefined) continue;
    const before = i > 0 ? tokens[i - 1] : undefined;
    let verb: string | undefined;
    let following: readonly string[];
    if (before === undefined || CLAUSE_OPENERS.has(before)) {
      let after = i + subject.length;
      // "De Vlaamse minister bevoegd voor Justitie en Handhaving neemt ...": skip the title.
      if (tokens[after] === 'bevoegd') {
        while (after < tokens.length && !/t$/.test(tokens[after] ?? '') && after - i < 12) after++;
        if (tokens[after] === 'bevoegd') after++;
        while (after < tokens.length && !/^\p{Ll}+t$/u.test(tokens[after] ?? '')) after++;
      }
      verb = tokens[after];
      following = tokens.slice(after + 1);
    } else if (looksFinite(before) && !PREPOSITIONS.has(before ?? '') && !isSubordinatorAt(tokens, i - 2)) {
      verb = before; // inversion: "Vanuit zijn bevoegdheden werkt Vlaanderen ..."
      following = tokens.slice(i + subject.length);
    } else {
      continue;
    }
    if (verb === undefined || !/\p{L}/u.test(verb)) continue;
    if (isStateUse(verb, following)) continue;
    if (verb === 'wil' || verb === 'wenst' || verb === 'gaat') return 'intention';
    if (verb === 'zal') return 'future';
    if (!looksFinite(verb)) continue;
    return 'government-action';
  }
  return null;
}

// Third-person present forms end in -t (or -d: "wordt", "vindt"); a few are irregular.
function looksFinite(word: string | undefined): boolean {
  if (word === undefined) return false;
  if (IRREGULAR_FINITE.has(word)) return true;
  return /^\p{Ll}{2,}[td]$/u.test(word) && !NOT_VERBS_IN_T.has(word);
}

const IRREGULAR_FINITE: ReadonlySet<string> = new Set('zal zullen wil kan mag moet is heeft gaat doet staat slaat ziet blijft'.split(' '));
const NOT_VERBS_IN_T: ReadonlySet<string> = new Set(
  'met tot uit dat wat niet ook heel net want toch echt zelfs meest minst best eerst laatst vast recht'.split(' '),
);

// "Het is de vaste intentie van de Vlaamse regering om ...", "Het is onze ambitie dat ..." (not "niet de bedoeling").
const INTENTION_PHRASE =
  /\b(?:is|blijft) (?:het )?(?:evenwel |ook |dan ook )?(?:de |onze |haar )(?:vaste |uitdrukkelijke |duidelijke )?(?:intentie|ambitie|bedoeling)\b/u;

// A dated deadline promises a result: "Ten laatste vóór 2035 rijden alle bussen ... emissievrij".
const DEADLINE = /\b(?:[Tt]egen|[Tt]en laatste(?: in| vóór| voor| tegen| op)?|[Uu]iterlijk(?: in| tegen| op)?)(?: (?:eind|begin|midden))? (?:\d{1,2} \p{Ll}+ )?20[2-4]\d\b/u;

// "wordt steeds belangrijker", "zal ook steeds sterker worden", "worden steeds grotere hoeveelheden ...":
// a trend described, not a measure.
function isTrend(tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) =>
      (token === 'steeds' || token === 'almaar' || token === 'alsmaal' || token === 'alsmaar') &&
      /^\p{L}{3,}(?:er|ere)$/u.test(tokens[i + 1] ?? ''),
  );
}

// "Dit zal leiden tot ...", "Evenzeer zal de kwaliteit van het leven stijgen": a predicted effect, not a measure.
const EFFECT_VERBS: ReadonlySet<string> = new Set(
  'leiden bijdragen stijgen dalen toenemen afnemen verbeteren ontstaan veranderen groeien functioneren'.split(' '),
);

function hasFuture(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token !== 'zal' && token !== 'zullen') continue;
    if (i === 1 && (tokens[0] === 'het' || tokens[0] === 'dit' || tokens[0] === 'dat')) continue;
    const clause = clauseAfter(tokens, i);
    if (clause.some((word) => EFFECT_VERBS.has(word))) continue;
    // "... zodat het zal ..." describes an effect; the main clause decides then.
    const clauseStart = lastClauseStart(tokens, i);
    if (clauseStart > 0) continue;
    return true;
  }
  return false;
}

function clauseAfter(tokens: readonly string[], index: number): string[] {
  const clause: string[] = [];
  for (let i = index + 1; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === ',' || token === ';' || token === ':' || isSubordinatorAt(tokens, i)) break;
    clause.push(token);
  }
  return clause;
}

function lastClauseStart(tokens: readonly string[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (isSubordinatorAt(tokens, i)) return i;
    if (tokens[i] === ',' || tokens[i] === ';') return -1;
  }
  return -1;
}

const THERE_WILL_BE = /(?:^|[,;:] |\b(?:Zo|Daarom|Hiervoor|Daarnaast|Ook|Tevens|Bovendien|Verder|Voortaan|Daarbij) )(?:[Ee]r (?:komt|komen)\b|(?:komt|komen) er\b)/u;

// Normative sentences: "moet(en)", "dient/dienen ... te" (without the government as subject, which weCue/governmentCue catch first).
// Only a modal of the main clause counts: "..., dat door de inburgeraar moet worden ondertekend" does not.
function isNormative(tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) => (token === 'moet' || token === 'moeten' || token === 'dient' || token === 'dienen') && lastClauseStart(tokens, i) === -1,
  );
}

// A measurable target turns a normative sentence into a commitment.
const TARGET = /\d+ ?%|\bprocent\b|\btegen (?:eind )?20\d\d\b|\btot (?:minstens|maximaal|minimaal)\b|\bhalveren\b|\bverdubbelen\b/u;

// "wordt/worden" as finite verb of the main clause, followed by a participle or a predicate
// ("wordt een verbindingsofficier ... geïnstalleerd", "wordt een aparte Vlaamse bevoegdheid").
// In a subordinate clause the auxiliary comes last ("die besproken worden") and does not count.
function hasMainClausePassive(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token !== 'wordt' && token !== 'worden') continue;
    const clauseStart = lastClauseStart(tokens, i);
    if (clauseStart !== -1) continue; // inside a subordinate clause
    const next = tokens[i + 1];
    // A clause-final auxiliary ("..., die besproken worden, ..."); a comma right after a
    // second-position "wordt" only opens an inserted phrase ("Hierin wordt, voor ..., een termijn vastgelegd").
    if (next === undefined || /^[;:)]$/.test(next) || (next === ',' && i > 3)) continue;
    if (token === 'worden' && !hasVerbBefore(tokens, i)) continue;
    if (isConsequence(tokens)) continue;
    if (DESCRIPTIVE_PARTICIPLES.has(tokens[i + 1] ?? '')) continue;
    return true;
  }
  return false;
}

// "worden" is finite only in the second position of a clause after a plural subject; as an
// infinitive it follows a modal ("moet ... worden") which isNormative handles.
function hasVerbBefore(tokens: readonly string[], index: number): boolean {
  return !tokens.slice(0, index).some((token) => token === 'moet' || token === 'moeten' || token === 'kan' || token === 'kunnen' || token === 'mag' || token === 'mogen');
}

// "Vlaanderen wordt gekenmerkt door ...": a passive that describes rather than promises.
const DESCRIPTIVE_PARTICIPLES: ReadonlySet<string> = new Set(
  'gekenmerkt geconfronteerd beschouwd gezien bedreigd beïnvloed verstaan genoemd gedomineerd omschreven gedefinieerd ervaren'.split(' '),
);

// "Op die manier wordt de planlast verhoogd": an effect described, not a measure.
function isConsequence(tokens: readonly string[]): boolean {
  const opening = tokens.slice(0, 3).join(' ');
  return /^(?:op die manier|hierdoor|daardoor|zo wordt|zo worden)/.test(opening);
}

// "De onderwijsinspectie krijgt (permanent) de (bijkomende) opdracht", "krijgen een decretale verankering".
const GIVEN_TASK =
  /^(?:[^,]*?) (?:krijgt|krijgen)\b(?: \p{Ll}+){0,3} (?:opdracht|verankering|mandaat|bevoegdheid|rol|taak)\b/u;

// List items phrased as actions: "Versterken van groenblauwe netwerken", "Het versterken van ...",
// "Minimaliseren van risico's", "Streven naar ...", "Actief in te spelen op ...", "Allianties te sluiten ...".
const ACTION_ITEM_START =
  /^(?:(?:Het|De) )?(?:[\p{Lu}][\p{Ll}]+(?:eren|elen|enen|pen|ken|gen|ten|den|zen|ven|nen|len|ren|sen|chen|ijen|ien)) (?:van|naar|op|in|voor|met|de|het|een|en)\b|^[\p{Lu}][^,.;:]{0,80}? (?:in )?te \p{Ll}+en\b/u;

// Plural nouns that the verbal-noun pattern would take for infinitives.
const PLURAL_NOUN_STARTS = /^(?:(?:Het|De) )?(?:Gemeenten|Scholen|Ouders|Jongeren|Leerkrachten|Ondernemingen|Personen|Burgers|Werkgevers|Werknemers|Instellingen|Diensten|Middelen|Organisaties|Overheden|Besturen|Sectoren|Regio|Kinderen|Studenten|Leerlingen|Partners|Lokale|Vlaamse|Europese|Federale|Andere|Nieuwe|Bestaande|Alle|Deze|Die|Onze|Meer|Veel|Verschillende|Belangrijke|Grote|Kleine|Eigen|Open|Ook|Zowel)\b/u;

// List items take their lead's status when they have no cue of their own: under "De Vlaamse
// regering zet daarom in op:" the noun phrases that follow are the promises.
function inheritFromListLeads(text: string, classified: Array<{ unit: Unit; commitment: boolean; cue: SentenceCue }>): void {
  for (let i = 0; i < classified.length; i++) {
    const lead = classified[i];
    if (lead === undefined || !lead.unit.text.endsWith(':')) continue;
    let inherited = 0;
    for (let j = i + 1; j < classified.length; j++) {
      const item = classified[j];
      if (item === undefined || !startsListItem(text, item.unit.start)) break;
      if (lead.commitment && !item.commitment && item.cue !== 'question' && item.cue !== 'fragment' && item.cue !== 'explanation') {
        item.commitment = true;
        item.cue = 'list-item';
      }
      if (item.commitment) inherited++;
    }
    // A bare lead ("Dat alles doet ze door:") only introduces its items.
    if (inherited > 0 && countWords(lead.unit.text) <= 8) {
      lead.commitment = false;
      lead.cue = 'explanation';
    }
  }
}

// True when `offset` starts a bullet or numbered item: only a list marker or an enumerator
// ("- ", "1. ", "a) ", or the bare "1 " of numbered paragraphs) precedes it on its line.
// "Ze zet ook in op ...", "Zij vraagt ...": the pronoun continues the government subject of the sentence before.
function inheritPronounSubjects(classified: Array<{ unit: Unit; commitment: boolean; cue: SentenceCue }>): void {
  for (let i = 1; i < classified.length; i++) {
    const entry = classified[i];
    const previous = classified[i - 1];
    if (entry === undefined || previous === undefined || entry.commitment) continue;
    if (!GOVERNMENT_CUES.has(previous.cue) || !PRONOUN_SUBJECT.test(entry.unit.text)) continue;
    const verb = PRONOUN_SUBJECT.exec(entry.unit.text)?.[1]?.toLowerCase() ?? '';
    if (STATE_VERBS.has(verb)) continue;
    entry.commitment = true;
    entry.cue = 'government-action';
  }
}

const GOVERNMENT_CUES: ReadonlySet<SentenceCue> = new Set<SentenceCue>(['government-action', 'intention', 'future']);
const PRONOUN_SUBJECT = /^(?:Ze|Zij) (\p{Ll}+t)\b/u;

function startsListItem(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^[ \t]*(?:[-–—•·▪◦●○■□➢►✓*\uF0A7\uF0B7]|\d{1,2}[.)]?|\(?[a-z]\)|\(?[ivx]{1,4}[.)])[ \t]+$/.test(prefix);
}

function countWords(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => WORD.test(word)).length;
}
