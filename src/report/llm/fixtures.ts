// Small real inputs for the LLM tests: the LIVC-R decree dossier from the
// bundled decisions (three real decisions with their ids, URIs, titles and
// dates) and the agreement section they bear on. For tests only.
import type { DecisionStage } from '../../dossiers/types.js';
import { normaliseDecision } from '../../sources/decisions/normalise.js';
import { bundledDecisionLines } from '../../testing/fixture-data.js';
import type { Answer, AnswerInput, Answerer, GeneratedProse, Generator, GeneratorInput } from '../generator.js';
import type { Source } from '../model.js';

/** The LIVC-R decree: principled approval, second principled approval, final approval. */
export const LIVC_DECISIONS: ReadonlyArray<{ id: string; stage: DecisionStage }> = [
  { id: '5F0D5B16FA87E000080004A0', stage: 'principiele-goedkeuring' },
  { id: '5FD8E0F96B34EF0008000A98', stage: 'tweede-principiele-goedkeuring' },
  { id: '603F6012339140000800035B', stage: 'definitieve-goedkeuring' },
];

let cached: Record<string, Source> | undefined;

/** The three decisions as citable sources, read from the bundled data. */
export function livcSources(): Record<string, Source> {
  if (cached) return structuredClone(cached);
  const wanted = new Map(LIVC_DECISIONS.map((item) => [item.id, item.stage]));
  const sources: Record<string, Source> = {};
  for (const line of bundledDecisionLines()) {
    const id = /"id":\s*"([0-9A-F]{24})"/.exec(line)?.[1];
    if (!id || !wanted.has(id)) continue;
    const decision = normaliseDecision(JSON.parse(line));
    sources[decision.id] = {
      key: decision.id,
      type: 'decision',
      title: decision.title,
      date: decision.meetingDate,
      uri: decision.uri,
      snippet: decision.bodyText.replace(/\s+/g, ' ').slice(0, 300),
      stage: wanted.get(id),
      dossierId: LIVC_DECISIONS[0]!.id,
      mandatees: decision.mandatees.map((mandatee) => mandatee.name),
    };
  }
  if (Object.keys(sources).length !== LIVC_DECISIONS.length) {
    throw new Error(`expected ${LIVC_DECISIONS.length} LIVC decisions in the bundled data, found ${Object.keys(sources).length}`);
  }
  cached = sources;
  return structuredClone(sources);
}

const SECTION_TEXT =
  'De inspanningen op het vlak van begeleiding van geradicaliseerde gedetineerden met het oog op hun re-integratie in de maatschappij, worden opgedreven. ' +
  'We creëren een decretaal kader zodat medewerkers van Vlaamse diensten en voorzieningen kunnen deelnemen aan een LIVC, zonder dat ze daarbij hun eventuele beroepsgeheim schenden.';

export function livcGeneratorInput(sources: Record<string, Source> = livcSources()): GeneratorInput {
  const [first, second, final] = LIVC_DECISIONS.map((item) => item.id) as [string, string, string];
  const prisonSentence = SECTION_TEXT.slice(0, SECTION_TEXT.indexOf('. ') + 1);
  const decreeStart = SECTION_TEXT.indexOf('We creëren');
  return {
    section: {
      id: 'binnenlands-bestuur-en-stedenbeleid/2.2.9',
      number: '2.2.9',
      title: 'Preventie van radicalisering',
      part: 'VLAANDEREN BESTUURT EN INVESTEERT, ZONDER EXTRA LASTEN',
      chapter: 'Binnenlands bestuur en stedenbeleid',
      pageStart: 192,
      pageEnd: 192,
      text: SECTION_TEXT,
    },
    commitments: [
      {
        id: 'binnenlands-bestuur-en-stedenbeleid/2.2.9#1',
        text: prisonSentence,
        start: 0,
        end: prisonSentence.length,
        evidence: [],
        status: 'geen-spoor',
        confidence: 'laag',
        confidenceReason: 'Ook geen bron over hetzelfde onderwerp.',
        reason: 'Geen beslissing of parlementair document gevonden.',
        decisiveSourceKey: null,
        problems: [],
      },
      {
        id: 'binnenlands-bestuur-en-stedenbeleid/2.2.9#2',
        text: SECTION_TEXT.slice(decreeStart),
        start: decreeStart,
        end: SECTION_TEXT.length,
        evidence: [first, second, final].map((key) => ({ sourceKey: key, score: 1, sharedTerms: ['livc', 'veiligheidscel'] })),
        status: 'gerealiseerd',
        confidence: 'hoog',
        confidenceReason: 'Een beslissing in een eindfase gaat specifiek over dit engagement.',
        reason: 'Definitieve goedkeuring van het ontwerpdecreet op 2021-03-05 [3]',
        decisiveSourceKey: final,
        problems: [],
      },
    ],
    sources,
    dossiers: [
      {
        id: first,
        title: 'Vlaamse deelname aan lokale integrale veiligheidscellen',
        steps: [
          { decisionId: first, date: '2020-07-17', stage: 'principiele-goedkeuring', stageLabel: 'principiële goedkeuring' },
          { decisionId: second, date: '2020-12-18', stage: 'tweede-principiele-goedkeuring', stageLabel: 'tweede principiële goedkeuring' },
          { decisionId: final, date: '2021-03-05', stage: 'definitieve-goedkeuring', stageLabel: 'definitieve goedkeuring' },
        ],
        firstDate: '2020-07-17',
        lastDate: '2021-03-05',
        furthestStage: 'definitieve-goedkeuring',
      },
    ],
  };
}

/** Stands in for the extractive generator: fixed prose, counts its calls. */
export function fixedGenerator(): Generator & { calls: number } {
  const generator = {
    name: 'extractive' as const,
    calls: 0,
    async generate(input: GeneratorInput): Promise<GeneratedProse> {
      generator.calls++;
      return {
        title: `Extractief: ${input.section.title}`,
        body: [{ heading: 'Bevindingen', paragraphs: [[{ text: 'Vaste extractieve tekst.', citations: [] }]] }],
        generator: { name: 'extractive' },
      };
    },
  };
  return generator;
}

export function fixedAnswerer(): Answerer & { calls: number } {
  const answerer = {
    name: 'extractive' as const,
    calls: 0,
    async answer(input: AnswerInput): Promise<Answer> {
      answerer.calls++;
      const first = input.sources[0];
      return {
        paragraphs: first ? [[{ text: `Extractief: ${first.title}`, citations: [first.key] }]] : [],
        noEvidence: !first,
        generator: { name: 'extractive' },
      };
    },
  };
  return answerer;
}
