// Markdown in the predecessor's format (see the examples in test/fixtures/report/): title, the
// agreement text in a <details> block, the prose with `\[n\]` citations, a
// closing note and the references in a second <details> block. Added beyond
// the examples: a commitments table, parliamentary signals and dossier
// timelines. The whitespace of the <details> blocks copies the examples byte
// for byte, because readers and tools already know that shape.
import type { Claim, Commitment, SectionReport, Source } from '../model.js';
import {
  UnknownCitationError,
  formatCitations,
  markdownCitation,
  numberCitations,
  replaceCitationPlaceholders,
  type CitationNumbering,
} from './citations.js';
import { checkCandidates, dossiersWithTimeline, distinctProblemSignals } from './selection.js';
import { CLOSING_NOTE, NO_DATE_LABEL, commitmentConfidenceLabel, generatorLine, statusLabel } from './labels.js';
import { collapseWhitespace, truncateAtWord } from '../../text/index.js';
import {
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownParagraph,
  escapeTableCell,
  escapeTableText,
  markdownLinkDestination,
  placeCitations,
  safeHttpUrl,
} from './text.js';

/** The examples' indentation inside <details>. */
const DETAILS_INDENT = '        ';
const SNIPPET_MAX = 100;

function citationMarks(keys: readonly string[], numberOf: ReadonlyMap<string, number>): string {
  return formatCitations(keys, numberOf, markdownCitation);
}

/** "<number> <title> <text>", unless the text already starts with its heading (a full text with sub-sections does). */
export function agreementQuote(section: SectionReport['section']): string {
  const heading = collapseWhitespace(`${section.number} ${section.title}`);
  const text = collapseWhitespace(section.text);
  return text.startsWith(heading) ? text : collapseWhitespace(`${heading} ${text}`);
}

function agreementBlock(section: SectionReport['section']): string {
  // Whitespace collapsed: a blank line would end the HTML block in Markdown.
  return [
    '<details>',
    `${DETAILS_INDENT}<summary>Regeerakkoord Sectie </summary>`,
    `${DETAILS_INDENT}<p>${escapeHtml(agreementQuote(section))} </p>`,
    `${DETAILS_INDENT}</details> `,
  ].join('\n');
}

function claimText(claim: Claim, numberOf: ReadonlyMap<string, number>, opensParagraph: boolean): string {
  const text = collapseWhitespace(claim.text);
  const escaped = opensParagraph ? escapeMarkdownParagraph(text) : escapeMarkdown(text);
  return placeCitations(escaped, citationMarks(claim.citations, numberOf));
}

function paragraphText(claims: readonly Claim[], numberOf: ReadonlyMap<string, number>): string {
  // A claim without text still shows its citations: every numbered reference must be cited somewhere visible.
  return claims
    .map((claim, index) => claimText(claim, numberOf, index === 0).trim())
    .filter((text) => text !== '')
    .join(' ');
}

function bodyBlocks(report: SectionReport, numberOf: ReadonlyMap<string, number>): string[] {
  return report.body.map((section) => {
    const paragraphs = section.paragraphs.map((claims) => paragraphText(claims, numberOf)).filter((text) => text !== '');
    // As in the first example: the heading directly followed by its first paragraph.
    return [`## ${escapeMarkdown(collapseWhitespace(section.heading))}`, ...(paragraphs.length > 0 ? [paragraphs.join('\n\n')] : [])].join('\n');
  });
}

function commitmentRow(commitment: Commitment, index: number, numberOf: ReadonlyMap<string, number>): string {
  // The full sentence: the table is where a reader checks exactly what was promised.
  const text = escapeTableCell(collapseWhitespace(commitment.text));
  const reason = replaceCitationPlaceholders(collapseWhitespace(commitment.reason), numberOf, {
    citation: markdownCitation,
    text: escapeTableText,
  });
  const candidates = checkCandidates(commitment).filter((key) => numberOf.has(key));
  const check =
    commitment.confidence === 'laag'
      ? ` ${escapeTableText(collapseWhitespace(commitment.confidenceReason))}${candidates.length ? ` Na te lezen: ${citationMarks(candidates, numberOf)}` : ''}`
      : '';
  return `| ${index + 1} | ${text} | ${statusLabel(commitment.status)} | ${commitmentConfidenceLabel(commitment)} | ${reason}${check} |`;
}

function commitmentsBlock(report: SectionReport, numberOf: ReadonlyMap<string, number>): string {
  if (report.commitments.length === 0) return '## Engagementen\nIn deze sectie werden geen concrete engagementen herkend.';
  const table = [
    '| # | Engagement | Status | Zekerheid | Toelichting |',
    '| --- | --- | --- | --- | --- |',
    ...report.commitments.map((commitment, index) => commitmentRow(commitment, index, numberOf)),
  ].join('\n');
  const signals = distinctProblemSignals(report.commitments).map(
    (signal) => `⚠ Signaal uit het parlement: “${escapeMarkdown(signal.quote)}” ${citationMarks([signal.sourceKey], numberOf)}`,
  );
  return [`## Engagementen\n${table}`, ...signals].join('\n\n');
}

function dossiersBlock(report: SectionReport, numberOf: ReadonlyMap<string, number>): string | null {
  const dossiers = dossiersWithTimeline(report.dossiers);
  if (dossiers.length === 0) return null;
  const blocks = dossiers.map((dossier) => {
    const steps = dossier.steps.map((step) => {
      // A step found through the dossier but not cited has no reference number; its date and stage still inform.
      const n = numberOf.get(step.decisionId);
      const mark = n === undefined ? '' : ` ${markdownCitation(n)}`;
      return `- ${step.date} — ${escapeMarkdown(collapseWhitespace(step.stageLabel))}${mark}`;
    });
    return [`### ${escapeMarkdown(collapseWhitespace(dossier.title))}`, steps.join('\n')].join('\n');
  });
  return `## Dossiers\n${blocks.join('\n\n')}`;
}

function closingBlock(report: SectionReport): string {
  return `---\n${CLOSING_NOTE}\n\n${generatorLine(report.generator)}`;
}

/** One reference line in the examples' shape (trailing space included). */
export function referenceLine(n: number, source: Source): string {
  const date = `**(${source.date ?? NO_DATE_LABEL})**`;
  const title = escapeMarkdown(collapseWhitespace(source.title));
  const url = safeHttpUrl(source.uri);
  if (url === null) {
    // Never invent a link: say why there is none.
    const note = source.uri
      ? `(link: ${escapeMarkdown(collapseWhitespace(source.uri))})`
      : source.type === 'parliament'
        ? '(parlementair document, geen link)'
        : '(geen link)';
    return `**${markdownCitation(n)}** : ${date} ${title} ${note} `;
  }
  const snippet = collapseWhitespace(source.snippet);
  const extract = snippet === '' ? '' : ` ${escapeMarkdown(truncateAtWord(snippet, SNIPPET_MAX, '...'))}`;
  return `**[${markdownCitation(n)}](${markdownLinkDestination(url)})** : ${date} ${title}${extract} `;
}

function referencesBlock(report: SectionReport, numbering: CitationNumbering): string {
  const lines = numbering.order.map((key, index) => {
    const source = report.sources[key];
    if (!source) throw new UnknownCitationError(key, 'references');
    return referenceLine(index + 1, source);
  });
  const summary = ['<details>', `${DETAILS_INDENT}<summary> Referenties</summary>`];
  if (lines.length === 0) return [...summary, `${DETAILS_INDENT}Geen referenties. `, `${DETAILS_INDENT}</details> `].join('\n');
  return [...summary, `${DETAILS_INDENT}${lines.join('\n\n')}`, `${DETAILS_INDENT}</details> `].join('\n');
}

export function renderMarkdown(report: SectionReport): string {
  const numbering = numberCitations(report);
  const { numberOf } = numbering;
  const blocks = [
    `# ${escapeMarkdown(collapseWhitespace(report.title))}`,
    agreementBlock(report.section),
    ...bodyBlocks(report, numberOf),
    commitmentsBlock(report, numberOf),
    dossiersBlock(report, numberOf),
    closingBlock(report),
    referencesBlock(report, numbering),
  ];
  return `${blocks.filter((block): block is string => block !== null).join('\n\n')}\n`;
}
