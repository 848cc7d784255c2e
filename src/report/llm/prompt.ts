// The Dutch prompts. The model sees only numbered evidence and must cite by
// number; the numbers are mapped back to source keys by `parse.ts`, so a model
// never handles (and can never invent) a key or a URL.
import { statusLabels } from '../../assess/status.js';
import { stageLabel } from '../../dossiers/stage.js';
import type { DecisionStage } from '../../dossiers/types.js';
import type { AnswerInput, GeneratorInput } from '../generator.js';
import type { Source } from '../model.js';
import type { ChatMessage } from './client.js';

/** A source as the model sees it: a number from 1. */
export interface NumberedSource {
  number: number;
  source: Source;
}

// What a model needs beyond the display label to weigh a stage right.
const STAGE_HINTS: Partial<Record<DecisionStage, string>> = {
  'tweede-principiele-goedkeuring': 'na advies',
  visie: 'intentie, nog geen maatregel',
};

function stageForModel(stage: DecisionStage): string {
  const hint = STAGE_HINTS[stage];
  return hint ? `${stageLabel(stage)} (${hint})` : stageLabel(stage);
}

/** Caps that keep a prompt within small local models' context windows. */
const MAX_SECTION_CHARS = 8000;
const MAX_SNIPPET_CHARS = 600;

/** Report evidence numbered 1..N by date (undated last), then key: the same input always gives the same numbers. */
export function numberReportEvidence(sources: Record<string, Source>): NumberedSource[] {
  return Object.values(sources)
    .slice()
    .sort((a, b) => compareDates(a.date, b.date) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((source, index) => ({ number: index + 1, source }));
}

/** Question evidence keeps the retrieval order (best first), without duplicates. */
export function numberAnswerEvidence(sources: Source[]): NumberedSource[] {
  const seen = new Set<string>();
  const unique = sources.filter((source) => !seen.has(source.key) && seen.add(source.key));
  return unique.map((source, index) => ({ number: index + 1, source }));
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const REPORT_SYSTEM = `Je bent een zorgvuldige beleidsanalist voor Beloftemeter, een onafhankelijke opvolging van het Vlaamse regeerakkoord. Je schrijft het voortgangsrapport over één sectie van het regeerakkoord.

Regels:
1. Gebruik uitsluitend het genummerde bewijs uit het bericht. Geen voorkennis, geen andere bronnen, geen aannames.
2. Elke zin heeft in "citations" de nummers van het bewijs dat die zin rechtstreeks staaft, bijvoorbeeld [1, 3]. De enige uitzondering is een zin die vaststelt dat er geen bewijs is (regel 6). Citeer alleen nummers uit de lijst; verzin nooit een nummer, titel, datum of bron. Zet geen nummers in "text".
3. Citeer per zin alleen bewijs dat die zin echt staaft: liever één treffende bron dan vijf losse.
4. Wees concreet: noem per engagement wat er beslist is, in welke fase (principiële goedkeuring, definitieve goedkeuring, bekrachtiging, uitvoering, ...) en op welke datum.
5. Neem de status van elk engagement over zoals opgegeven; beoordeel ze niet opnieuw.
6. Is er voor een engagement geen bewijs, zeg dat dan expliciet in een zin met een lege lijst citations, bijvoorbeeld: "Voor het engagement om ... werd in de onderzochte beslissingen en parlementaire documenten geen spoor gevonden."
7. Geen speculatie en geen vage taal: niet "lijkt", "lijken", "suggereert", "wijst erop", "in lijn met", "vermoedelijk", "waarschijnlijk". Schrijf wat het bewijs zegt, of zeg dat het ontbreekt.
8. Herhaal de tekst van het regeerakkoord niet; de lezer ziet die al. Geen opvulzinnen of algemene beschouwingen.
9. Signalen uit het parlement (vertraging, ontbrekend akkoord, kritiek) vermeld je bij het engagement waarop ze slaan, met hun nummer.
10. Schrijf helder, zakelijk Nederlands.
11. Antwoord uitsluitend met één JSON-object volgens het gevraagde schema: geen uitleg, geen markdown.`;

const REPORT_SCHEMA = `{
  "title": "Voortgangsrapportage naleving regeerakkoord: <onderwerp van de sectie>",
  "sections": [
    {"heading": "Inleiding", "paragraphs": [[{"text": "<zin>", "citations": [<nummer>, ...]}]]},
    {"heading": "Bevindingen per engagement", "paragraphs": [[{"text": "<zin>", "citations": [<nummer>, ...]}], ...]},
    {"heading": "Conclusie", "paragraphs": [[{"text": "<zin>", "citations": [<nummer>, ...]}]]}
  ]
}`;

export function buildReportMessages(input: GeneratorInput, evidence: NumberedSource[]): ChatMessage[] {
  const numberOf = new Map(evidence.map((item) => [item.source.key, item.number]));
  const cite = (keys: Iterable<string>): string => {
    const numbers = [...new Set([...keys].map((key) => numberOf.get(key)).filter((n): n is number => n !== undefined))];
    return numbers.length ? numbers.sort((a, b) => a - b).map((n) => `[${n}]`).join('') : 'geen';
  };
  const { section } = input;

  const lines: string[] = [];
  lines.push(`# Sectie ${section.number} ${section.title}`);
  lines.push(`Deel: ${section.part}; hoofdstuk: ${section.chapter}; pagina ${section.pageStart}-${section.pageEnd} van het regeerakkoord.`);
  lines.push('', 'Tekst van het regeerakkoord:', '"""', clip(section.text, MAX_SECTION_CHARS), '"""', '');

  lines.push('# Engagementen met hun vooraf vastgestelde status');
  if (input.commitments.length === 0) lines.push('(geen afzonderlijke engagementen herkend in deze sectie)');
  input.commitments.forEach((commitment, index) => {
    lines.push(`E${index + 1}. "${oneLine(commitment.text)}"`);
    // An editor's status is final: the model must not argue it from the sources' stages.
    const by = commitment.review ? ' (vastgesteld door de redactie; neem deze status over)' : '';
    lines.push(`    Status: ${statusLabels[commitment.status]}${by}. Reden: ${withoutReferenceNumbers(commitment.reason) || '-'}`);
    if (commitment.decisiveSourceKey && numberOf.has(commitment.decisiveSourceKey)) {
      lines.push(`    Beslissend bewijs: ${cite([commitment.decisiveSourceKey])}`);
    }
    lines.push(`    Bewijs voor dit engagement: ${cite(commitment.evidence.map((item) => item.sourceKey))}`);
    for (const problem of commitment.problems) {
      const number = numberOf.get(problem.sourceKey);
      if (number !== undefined) lines.push(`    Signaal uit het parlement [${number}]: "${oneLine(problem.quote)}"`);
    }
  });
  lines.push('');

  const timelines = input.dossiers
    .map((dossier) => {
      const steps = dossier.steps
        .filter((step) => numberOf.has(step.decisionId))
        .map((step) => `${step.date} ${step.stageLabel} [${numberOf.get(step.decisionId)}]`);
      return steps.length ? `- ${oneLine(dossier.title)}: ${steps.join('; ')}` : null;
    })
    .filter((line): line is string => line !== null);
  if (timelines.length) lines.push('# Dossiers (tijdlijn van beslissingen)', ...timelines, '');

  lines.push(`# Genummerd bewijs (${evidence.length} stukken; citeer uitsluitend deze nummers)`);
  if (evidence.length === 0) lines.push('(geen bewijs gevonden)');
  for (const item of evidence) lines.push(...describeEvidence(item));
  lines.push('');

  lines.push('# Opdracht');
  lines.push(
    'Schrijf het voortgangsrapport over deze sectie. "Inleiding": één korte alinea met hoeveel engagementen er zijn en hoeveel per status, met het beslissende bewijs als citatie. ' +
      '"Bevindingen per engagement": één alinea per engagement, in de volgorde E1, E2, ...; begin elke alinea met wat het engagement concreet inhoudt en wat er (niet) gebeurde, met data en fasen. ' +
      '"Conclusie": twee of drie zinnen, alleen over wat het bewijs toont.',
  );
  lines.push(`Geldige bewijsnummers: ${evidence.length ? `1 tot en met ${evidence.length}` : 'geen (alle zinnen stellen dan het ontbreken van bewijs vast)'}.`);
  lines.push('Antwoord met JSON in exact dit schema:', REPORT_SCHEMA);

  return [
    { role: 'system', content: REPORT_SYSTEM },
    { role: 'user', content: lines.join('\n') },
  ];
}

const ANSWER_SYSTEM = `Je bent een zorgvuldige beleidsanalist voor Beloftemeter, een onafhankelijke opvolging van het Vlaamse regeerakkoord. Je beantwoordt een vraag van een burger, journalist of parlementslid.

Regels:
1. Gebruik uitsluitend het genummerde bewijs uit het bericht. Geen voorkennis, geen andere bronnen, geen aannames.
2. Elke zin heeft in "citations" de nummers van het bewijs dat die zin rechtstreeks staaft, bijvoorbeeld [2]. De enige uitzondering is een zin die vaststelt wat het bewijs niet zegt (regel 5). Citeer alleen nummers uit de lijst; verzin nooit een nummer, titel, datum of bron. Zet geen nummers in "text".
3. Wees concreet: wat werd beslist, in welke fase, op welke datum, door wie.
4. Beantwoordt het bewijs de vraag niet, zet dan "noEvidence": true en "paragraphs": []. Vul niets aan uit eigen kennis.
5. Beantwoordt het bewijs de vraag maar gedeeltelijk, zeg dan expliciet wat ontbreekt, in een zin met een lege lijst citations.
6. Geen speculatie en geen vage taal: niet "lijkt", "suggereert", "wijst erop", "vermoedelijk", "waarschijnlijk".
7. Schrijf helder, zakelijk Nederlands.
8. Antwoord uitsluitend met één JSON-object volgens het gevraagde schema: geen uitleg, geen markdown.`;

const ANSWER_SCHEMA = `{"noEvidence": false, "paragraphs": [[{"text": "<zin>", "citations": [<nummer>, ...]}]]}`;

export function buildAnswerMessages(input: AnswerInput, evidence: NumberedSource[]): ChatMessage[] {
  const lines: string[] = [];
  lines.push(`# Vraag`, oneLine(input.question), '');
  lines.push(`# Genummerd bewijs (${evidence.length} stukken, meest relevante eerst; citeer uitsluitend deze nummers)`);
  for (const item of evidence) lines.push(...describeEvidence(item));
  lines.push('');
  lines.push('# Opdracht');
  lines.push('Beantwoord de vraag in één tot drie korte alinea\'s, enkel met dit bewijs.');
  lines.push(`Geldige bewijsnummers: 1 tot en met ${evidence.length}.`);
  lines.push('Antwoord met JSON in exact dit schema:', ANSWER_SCHEMA);
  return [
    { role: 'system', content: ANSWER_SYSTEM },
    { role: 'user', content: lines.join('\n') },
  ];
}

export type AttemptProblemKind = 'not-json' | 'schema' | 'no-claims' | 'truncated' | 'empty' | 'filtered';

/** Appended after an unusable answer: says what was wrong, restates the hard rules. */
export function reminderMessage(problem: AttemptProblemKind, evidenceCount: number): ChatMessage {
  const what: Record<AttemptProblemKind, string> = {
    'not-json': 'Je vorige antwoord was geen geldig JSON-object.',
    schema: 'Je vorige antwoord volgde het gevraagde JSON-schema niet.',
    'no-claims':
      'Je vorige antwoord bevatte geen enkele bruikbare zin: elke zin citeerde een nummer dat niet in de bewijslijst staat, of had geen citaties.',
    truncated: 'Je vorige antwoord was te lang en werd afgebroken. Schrijf korter: hooguit twee zinnen per engagement.',
    empty: 'Je vorige antwoord was leeg.',
    filtered: 'Je vorige antwoord werd tegengehouden door een inhoudsfilter. Blijf zakelijk en beperk je tot het bewijs.',
  };
  const valid = evidenceCount > 0 ? `alleen de nummers 1 tot en met ${evidenceCount}` : 'geen nummers (er is geen bewijs)';
  return {
    role: 'user',
    content:
      `${what[problem]} Antwoord opnieuw, uitsluitend met één geldig JSON-object in exact het gevraagde schema, zonder markdown. ` +
      `Citeer ${valid}; elke zin over wat er gebeurde heeft minstens één geldig nummer, en alleen een zin die het ontbreken van bewijs vaststelt mag zonder citaties.`,
  };
}

function describeEvidence({ number, source }: NumberedSource): string[] {
  const type = source.type === 'decision' ? 'beslissing van de Vlaamse Regering' : 'parlementair document';
  const facts = [source.date ?? 'datum onbekend', type];
  if (source.stage) facts.push(`fase: ${stageForModel(source.stage)}`);
  if (source.mandatees?.length) facts.push(`voorgesteld door: ${source.mandatees.join(', ')}`);
  const lines = [`[${number}] ${facts.join(' | ')}`, `    Titel: ${oneLine(source.title)}`];
  const snippet = oneLine(source.snippet);
  if (snippet) lines.push(`    Uittreksel: ${clip(snippet, MAX_SNIPPET_CHARS)}`);
  return lines;
}

/** Reasons carry reference numbers of another numbering (the renderer's); they would mislead the model. */
function withoutReferenceNumbers(text: string): string {
  return oneLine(text.replace(/\s*\[\d+\]/g, ''));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut} …`;
}
