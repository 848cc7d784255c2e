// Word lists, all in folded form (lowercase, no diacritics; see normalise.ts).
//
// Two different jobs, kept apart on purpose:
// - `dutchStopwords`: function words. They carry no topic and are dropped
//   from the index.
// - `genericGovernmentWords`: content words that every decision and every
//   agreement section uses ("Vlaamse Regering", "decreet", "subsidie", "we
//   zullen"). They are indexed (a query may need them) but retrieval must
//   down-weight them: a reference that only shares these words is a defect
//   (DESIGN.md, "Measuring retrieval").

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

/** The Snowball Dutch stopword list (snowballstem.org, algorithms/dutch/stop.txt), 101 words. */
export const snowballDutchStopwords: ReadonlySet<string> = wordSet(`
  de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
  zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
  hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
  ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
  na reeds wil kon niets uw iemand geweest andere
`);

// Function words the Snowball list lacks that are frequent in administrative
// prose (pronominal adverbs like "daarbij", conjunctions like "zodat"), and
// the abbreviations the tokeniser produces from "o.a.", "m.b.t.", "bv.", ...
const extraFunctionWords = wordSet(`
  alle allen ander anders anderen beide bijvoorbeeld binnen boven buiten den des dezelfde
  daarbij daarin daarmee daarnaast daarom daarop daartoe daarvan daarvoor daarna daarover daardoor
  dergelijke echter eigen elk elke enkele enige ervan ervoor erin ermee erop ertoe erbij eraan eruit erover erna
  evenals eveneens
  hen hierbij hiervoor hierin hiermee hierover hoewel indien jullie mag mogen moeten nadat namelijk
  ofwel opdat sinds tevens ten ter terwijl tijdens tussen vanaf vanuit via voordat waar waarbij waardoor
  waarin waarmee waarop waarvan waarvoor wanneer welk welke werden zo'n zoals zodat zodra zowel zouden
  konden hadden alsook alsmede zeer steeds wel toe mee heen
  rond rondom omtrent volgens behalve namens per dankzij ondanks doorheen langs jegens wegens vanwege middels
  oa bv bijv mbt tov ism dwz ed ea enz etc ivm mbv nav ipv zgn cfr vb resp incl nr
  hoeveel hoelang waarom welks wiens deed deden doet gedaan gebeurde gebeurden gebeurt gebeurd
`);

/** Dutch function words to drop before indexing: the Snowball list plus frequent administrative ones. */
export const dutchStopwords: ReadonlySet<string> = new Set([...snowballDutchStopwords, ...extraFunctionWords]);

/**
 * Words every government text shares (decision boilerplate, the agreement's
 * "we zullen ...", months, amounts). NOT stopwords: keep them in the index
 * and down-weight them in retrieval and evidence scoring.
 */
export const genericGovernmentWords: ReadonlySet<string> = wordSet(`
  vlaams vlaamse vlaanderen regering regeringen minister ministers ministerpresident viceminister
  decreet decreten besluit besluiten ontwerpbesluit ontwerpbesluiten ontwerpdecreet ontwerpdecreten
  voorontwerp voorontwerpen wijzigingsbesluit wijzigingsdecreet uitvoeringsbesluit regelgeving
  goedkeuring goedkeuren keurt goed hecht principieel principiele definitief definitieve
  advies adviezen raad state ingewonnen voorgelegd ingediend parlement
  wijziging wijzigingen wijzigt houdende betreffende betreft inzake kader uitvoering artikel artikelen
  bepaling bepalingen nota mededeling beslissing beslist
  subsidie subsidies euro miljoen miljard
  overheid agentschap departement beleid regeerakkoord legislatuur
  we wij onze zullen willen gaan blijven verder
  januari februari maart april mei juni juli augustus september oktober november december
`);

/** True when `token` (folded) is a function word. */
export function isStopword(token: string): boolean {
  return dutchStopwords.has(token);
}

/** True when `token` (folded) is a generic government word (see {@link genericGovernmentWords}). */
export function isGenericGovernmentWord(token: string): boolean {
  return genericGovernmentWords.has(token);
}
