// Which decision stage one decision represents.
//
// The body is the best witness: the decisions site writes what the government
// did in the present tense ("De Vlaamse Regering hecht haar principiële
// goedkeuring aan ...", "Na advies van de Raad van State wijzigt de Vlaamse
// Regering definitief ..."). The formal title (`shortTitle`) is often stale:
// records titled "Voorontwerp van besluit" whose body says the order was
// adopted definitively are common, so titles mostly serve as a fallback for
// bodies that say nothing (184 decisions have no body at all).
//
// Order of the checks (the rule names `explainStage` reports), each pinned by
// tests on real decisions:
//  1. title-ratification: a title or formal title "Bekrachtiging en afkondiging ...";
//  2. body: the stage words of the body's present-tense government sentences,
//     the earliest in the first sentence that has one: "opnieuw ...
//     principieel" (second), "principieel" or "voorlopige vaststelling"
//     (first), "definitief" (final), "bekrachtiging ... decreet";
//  3. other-government: a federal or Brussels draft the government only gives
//     its position on ("Voorontwerp van wet", "... koninklijk besluit") -> overig;
//  4. body-again: a voorontwerp whose body says "opnieuw" -> second approval;
//  5. vision-title: a title that is a vision, concept note, plan, strategy or
//     spending review, unless money is granted under it;
//  6. communication-report / communication-grant / communication: itemType
//     "Mededeling" stays a communication unless it reports a grant or is a plan;
//  7. formal-draft: a voorontwerp or draft cooperation agreement -> first approval;
//  8. personnel: appointments, resignations, staff transfers -> overig;
//     (last of all: a Nota whose body takes a decision in the present tense -> uitvoering);
//  9. execution / recovery-project: money granted, a call launched, an
//     allocation or an agreement, or a project of the recovery plan -> uitvoering;
// 10. formal-final: an ontwerpdecreet or ontwerpbesluit adopted without the
//     body saying so (orders without a voorontwerp are adopted in one go);
// 11. none -> overig.

import { foldForMatching } from '../text/index.js';
import type { Decision } from '../model/documents.js';
import type { DecisionStage } from './types.js';

export type StageInput = Pick<Decision, 'title' | 'shortTitle' | 'bodyText' | 'itemType'>;

const LABELS: Readonly<Record<DecisionStage, string>> = {
  'principiele-goedkeuring': 'principiële goedkeuring',
  'tweede-principiele-goedkeuring': 'tweede principiële goedkeuring',
  'definitieve-goedkeuring': 'definitieve goedkeuring',
  bekrachtiging: 'bekrachtiging en afkondiging',
  uitvoering: 'uitvoering',
  visie: 'visie of plan',
  mededeling: 'mededeling',
  overig: 'overig',
};

// Progress order. 'uitvoering' (money granted, a call launched, an agreement
// concluded) ranks with 'definitieve-goedkeuring': both mean the government
// took a binding decision it can act on. It ranks below 'bekrachtiging',
// which only decrees reach and which ends the legislative path. Ties keep the
// later step when a dossier's furthest stage is chosen (see group.ts).
const RANKS: Readonly<Record<DecisionStage, number>> = {
  overig: 0,
  mededeling: 0,
  visie: 1,
  'principiele-goedkeuring': 2,
  'tweede-principiele-goedkeuring': 3,
  'definitieve-goedkeuring': 4,
  uitvoering: 4,
  bekrachtiging: 5,
};

/** Dutch display label of a stage, e.g. "principiële goedkeuring". */
export function stageLabel(stage: DecisionStage): string {
  return LABELS[stage];
}

/**
 * Order of progress: overig = mededeling (0) < visie < principiële <
 * tweede principiële < definitieve = uitvoering (4) < bekrachtiging (5).
 */
export function stageRank(stage: DecisionStage): number {
  return RANKS[stage];
}

// --- titles -----------------------------------------------------------------

type FormalKind = 'extern' | 'bekrachtiging' | 'voorontwerp' | 'ontwerpdecreet' | 'samenwerkingsakkoord' | 'ontwerpbesluit';

// What a formal title announces. Formal titles may carry a topic before the
// legal form ("Afschaffing retroactief recht ... Voorontwerp van besluit ..."),
// so the earliest form anywhere in the title counts, not only at its start.
// Ties go to the earlier entry: "Voorontwerp van koninklijk besluit" is a
// federal text the government gives its position on ('extern'), not a
// Flemish draft.
const FORMAL_KINDS: readonly (readonly [RegExp, FormalKind])[] = [
  [/\b(?:voor)?ontwerp(?:en)? (?:van )?(?:een )?(?:koninklijk(?:e)? (?:wijzigings)?besluit|wet|ordonnantie|resolutie)\b|\bvoorontwerp besluit van de (?:brusselse|waalse)\b|\b(?:wetsontwerp|wetsvoorstel|voorstel van (?:wet|resolutie|decreet|bijzonder decreet))\b/, 'extern'],
  [/\bbekrachtiging en afkondiging\b/, 'bekrachtiging'],
  [/\bvoorontwerp(?:en)?\b|\bvoorontwerp(?:decreet|besluit)\b|\bprincipiele goedkeuring\b/, 'voorontwerp'],
  [/\bontwerp ?(?:programma|instemmings|kader|wijzigings|machtigings)?decre(?:et|ten)\b|\bontwerp(?:en)? van (?:\w+)?decre(?:et|ten)\b/, 'ontwerpdecreet'],
  [/\bontwerp(?:en)? van (?:\w+ )?(?:samenwerkings)?akkoord\b/, 'samenwerkingsakkoord'],
  [/\bontwerp ?besluit(?:en)?\b|\bontwerp(?:en)? van (?:\w+ )?besluit(?:en)?\b/, 'ontwerpbesluit'],
];

function formalForm(foldedTitle: string): { at: number; kind: FormalKind } | null {
  let best: { at: number; kind: FormalKind } | null = null;
  for (const [pattern, kind] of FORMAL_KINDS) {
    const match = pattern.exec(foldedTitle);
    if (match && (best === null || match.index < best.at)) best = { at: match.index, kind };
  }
  return best;
}

function formalKind(foldedTitle: string): FormalKind | null {
  return formalForm(foldedTitle)?.kind ?? null;
}

/**
 * The descriptive head of a formal title, before its legal form: "subsidie
 * restauratie hof ter walle" of "Subsidie restauratie Hof ter Walle
 * Ontwerpbesluit ...". The legal text after it quotes other acts ("... het
 * besluit van 7 december 2018 tot financiering van ..."), whose words say
 * nothing about this decision.
 */
function formalHead(foldedTitle: string): string {
  const form = formalForm(foldedTitle);
  return form === null ? foldedTitle : foldedTitle.slice(0, form.at);
}

// Suffix patterns have no leading \w*: a match anywhere in a word is what
// "also inside compounds" needs, and a leading \w* makes every test
// quadratic in the title's length.
// A vision, concept note, plan or strategy, also inside compounds
// ("klimaatstrategie", "waterstofvisie"), but not "televisie", "provisie"
// ("relanceprovisie"), "revisie", "supervisie", "divisie".
const VISION_WORDS = /(?:strategie|strategienota|(?<!tele|pro|re|super|di)visie|visienota|conceptnota|actieplan|beleidsplan|actieprogramma|beleidsprogramma|routekaart|masterplan|witboek|groenboek|klimaatplan|energieplan|startnota)(?:en|s)?\b|\bplan van aanpak\b|\bstartbeslissing\b|^(?:\w+ )?relanceplan\b/;
const LEADING_VISION = /^(?:\w+ )?(?:visienota|conceptnota|actieplan|uitgaventoetsing|witboek|groenboek|startnota|beleidsplan|strategienota)\b/;
// A recovery plan counts only as the title's subject ("Relanceplan voor de
// toeristische sector"): recovery projects' formal titles all say "in
// uitvoering van het relanceplan". "Plan Vlaamse Veerkracht:" prefixes a
// project funded from the plan, not a plan.
const RECOVERY_PREFIX = /^(?:plan )?vlaamse veerkracht(?: (?:project|dossier|dossiernummer) \d+)?\s*:?\s*/;

// Decisions that grant or move money, launch a call, or conclude an
// agreement. Rules for such grants ("subsidiereglement", "subsidieregeling")
// are not grants: the word boundaries keep them out.
const MONEY_NOUN = String.raw`(?:toekenning|toekennen|verdeling|herverdeling|herschikking|betoelaging|subsidiering|erkenning en subsidiering|financiering|cofinanciering|vastlegging)`;
const EXECUTION_FORMAL = new RegExp(
  String.raw`^(?:\w+ )?(?:ontwerp ?besluit(?:en)?|ontwerpen? van (?:\w+ )?besluit(?:en)?)(?: van de vlaamse regering)? (?:tot|houdende|betreffende|over|inzake) (?:de |het |een )?(?:\w+ )?${MONEY_NOUN}\b` +
    String.raw`|^(?:\w+ )?(?:ontwerp(?:en)? van (?:\w+ )?(?:\w*overeenkomst(?:en)?|addend(?:um|a)|\w*convenant(?:en)?|\w*contract(?:en)?|protocol))\b` +
    String.raw`|^(?:goedkeuring )?(?:toekenning|addendum|\w*convenant|\w*overeenkomst)\b`,
);
const EXECUTION_TOPIC = /subsidies?\b|subsidiering\b|oproep(?:en)?\b|\bcall\b|\b(?:toekenning|herverdeling|herverdelingsbesluit|herschikking|dotatie|toelage|cofinanciering|financiering|besteding|overheidsopdracht|bestek|gunning|relancemiddelen|addend(?:um|a))\b|overeenkomst(?:en)?\b|convenant(?:en)?\b|contract(?:en)?\b|\Bsteun\b/;
const GRANT_RULES = /\b(?:regels|regeling|reglement|voorwaarden|procedure|kader)\b/;
// Reports to the government stay communications whatever they are about.
const REPORT_TITLE = /\b(?:rapportering|rapportage|rapport|verslag|tussentijds|tussentijdse|jaarverslag|voortgangsrapport|voortgangsrapportering|eindrapport|schriftelijke vraag|evaluatie|stand van zaken|monitoring|zending|deelname)\b/;

// Personnel matters are adopted as orders but are no step of any policy file.
const PERSONNEL_TITLE = /\b(?:tot|houdende|betreffende|over) (?:de |het )?(?:benoeming|herbenoeming|aanstelling|ontslag|overdracht van (?:de |een )?personeels\w*|vervanging van (?:een |de )?(?:lid|leden|bestuurder|voorzitter))\b|\b(?:regeringscommissaris|bedrijfsrevisor|secretaris-generaal|administrateur-generaal|directeur-generaal|personeelsplan|raad van bestuur|bestuursorgaan|onafhankelijke bestuurders?|personeelsoverdracht|overdracht personeels\w*)\b/;

// --- body ---------------------------------------------------------------------

// A government act of the present: "de vlaamse regering keurt/hecht/wijzigt
// ...", also with a pronoun next to its verb ("Daarom wijzigt ze nu
// principieel ...", "Ze past ... aan"), but not any "ze" ("... zodat ze deze
// hervorming ...", in a sentence whose subject is "De principiële goedkeuring").
const ACT_VERBS = String.raw`(?:keurt|hecht|wijzigt|beslist|legt|stelt|richt|verlengt|voert|regelt|bepaalt|geeft|neemt|kent|past|verleent|machtigt|vervangt|heft|schaft|voorziet|verhoogt|breidt|actualiseert|erkent|duidt|wijst|stemt|gaat|maakt|zet|bekrachtigt|hervormt|vereenvoudigt|werkt|vult|trekt|brengt|houdt|verlaagt|verruimt|schrapt)`;
const GOVERNMENT = new RegExp(String.raw`\bregering\b|\b${ACT_VERBS} (?:ze|zij)\b|(?:^|[.;:]\s*)(?:ze|zij) ${ACT_VERBS}\b`);

// Sentences that tell history ("Op 17 juli 2020 hechtte de Vlaamse Regering
// haar principiële goedkeuring ...") or a condition ("Eenmaal dit besluit
// definitief is goedgekeurd ...") do not say what is decided now. Clauses
// such as "met het oog op" or "die zullen gelden vanaf" are no reason to skip
// a sentence: "Met het oog op de fusie ... hecht de Vlaamse Regering haar
// principiële goedkeuring" is the act itself.
const PAST_OR_CONDITION = /\b(?:hechtte|keurde|stelde|besliste|wijzigde|legde|kende|nam|gaf|werd|werden|eenmaal|zodra|nadat)\b|\bheeft\b[^.]*\b(?:goedgekeurd|gehecht|vastgesteld|gewijzigd)\b/;
// Future without a present act: "Na deze adviesronde zal ze een definitieve
// standpuntbepaling overmaken".
const FUTURE = /\b(?:zal|zullen)\b/;
const PRESENT_ACT = new RegExp(String.raw`\b${ACT_VERBS}\b`);

function isNow(sentence: string): boolean {
  if (PAST_OR_CONDITION.test(sentence)) return false;
  return !FUTURE.test(sentence) || PRESENT_ACT.test(sentence);
}

const RATIFICATION_BODY = /\bbekrachtiging en afkondiging\b|\bbekrachtigt en kondigt\b|\bbekrachtiging van (?:het|dit) (?:\w+)?decreet\b|\bbekrachtigt (?:het|dit) (?:\w+)?decreet\b/;
// Second principled approval, after advice. "opnieuw" alone counts when the
// formal title is a voorontwerp (see explainStage).
const SECOND_APPROVAL = /\b(?:opnieuw|nogmaals|tweede (?:keer |maal )?)\b[^.]*\bprincipi(?:eel|ele)\b|\bprincipi(?:eel|ele)\b[^.]*\b(?:opnieuw|nogmaals|tweede keer|tweede maal)\b|\btweede principiele\b/;
const FIRST_APPROVAL = /\bprincipi(?:eel|ele)\b|\bvoorlopig(?:e)? (?:vast|vaststelling|aanduiding|aan te duiden|goedkeuring)\b|\bvoorlopig(?:e)?\b[^.]*\b(?:vast|aan)\b/;
// "wijzigt definitief", "hecht haar definitieve goedkeuring", "tot definitieve
// vaststelling"; not "een definitief ondersteuningsmodel" (a noun's adjective).
const FINAL_APPROVAL = /\b(?<!een |het )definitief\b|\bdefinitieve (?:goedkeuring|vaststelling|aanduiding|afbakening|beslissing|bekrachtiging)\b/;
// What the government does with money or agreements in the present tense.
const EXECUTION_BODY = /\b(?:kent|kennen)\b[^.]*\btoe\b|\b(?:wijst|wijzen)\b[^.]*\b(?:euro|middelen|budget)\b|\btoe te kennen\b|\btoekenning\b|oproep\b|\bherverdeling\b|\bherschikking\b|\bbudgettoewijzing\b|\bverdeling van\b|subsidie\b|overeenkomst\b|convenant\b|\bmaakt\b[^.]*\bvrij\b|\breserveert\b|\bfinanciering\b/;

type BodySignal = DecisionStage | null;

function sentencesOf(foldedBody: string): string[] {
  return foldedBody.split(/(?<=[.!?;])\s+|\n+/);
}

const AGAIN = /\b(?:opnieuw|nogmaals)\b/;

/** Sentences that say what the government does now. */
function presentSentences(foldedBody: string): string[] {
  return sentencesOf(foldedBody).filter((sentence) => GOVERNMENT.test(sentence) && isNow(sentence));
}

/** The stage verb of the first present-tense government sentence that has one. */
function stageFromBody(present: readonly string[]): BodySignal {
  for (const sentence of present) {
    // Only a decree is ratified: "bekrachtigt de Vlaamse datastrategie" endorses
    // a plan, and a "voorontwerp van decreet tot bekrachtiging van sommige
    // bepalingen" is a draft.
    if (RATIFICATION_BODY.test(sentence)) return 'bekrachtiging';
    const signals: { at: number; stage: DecisionStage }[] = [];
    const second = SECOND_APPROVAL.exec(sentence);
    const first = FIRST_APPROVAL.exec(sentence);
    const final = FINAL_APPROVAL.exec(sentence);
    if (second) signals.push({ at: second.index, stage: 'tweede-principiele-goedkeuring' });
    else if (first) signals.push({ at: first.index, stage: 'principiele-goedkeuring' });
    if (final) signals.push({ at: final.index, stage: 'definitieve-goedkeuring' });
    if (signals.length === 0) continue;
    // "wijzigt definitief ... en voegt principieel ... toe": the first verb is the main act.
    signals.sort((a, b) => a.at - b.at);
    return signals[0]!.stage;
  }
  return null;
}

/** True when a present-tense government sentence grants, allocates or contracts. */
function bodyExecutes(present: readonly string[]): boolean {
  return present.some((sentence) => EXECUTION_BODY.test(sentence));
}

/** The formal title's first part: "A. Ontwerpbesluit ... B. ..." -> "ontwerpbesluit ...". */
function firstPart(foldedTitle: string): string {
  return foldedTitle.replace(/^a\.\s+/, '').split(/\s[b-z]\.\s+(?=[a-z0-9])/)[0] ?? '';
}

/** A stage with the rule that decided it (for debugging and for showing why). */
export interface StageExplanation {
  stage: DecisionStage;
  /** Which rule fired: "body", "title-ratification", "formal-draft", "execution", ... (see the module comment). */
  rule: string;
}

/** Classifies one decision and says which rule decided; see the module comment for the rules. */
export function explainStage(decision: StageInput): StageExplanation {
  const title = foldForMatching(decision.title).trim();
  const formal = firstPart(foldForMatching(decision.shortTitle ?? '').trim());
  const body = foldForMatching(decision.bodyText ?? '');
  const topic = title.replace(RECOVERY_PREFIX, '');
  const isRecoveryProject = topic !== title;
  const isCommunication = decision.itemType !== null && foldForMatching(decision.itemType) === 'mededeling';
  const kind = formalKind(formal) ?? formalKind(title);

  if (kind === 'bekrachtiging') return { stage: 'bekrachtiging', rule: 'title-ratification' };

  const present = presentSentences(body);
  const fromBody = stageFromBody(present);
  if (fromBody) return { stage: fromBody, rule: 'body' };
  // Another government's text the Flemish government only gives its position on.
  if (kind === 'extern') return { stage: 'overig', rule: 'other-government' };
  // "Na adviezen van de Minaraad en van de SERV wijzigt de Vlaamse Regering opnieuw ..."
  if (kind === 'voorontwerp' && present.some((sentence) => AGAIN.test(sentence))) {
    return { stage: 'tweede-principiele-goedkeuring', rule: 'body-again' };
  }

  const executesByBody = bodyExecutes(present);
  const executesByForm = EXECUTION_FORMAL.test(formal) || executesByBody;
  // Titles about rules for grants ("regels erkenning en subsidiëring") announce rules, not grants.
  const titleExecutes = (text: string): boolean => EXECUTION_TOPIC.test(text) && !GRANT_RULES.test(text);
  const executes = executesByForm || titleExecutes(formalHead(formal)) || titleExecutes(topic);
  // A title that names a vision or plan first is one, whatever its words
  // ("Uitgaventoetsing financiering Hoger Onderwijs"), unless the formal
  // title or the body grants money under it.
  if (LEADING_VISION.test(topic) && !executesByForm) return { stage: 'visie', rule: 'vision-title' };
  // A progress report on an action plan informs; it is no new plan.
  if (isCommunication && REPORT_TITLE.test(topic)) return { stage: 'mededeling', rule: 'communication-report' };
  // "Subsidie ... in het kader van het actieplan X" puts a plan to work.
  if ((VISION_WORDS.test(topic) || VISION_WORDS.test(formal)) && !executes) return { stage: 'visie', rule: 'vision-title' };
  if (isCommunication) {
    // Information to the government; only a grant it is told about changes that.
    // Communications often carry no body but the formal title of a ministerial
    // order ("Ontwerp van ministerieel besluit betreffende de toekenning ...").
    const bodyHead = firstPart(body.slice(0, 300).trim());
    const grant = executesByBody || EXECUTION_FORMAL.test(formal) || EXECUTION_FORMAL.test(bodyHead) || /^\w*subsidies?\b/.test(topic);
    return grant ? { stage: 'uitvoering', rule: 'communication-grant' } : { stage: 'mededeling', rule: 'communication' };
  }

  if (kind === 'voorontwerp' || kind === 'samenwerkingsakkoord') return { stage: 'principiele-goedkeuring', rule: 'formal-draft' };
  if (PERSONNEL_TITLE.test(formal) || PERSONNEL_TITLE.test(topic)) return { stage: 'overig', rule: 'personnel' };
  if (executes) return { stage: 'uitvoering', rule: 'execution' };
  if (isRecoveryProject) return { stage: 'uitvoering', rule: 'recovery-project' };
  if (kind === 'ontwerpdecreet' || kind === 'ontwerpbesluit') return { stage: 'definitieve-goedkeuring', rule: 'formal-final' };
  // A note whose body has the government take a decision in the present tense
  // ("wijst ... een verbindingsofficier toe", "beslist", "keurt ... goed") is a
  // binding decision it can act on, even without a draft act.
  if (decision.itemType === 'Nota' && PRESENT_DECISION.test(body.slice(0, 600))) return { stage: 'uitvoering', rule: 'present-decision' };
  return { stage: 'overig', rule: 'none' };
}

// "De Vlaamse Regering keurt ... goed" and the inverted "..., wijst de Vlaamse Regering ... toe".
const DECISION_VERB = '(?:keurt|wijst|kent|duidt|stelt|geeft|legt|neemt|richt|zet)';
const DECISION_PARTICLE = '(?:goed|toe|aan|vast|op|in|uit)';
const PRESENT_DECISION = new RegExp(
  `\\bvlaamse regering (?:${DECISION_VERB}\\b[^.]{0,200}\\b${DECISION_PARTICLE}\\b|beslist\\b|stemt in\\b|verleent\\b|machtigt\\b)` +
    `|\\b${DECISION_VERB} de vlaamse regering\\b[^.]{0,200}\\b${DECISION_PARTICLE}\\b|\\bbeslist de vlaamse regering\\b`,
);

/** Classifies one decision into a {@link DecisionStage}; see the module comment for the rules. */
export function classifyStage(decision: StageInput): DecisionStage {
  return explainStage(decision).stage;
}
