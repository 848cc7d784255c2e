// The default generator: deterministic Dutch prose assembled from the
// evidence, offline. Every sentence about what the government did cites the
// source it comes from; the only uncited sentences describe the agreement
// itself or say that nothing was found.
import { stageLabel } from '../dossiers/stage.js';
import type { Dossier } from '../dossiers/types.js';
import { REALISED_STAGES } from '../assess/status.js';
import { formatDutchDate, splitSentences, truncateAtWord } from '../text/index.js';
import type { Answer, AnswerInput, Answerer, GeneratedProse, Generator, GeneratorInput } from './generator.js';
import type { Claim, Commitment, CommitmentStatus, ReportSection, Source } from './model.js';
import { countStatuses } from './status-counts.js';
import { statusLabel } from './render/labels.js';

const MAX_QUOTE_CHARS = 170;
/** A section's full text starts with its heading ("3.2.3 ICT en informatie"), which is no content. */
const HEADING_LINE = /^[\d.]+\s+.*$/m;
const SUPPORTING_SOURCES = 2;

/** A quotable piece of text for inside a sentence: no bullet in front, no full stop at the end. */
export function shorten(text: string, max = MAX_QUOTE_CHARS): string {
  return truncateAtWord(text.trim().replace(/^[-•]\s*/, ''), max).replace(/[.;:]$/, '');
}

const dateOf = (source: Source) => (source.date ? formatDutchDate(source.date) : 'zonder datum');
const when = (source: Source) => (source.date ? `op ${formatDutchDate(source.date)}` : 'zonder datum');

/** From this many commitments on, a report opens with a short summary and keeps the detail below. */
const LONG_SECTION = 15;
/** Commitments told one by one per status group; the rest are named by number (the table has them all). */
const DETAILED_PER_GROUP = 8;

function statusSentence(status: CommitmentStatus, source: Source): string {
  const stage = source.stage ? stageLabel(source.stage) : null;
  const title = `‘${shorten(source.title, 140)}’`;
  if (source.type === 'parliament') return `een parlementair document gaat erop in: ${title} (${dateOf(source)})`;
  switch (status) {
    case 'gerealiseerd':
      return `de Vlaamse Regering nam een beslissing in eindfase (${stage}) ${when(source)}: ${title}`;
    case 'in-uitvoering':
      if (source.stage && REALISED_STAGES.has(source.stage)) return `een beslissing (${stage}) ${when(source)} dekt het engagement mogelijk maar gedeeltelijk: ${title}`;
      if (!source.stage || source.stage === 'overig') return `een verwante beslissing ${when(source)}, waarvan niet vaststaat wat ze uitvoert: ${title}`;
      return `het dossier is onderweg: ${stage} ${when(source)} van ${title}`;
    case 'aangekondigd':
      if (source.stage === 'visie') return `er is een visienota of plan, nog geen bindende maatregel: ${title} (${dateOf(source)})`;
      if (source.stage === 'mededeling') return `de regering werd erover geïnformeerd (mededeling), maar nam nog geen bindende maatregel: ${title} (${dateOf(source)})`;
      return `er is een verwante beslissing, maar geen bindende maatregel die het engagement uitvoert: ${title} (${dateOf(source)})`;
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
      `van ${first.stageLabel} op ${formatDutchDate(first.date)} tot ${last.stageLabel} op ${formatDutchDate(last.date)}.`,
    citations: [...new Set(citations)],
  };
}

/** "3 gerealiseerd, 1 in uitvoering, 0 enkel aangekondigd en 2 zonder spoor …" */
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

/** How many statuses the editors reviewed, how many are to be checked, and how many rest on strong evidence. */
function checkSentence(commitments: readonly Commitment[]): string {
  const reviewed = commitments.filter((c) => c.review).length;
  const low = commitments.filter((c) => !c.review && c.confidence === 'laag').length;
  const strong = commitments.length - reviewed - low;
  const reviewedPart = reviewed === 0 ? '' : reviewed === commitments.length ? 'De redactie beoordeelde alle statussen.' : `De redactie beoordeelde er ${reviewed}. `;
  if (reviewed === commitments.length) return reviewedPart;
  if (low === 0) return `${reviewedPart}${reviewed ? 'De andere statussen rusten' : 'Alle statussen rusten'} op sterk bewijs.`;
  if (low === commitments.length) return `Alle ${low} statussen zijn te controleren: de bronnen zijn niet sterk genoeg om ze zonder nalezen over te nemen.`;
  const strongPart = strong === 0 ? '' : `; ${strong} ${strong === 1 ? 'rust' : 'rusten'} op sterk bewijs`;
  return `${reviewedPart}${reviewed ? 'Van de andere' : 'Daarvan'} ${low === 1 ? 'is 1 status' : `zijn ${low} statussen`} te controleren${strongPart}.`;
}

function countsSentence(commitments: readonly Commitment[]): string {
  return `Van de ${commitments.length} engagementen zijn er ${statusBreakdown(commitments)}. ${checkSentence(commitments)}`;
}

/** "nrs. 1, 4 en 7" */
function numberList(numbers: readonly number[]): string {
  if (numbers.length === 1) return `nr. ${numbers[0]}`;
  return `nrs. ${numbers.slice(0, -1).join(', ')} en ${numbers.at(-1)}`;
}

/** The title every report carries, whichever generator wrote the prose. */
export function reportTitle(section: { number: string; title: string }): string {
  return `Voortgangsrapportage naleving regeerakkoord: ${section.number} ${section.title}`;
}

const GROUP_HEADINGS: Record<Exclude<CommitmentStatus, 'geen-spoor'>, string> = {
  gerealiseerd: 'Gerealiseerd',
  'in-uitvoering': 'In uitvoering',
  aangekondigd: 'Aangekondigd',
};

export function generateExtractive(input: GeneratorInput): GeneratedProse {
  const { section, commitments, sources } = input;
  const dossierById = new Map(input.dossiers.map((d) => [d.id, d]));
  const known = new Set(Object.keys(sources));
  const numbered = commitments.map((c, i) => ({ c, n: i + 1 }));
  const intro: Claim[] = [
    {
      text:
        `Deze rapportage toetst sectie ${section.number} ‘${section.title}’ (${section.chapter}, p. ${section.pageStart}` +
        `${section.pageEnd !== section.pageStart ? `-${section.pageEnd}` : ''}) van het regeerakkoord aan de beslissingen van de Vlaamse Regering en aan documenten van het Vlaams Parlement.`,
      citations: [],
    },
    {
      text: commitments.length
        ? `De sectie bevat ${commitments.length} concrete ${commitments.length === 1 ? 'engagement' : 'engagementen'}; daarvan zijn er ${statusBreakdown(commitments)}. ${checkSentence(commitments)}`
        : section.text.replace(HEADING_LINE, '').trim()
          ? 'De sectie bevat geen concrete engagementen, alleen visie of context; er is dus niets af te toetsen.'
          : 'Deze sectie heeft geen eigen tekst in het regeerakkoord; onderliggende secties hebben elk een eigen rapport.',
      citations: [],
    },
  ];
  // One per decisive source: several commitments carried by one decree name it once.
  const realised = [
    ...new Map(
      commitments.filter((c) => c.status === 'gerealiseerd' && c.decisiveSourceKey && sources[c.decisiveSourceKey]).map((c) => [c.decisiveSourceKey!, c]),
    ).values(),
  ];
  if (commitments.length >= LONG_SECTION) {
    // A long section: the gist first, the detail per status below.
    const traced = commitments.filter((c) => c.status !== 'geen-spoor').length;
    intro.push({
      text: `Kort samengevat: voor ${traced} van de ${commitments.length} engagementen vonden we een beslissing of document dat erop ingaat; de details staan hieronder per status en in de tabel.`,
      citations: [],
    });
    if (realised.length) {
      intro.push({
        text: `Het duidelijkste resultaat: ‘${shorten(sources[realised[0]!.decisiveSourceKey!]!.title, 120)}’ (${dateOf(sources[realised[0]!.decisiveSourceKey!]!)}).`,
        citations: [realised[0]!.decisiveSourceKey!],
      });
    }
  }
  const body: ReportSection[] = [{ heading: 'Inleiding', paragraphs: [intro] }];

  const toldDossiers = new Set<string>();
  for (const status of ['gerealiseerd', 'in-uitvoering', 'aangekondigd'] as const) {
    const group = numbered.filter(({ c }) => c.status === status && c.decisiveSourceKey && sources[c.decisiveSourceKey]);
    if (group.length === 0) continue;
    const paragraphs: Claim[][] = [];
    for (const { c, n } of group.slice(0, DETAILED_PER_GROUP)) {
      const decisive = sources[c.decisiveSourceKey!]!;
      const check = c.review ? ' (beoordeeld door de redactie)' : c.confidence === 'laag' ? ' (te controleren)' : '';
      // An editor's status is told as theirs: the stage of its source need not match it.
      const told = c.review ? `de redactie beoordeelt het als ${statusLabel(c.status)}, met als bron ‘${shorten(decisive.title, 140)}’ (${dateOf(decisive)})` : statusSentence(c.status, decisive);
      const paragraph: Claim[] = [{ text: `Engagement ${n}${check}, ‘${shorten(c.text, Infinity)}’: ${told}.`, citations: [decisive.key] }];
      const dossier = decisive.dossierId ? dossierById.get(decisive.dossierId) : undefined;
      if (dossier && !toldDossiers.has(dossier.id)) {
        const claim = dossierClaim(dossier, known);
        if (claim) {
          paragraph.push(claim);
          toldDossiers.add(dossier.id);
        }
      }
      const supporting = c.evidence
        .map((e) => sources[e.sourceKey])
        .filter((s): s is Source => Boolean(s) && s!.key !== decisive.key && (!s!.dossierId || s!.dossierId !== decisive.dossierId))
        .slice(0, SUPPORTING_SOURCES);
      if (supporting.length) {
        paragraph.push({
          text: `Ook na te lezen: ${supporting.map((s) => `‘${shorten(s.title, 110)}’ (${dateOf(s)})`).join(' en ')}.`,
          citations: supporting.map((s) => s.key),
        });
      }
      paragraphs.push(paragraph);
    }
    const rest = group.slice(DETAILED_PER_GROUP);
    if (rest.length) {
      paragraphs.push([{ text: `Ook ${numberList(rest.map(({ n }) => n))} ${rest.length === 1 ? 'heeft' : 'hebben'} deze status; de tabel geeft de bron.`, citations: [] }]);
    }
    body.push({ heading: GROUP_HEADINGS[status], paragraphs });
  }
  if (body.length === 1) {
    body.push({
      heading: 'Belangrijkste bevindingen',
      paragraphs: [[{ text: 'We vonden geen beslissing of parlementair document dat specifiek op de engagementen van deze sectie ingaat.', citations: [] }]],
    });
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
        { text: `${shorten(source.title, 140)} (${dateOf(source)}) meldt: “${shorten(problem.quote, 300)}”`, citations: [source.key] },
      ]);
    }
  }
  if (signals.length) body.push({ heading: 'Signalen uit het parlement', paragraphs: signals });

  const missing = numbered.filter(({ c }) => c.status === 'geen-spoor');
  if (missing.length) {
    body.push({
      heading: 'Geen spoor gevonden',
      paragraphs: [
        [
          {
            text:
              `Voor ${missing.length === 1 ? 'engagement' : `${missing.length} engagementen`} (${numberList(missing.map(({ n }) => n))}) vonden we geen beslissing of parlementair document dat ${missing.length === 1 ? 'het' : 'ze'} zelf uitvoert. ` +
              'Dat bewijst niet dat er niets gebeurde: beslissingen over hetzelfde onderwerp die dit engagement niet uitvoeren, tellen niet mee.',
            citations: [],
          },
        ],
      ],
    });
  }
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
    const lead = `${source.date ? formatDutchDate(source.date) : 'Zonder datum'} (${what}): ${shorten(source.title, 150)}.`;
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
