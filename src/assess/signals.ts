// Problem signals: sentences of a parliamentary document (a written question
// and its answer, a committee slide deck) that say implementation is stuck,
// late or incomplete ("Dat samenwerkingsakkoord is er nog niet", "Er is geen
// zicht op verdere timing en aanpak", "negatief advies"). The government's own
// decisions never say this; parliament often does.
//
// Rules, tuned for precision (a false alarm in a report costs more trust than a
// missed one):
// - a sentence counts when it contains a problem phrase (see PROBLEM_PHRASES)
//   and no phrase that negates or resolves it ("zonder vertraging", "geen
//   knelpunten", "achterstand weggewerkt", "is reeds tegemoet gekomen aan ...
//   hinderpalen");
// - questions count only when they presuppose the problem ("Hoe komt het dat er
//   nog steeds geen samenwerkingsakkoord is?"); a question that merely asks
//   ("Zijn er knelpunten?", "Heeft de minister zicht op ...?") does not;
// - hypotheticals ("Indien het huidig kader niet voldoet, ...") do not count.
// Quotes are the sentences as written, with line breaks and runs of whitespace
// (PDF line wrapping) collapsed to one space.
import { splitSentenceSpans } from '../text/index.js';

/** Letters and digits around a phrase: JavaScript's `\b` ignores letters such as "ë". */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

function phrase(source: string): RegExp {
  return new RegExp(`${B}(?:${source})${E}`, 'iu');
}

interface ProblemPhrase {
  name: string;
  pattern: RegExp;
  /** True when the phrase asserts the problem even inside a question ("nog steeds geen"). */
  presupposed?: boolean;
}

const PARTICIPLES_OF_COMPLETION =
  'gerealiseerd|ingevoerd|goedgekeurd|uitgevoerd|afgerond|gefinaliseerd|opgestart|gestart|uitgewerkt|aangenomen|' +
  'ondertekend|gesloten|afgesloten|geïmplementeerd|operationeel|bekrachtigd|gepubliceerd|toegekend|uitgebetaald|' +
  'gehaald|bereikt|behaald|opgericht|aangesteld|geïnstalleerd|beschikbaar|klaar|rond|in werking getreden|van kracht';

const PROBLEM_PHRASES: readonly ProblemPhrase[] = [
  // "nog steeds geen samenwerkingsakkoord", "nog altijd niet"
  { name: 'nog-steeds-geen', pattern: phrase('nog (?:steeds|altijd) (?:geen|niet)'), presupposed: true },
  // "Dat samenwerkingsakkoord is er nog niet", "is nog niet goedgekeurd", "werd nog niet ingevoerd"
  { name: 'nog-niet', pattern: phrase(`(?:is|zijn|werd|werden|wordt|worden|er) (?:[\\p{L}\\p{N}'’-]+ ){0,4}?nog (?:niet|geen)`) },
  { name: 'nog-niet-voltooid', pattern: phrase(`nog niet (?:[\\p{L}-]+ ){0,3}?(?:${PARTICIPLES_OF_COMPLETION})`) },
  // "werd niet weerhouden", "werden (nog) niet uitbetaald" (not "werd niet alleen ... maar ook")
  { name: 'werd-niet', pattern: phrase('werd(?:en)? (?:nog )?niet(?! (?:alleen|enkel|uitsluitend|zozeer|meer dan|minder))') },
  { name: 'vooralsnog-geen', pattern: phrase('vooralsnog (?:[\\p{L}-]+ ){0,4}?(?:geen|niet)'), presupposed: true },
  { name: 'geen-zicht', pattern: phrase('geen (?:enkel |duidelijk )?zicht op') },
  { name: 'geen-akkoord', pattern: phrase('geen (?:samenwerkings)?(?:akkoord|overeenkomst|consensus)') },
  { name: 'vertraging', pattern: phrase('vertraging(?:en)?|vertraagd|vertraagt|uitgesteld|uitstel|achterstand(?:en)?') },
  { name: 'ontbreekt', pattern: phrase('ontbreekt|ontbreken|ontbrak|ontbraken|ontbrekende?') },
  { name: 'negatief-advies', pattern: phrase('negatie(?:f|ve) advie(?:s|zen)|ongunstig(?:e)? advie(?:s|zen)|advies\\b[^.]{0,80}?(?:=|is|was|luidt|werd) ?(?:eerder )?negatief') },
  { name: 'knelpunt', pattern: phrase('knelpunt(?:en)?'), presupposed: false },
  { name: 'spaak', pattern: phrase('lo(?:opt|pen|piep) (?:[\\p{L}-]+ ){0,3}?spaak'), presupposed: true },
  { name: 'geblokkeerd', pattern: phrase('geblokkeerd|opgeschort|stilgelegd|on hold|impasse|twistpunt(?:en)?') },
  { name: 'achterwege', pattern: phrase('(?:nog|blijft|bleef|blijven) (?:[\\p{L}-]+ ){0,2}?achterwege') },
  { name: 'hinderpaal', pattern: phrase('hinderpa(?:al|len)') },
];

// Phrases that negate or resolve a problem phrase in the same sentence.
const NEGATIONS: readonly RegExp[] = [
  phrase('(?:zonder|geen|weinig|minder|nauwelijks) (?:enige |verdere |noemenswaardige |grote )?(?:vertraging(?:en)?|uitstel|achterstand(?:en)?|knelpunt(?:en)?|hinderpa(?:al|len))'),
  phrase('(?:vertraging(?:en)?|achterstand(?:en)?|knelpunt(?:en)?|hinderpa(?:al|len)) (?:[\\p{L}-]+ ){0,3}?(?:in te halen|ingehaald|inhalen|weg te werken|weggewerkt|wegwerken|op te lossen|opgelost|oplossen|weg te nemen|weggenomen|wegnemen|te vermijden|vermijden|vermeden|te voorkomen|voorkomen|te beperken|beperken|tegengaan)'),
  phrase('(?:tegemoet gekomen|tegemoet komen|opgelost|weggewerkt|weggenomen|aangepakt) (?:[\\p{L}-]+ ){0,4}?(?:hinderpa(?:al|len)|knelpunt(?:en)?|achterstand(?:en)?)'),
  phrase('(?:vermijden|voorkomen|beperken|inhalen|wegwerken|oplossen) van (?:de |het |een )?(?:[\\p{L}-]+ ){0,2}?(?:vertraging(?:en)?|achterstand(?:en)?|knelpunt(?:en)?|hinderpa(?:al|len))'),
  phrase('niet (?:langer|meer) (?:uitgesteld|vertraagd)'),
  phrase('(?:ontbreekt|ontbrak) (?:[\\p{L}-]+ ){0,3}?(?:niet|geenszins|nooit) aan|(?:mag|mogen|mocht) (?:[\\p{L}-]+ ){0,2}?niet ontbreken'),
  phrase('taalachterstand'), // a learner's backlog, not an implementation problem
];

// Sentences that state a hypothesis rather than a fact.
const HYPOTHETICAL_START = /^(?:[a-z0-9]{1,3}[.)]\s*)?(?:Indien|Als|Wanneer|Mocht|Zo ja|Zo neen|Zo nee|Ingeval)\b/u;
// A question that asks rather than asserts: it starts with a finite verb or asks for the state of affairs.
const OPEN_QUESTION_START = /^(?:[a-z0-9]{1,3}[.)]\s*)?(?:Is|Zijn|Wordt|Worden|Werd|Werden|Heeft|Hebben|Zal|Zullen|Kan|Kunnen|Komt|Komen|Zitten|Zit|Gaat|Gaan|Moet|Moeten|Welke|Wat|Wanneer|Hoeveel|Waarom|In welke|Op welke)\b/u;

/** The sentences of a parliamentary text that signal a problem with implementation, in text order. */
export function findProblemSignals(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const span of splitSentenceSpans(text)) {
    const sentence = span.text.replace(/\s+/g, ' ');
    if (!signalsProblem(sentence)) continue;
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    found.push(sentence);
  }
  return found;
}

/** True when one sentence signals an implementation problem (see the module comment for the rules). */
export function signalsProblem(sentence: string): boolean {
  if (HYPOTHETICAL_START.test(sentence)) return false;
  const hits = PROBLEM_PHRASES.filter((candidate) => candidate.pattern.test(sentence));
  if (hits.length === 0) return false;
  if (NEGATIONS.some((negation) => negation.test(sentence)) && !hits.some((hit) => hit.presupposed === true)) return false;
  if (isQuestion(sentence)) {
    // "Hoe komt het dat er nog steeds geen samenwerkingsakkoord is?" asserts the problem; "Zijn er knelpunten?" does not.
    return !OPEN_QUESTION_START.test(sentence) && hits.some((hit) => hit.presupposed === true);
  }
  return true;
}

function isQuestion(sentence: string): boolean {
  return /\?\s*(?:["'”’»)\]]\s*)?$/.test(sentence) || /\?\s+\S/.test(sentence);
}
