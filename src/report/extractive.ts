// The default generator: deterministic Dutch prose assembled from the
// evidence, offline. Every sentence about what the government did cites the
// source it comes from; the only uncited sentences describe the agreement
// itself or say that nothing was found.
import { stageLabel } from '../dossiers/stage.js';
import type { Dossier } from '../dossiers/types.js';
import { splitSentences, truncateAtWord } from '../text/index.js';
import type { Answer, AnswerInput, Answerer, GeneratedProse, Generator, GeneratorInput } from './generator.js';
import type { Claim, Commitment, CommitmentStatus, ReportSection, Source } from './model.js';
import { countStatuses } from './status-counts.js';

const MAX_QUOTE_CHARS = 170;
/** A section's full text starts with its heading ("3.2.3 ICT en informatie"), which is no content. */
const HEADING_LINE = /^[\d.]+\s+.*$/m;
const SUPPORTING_SOURCES = 2;

/** A quotable piece of text for inside a sentence: no bullet in front, no full stop at the end. */
export function shorten(text: string, max = MAX_QUOTE_CHARS): string {
  return truncateAtWord(text.trim().replace(/^[-•]\s*/, ''), max).replace(/[.;:]$/, '');
}

const when = (source: Source) => (source.date ? `op ${source.date}` : 'zonder datum');

function statusSentence(status: CommitmentStatus, source: Source): string {
  const stage = source.stage ? stageLabel(source.stage) : null;
  const title = `‘${shorten(source.title, 140)}’`;
  if (source.type === 'parliament') return `Een parlementair document gaat erop in: ${title} (${source.date ?? 'zonder datum'})`;
  switch (status) {
    case 'gerealiseerd':
      return `De Vlaamse Regering nam een bindende beslissing (${stage}) ${when(source)}: ${title}`;
    case 'in-uitvoering':
      return `Het dossier is onderweg: ${stage} ${when(source)} van ${title}`;
    case 'aangekondigd':
      if (source.stage === 'visie') return `Er is een visienota of plan, nog geen bindende maatregel: ${title} (${source.date ?? 'zonder datum'})`;
      if (source.stage === 'mededeling') return `De regering werd erover geïnformeerd (mededeling), maar nam nog geen bindende maatregel: ${title} (${source.date ?? 'zonder datum'})`;
      return `Er is een verwante beslissing, maar geen bindende maatregel die het engagement uitvoert: ${title} (${source.date ?? 'zonder datum'})`;
    case 'geen-spoor':
      return '';
  }
}

function dossierClaim(dossier: Dossier, cited: ReadonlySet<string>): Claim | null {
  if (dossier.steps.length < 2) return null;
  const first = dossier.steps[0]!;
  const last = dossier.steps[dossier.steps.length - 1]!;
  const citations = [first.decisionId, last.decisionId].filter((key) => cited.has(key));
  if (citations.length === 0) return null;
  return {
    text:
      `Het dossier ‘${shorten(dossier.title, 120)}’ telt ${dossier.steps.length} beslissingen, ` +
      `van ${first.stageLabel} op ${first.date} tot ${last.stageLabel} op ${last.date}.`,
    citations: [...new Set(citations)],
  };
}

/** "3 gerealiseerd, 1 in uitvoering, 0 enkel aangekondigd en 2 zonder spoor in …" */
function statusBreakdown(commitments: readonly Commitment[]): string {
  const counts = countStatuses(commitments);
  const parts = [
    `${counts.gerealiseerd} gerealiseerd`,
    `${counts['in-uitvoering']} in uitvoering`,
    `${counts.aangekondigd} enkel aangekondigd`,
    `${counts['geen-spoor']} zonder spoor in de beslissingen of parlementaire documenten`,
  ];
  return `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

function countsSentence(commitments: readonly Commitment[]): string {
  return `Van de ${commitments.length} engagementen zijn er ${statusBreakdown(commitments)}.`;
}

/** The title every report carries, whichever generator wrote the prose. */
export function reportTitle(section: { number: string; title: string }): string {
  return `Voortgangsrapportage naleving regeerakkoord: ${section.number} ${section.title}`;
}

export function generateExtractive(input: GeneratorInput): GeneratedProse {
  const { section, commitments, sources } = input;
  const dossierById = new Map(input.dossiers.map((d) => [d.id, d]));
  const known = new Set(Object.keys(sources));
  const intro: Claim[] = [
    {
      text:
        `Deze rapportage toetst sectie ${section.number} ‘${section.title}’ (${section.chapter}, p. ${section.pageStart}` +
        `${section.pageEnd !== section.pageStart ? `-${section.pageEnd}` : ''}) van het regeerakkoord aan de beslissingen van de Vlaamse Regering en aan documenten van het Vlaams Parlement.`,
      citations: [],
    },
    {
      text: commitments.length
        ? `De sectie bevat ${commitments.length} concrete ${commitments.length === 1 ? 'engagement' : 'engagementen'}; daarvan zijn er ${statusBreakdown(commitments)}.`
        : section.text.replace(HEADING_LINE, '').trim()
          ? 'De sectie bevat geen concrete engagementen, alleen visie of context; er is dus niets af te toetsen.'
          : 'Deze sectie heeft geen eigen tekst in het regeerakkoord; onderliggende secties hebben elk een eigen rapport.',
      citations: [],
    },
  ];

  const findings: Claim[][] = [];
  const toldDossiers = new Set<string>();
  for (const [i, commitment] of commitments.entries()) {
    if (commitment.status === 'geen-spoor' || !commitment.decisiveSourceKey) continue;
    const decisive = sources[commitment.decisiveSourceKey];
    if (!decisive) continue;
    const paragraph: Claim[] = [
      {
        text: `Engagement ${i + 1}, ‘${shorten(commitment.text)}’: ${statusSentence(commitment.status, decisive)}.`,
        citations: [decisive.key],
      },
    ];
    const dossier = decisive.dossierId ? dossierById.get(decisive.dossierId) : undefined;
    if (dossier && !toldDossiers.has(dossier.id)) {
      const claim = dossierClaim(dossier, known);
      if (claim) {
        paragraph.push(claim);
        toldDossiers.add(dossier.id);
      }
    }
    const supporting = commitment.evidence
      .map((e) => sources[e.sourceKey])
      .filter((s): s is Source => Boolean(s) && s!.key !== decisive.key && (!s!.dossierId || s!.dossierId !== decisive.dossierId))
      .slice(0, SUPPORTING_SOURCES);
    if (supporting.length) {
      paragraph.push({
        text: `Ook relevant: ${supporting.map((s) => `‘${shorten(s.title, 110)}’ (${s.date ?? 'zonder datum'})`).join(' en ')}.`,
        citations: supporting.map((s) => s.key),
      });
    }
    findings.push(paragraph);
  }

  const signals: Claim[][] = [];
  const seenQuotes = new Set<string>();
  for (const commitment of commitments) {
    for (const problem of commitment.problems) {
      if (seenQuotes.has(problem.quote)) continue;
      seenQuotes.add(problem.quote);
      const source = sources[problem.sourceKey];
      if (!source) continue;
      signals.push([
        { text: `${shorten(source.title, 140)} (${source.date ?? 'zonder datum'}) meldt: “${shorten(problem.quote, 300)}”`, citations: [source.key] },
      ]);
    }
  }

  const missing = commitments.map((c, i) => ({ c, n: i + 1 })).filter(({ c }) => c.status === 'geen-spoor');
  const body: ReportSection[] = [{ heading: 'Inleiding', paragraphs: [intro] }];
  body.push({
    heading: 'Belangrijkste bevindingen',
    paragraphs: findings.length
      ? findings
      : [[{ text: 'We vonden geen beslissing of parlementair document dat op de engagementen van deze sectie ingaat.', citations: [] }]],
  });
  if (signals.length) body.push({ heading: 'Signalen uit het parlement', paragraphs: signals });
  if (missing.length) {
    body.push({
      heading: 'Geen spoor gevonden',
      paragraphs: [
        missing.map(({ c, n }) => ({
          text: `Voor engagement ${n}, ‘${shorten(c.text, 140)}’, vonden we geen beslissing of parlementair document.`,
          citations: [],
        })),
      ],
    });
  }
  const realised = commitments.filter((c) => c.status === 'gerealiseerd' && c.decisiveSourceKey);
  const conclusion: Claim[] = [{ text: commitments.length ? countsSentence(commitments) : 'Deze sectie bevat geen toetsbare engagementen.', citations: [] }];
  if (realised.length) {
    conclusion.push({
      text: `De duidelijkste resultaten zijn ${realised.slice(0, 3).map((c) => `‘${shorten(sources[c.decisiveSourceKey!]!.title, 90)}’`).join(', ')}.`,
      citations: [...new Set(realised.slice(0, 3).map((c) => c.decisiveSourceKey!))],
    });
  }
  if (signals.length) {
    conclusion.push({
      text: 'Parlementaire documenten wijzen op knelpunten die de beslissingen zelf niet vermelden.',
      citations: [...new Set(commitments.flatMap((c) => c.problems.map((p) => p.sourceKey)))],
    });
  }
  body.push({ heading: 'Conclusie', paragraphs: [conclusion] });
  return {
    title: reportTitle(section),
    body,
    generator: { name: 'extractive' },
  };
}

export const extractiveGenerator: Generator = {
  name: 'extractive',
  generate: async (input) => generateExtractive(input),
};

/** First sentence of a source's snippet: what it is about, in its own words. */
function gist(source: Source): string {
  return shorten(splitSentences(source.snippet)[0] ?? source.snippet, 220);
}

export function answerExtractive(input: AnswerInput): Answer {
  if (input.sources.length === 0) {
    return {
      paragraphs: [[{ text: 'Over deze vraag vonden we geen relevante beslissingen of parlementaire documenten; we geven daarom geen antwoord.', citations: [] }]],
      noEvidence: true,
      generator: { name: 'extractive' },
    };
  }
  const sorted = [...input.sources].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const claims: Claim[] = sorted.map((source) => {
    const what = source.type === 'decision' && source.stage ? stageLabel(source.stage) : 'parlement';
    const lead = `${source.date ?? 'Zonder datum'} (${what}): ${shorten(source.title, 150)}.`;
    const detail = gist(source);
    return { text: detail ? `${lead} ${detail}${/[.…!?]$/.test(detail) ? '' : '.'}` : lead, citations: [source.key] };
  });
  return {
    paragraphs: [
      [{ text: `We vonden ${input.sources.length} relevante ${input.sources.length === 1 ? 'bron' : 'bronnen'}, hieronder in de tijd gerangschikt.`, citations: [] }],
      claims,
    ],
    noEvidence: false,
    generator: { name: 'extractive' },
  };
}

export const extractiveAnswerer: Answerer = {
  name: 'extractive',
  answer: async (input) => answerExtractive(input),
};
