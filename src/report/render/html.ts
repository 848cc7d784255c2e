// A complete, self-contained HTML5 page for one report: inline CSS, no
// scripts, no external requests. Every string from the report is escaped:
// titles, snippets, quotes and even the section text come from external data
// and are treated as hostile. Links are written only for http(s) URLs.
import type { Dossier } from '../../dossiers/types.js';
import type { Claim, Commitment, CommitmentStatus, SectionReport, Source } from '../model.js';
import { UnknownCitationError, formatCitations, numberCitations, replaceCitationPlaceholders } from './citations.js';
import { COMMITMENT_STATUSES, CLOSING_NOTE, NO_DATE_LABEL, commitmentConfidenceLabel, generatorLine, statusLabel } from './labels.js';
import { checkCandidates, distinctProblemSignals, dossiersWithTimeline } from './selection.js';
import { collapseWhitespace, truncateAtWord } from '../../text/index.js';
import { escapeHtml, placeCitations, safeHttpUrl } from './text.js';

const SNIPPET_MAX = 300;

/** Colours meet WCAG AA contrast with white text; the label text carries the meaning, colour only supports it. */
const STATUS_COLOURS: Record<CommitmentStatus, string> = {
  gerealiseerd: '#1b5e20',
  'in-uitvoering': '#0b4f8a',
  aangekondigd: '#7a4100',
  'geen-spoor': '#555555',
};

const STYLE = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #555; --line: #d0d0d0; --accent: #0b4f8a; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p { margin: 0 0 1rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
.meta { color: var(--muted); margin: 0 0 1.5rem; }
details.agreement { border: 1px solid var(--line); border-radius: .375rem; padding: .5rem 1rem; background: #f7f7f7; }
details.agreement summary { cursor: pointer; font-weight: 600; }
details.agreement blockquote { margin: .75rem 0 0; }
a[href^="#ref-"] { text-decoration: none; font-size: .85em; vertical-align: super; line-height: 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 1rem; font-size: .95rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .5rem; }
th, td { border: 1px solid var(--line); padding: .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.status { display: inline-block; padding: .1rem .5rem; border-radius: 1rem; color: #fff; font-size: .85rem; font-weight: 600; white-space: nowrap; }
${COMMITMENT_STATUSES.map((status) => `.status-${status} { background: ${STATUS_COLOURS[status]}; }`).join('\n')}
ul.signals { list-style: none; padding: 0; }
ul.signals li { border-left: 4px solid #b71c1c; background: #fdecea; padding: .5rem .75rem; margin: 0 0 .5rem; }
ol.timeline { list-style: none; padding: 0 0 0 1rem; border-left: 3px solid var(--line); }
ol.timeline li { position: relative; margin: 0 0 .5rem; padding-left: .75rem; }
ol.timeline li::before { content: ""; position: absolute; left: -1.45rem; top: .55rem; width: .75rem; height: .75rem; border-radius: 50%; background: var(--accent); }
ol.timeline time { font-variant-numeric: tabular-nums; font-weight: 600; }
ol.references li { margin: 0 0 .75rem; }
ol.references li:target { background: #fff8d6; }
.snippet, .no-link { color: var(--muted); }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: 1rem; color: var(--muted); font-size: .95rem; }
@media print { a[href^="#ref-"] { color: inherit; } details.agreement { background: none; } }
`;

function citationLink(n: number): string {
  return `<a href="#ref-${n}">[${n}]</a>`;
}

function citationLinks(keys: readonly string[], numberOf: ReadonlyMap<string, number>): string {
  return formatCitations(keys, numberOf, citationLink);
}

function text(value: string): string {
  return escapeHtml(collapseWhitespace(value));
}

/** The agreement text: blank lines separate paragraphs; a block of "- " lines is a list, as printed in the agreement. */
function agreementTextHtml(sectionText: string): string {
  return sectionText
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) =>
      lines.every((line) => /^[-•]\s/.test(line))
        ? `<ul>\n${lines.map((line) => `<li>${text(line.replace(/^[-•]\s+/, ''))}</li>`).join('\n')}\n</ul>`
        : `<p>${text(lines.join(' '))}</p>`,
    )
    .join('\n');
}

function agreementBlock(section: SectionReport['section']): string {
  return [
    '<details class="agreement">',
    `<summary>Regeerakkoord, sectie ${text(section.number)} ${text(section.title)}</summary>`,
    `<blockquote>\n${agreementTextHtml(section.text)}\n</blockquote>`,
    '</details>',
  ].join('\n');
}

function claimHtml(claim: Claim, numberOf: ReadonlyMap<string, number>): string {
  return placeCitations(text(claim.text), citationLinks(claim.citations, numberOf)).trim();
}

function bodySections(report: SectionReport, numberOf: ReadonlyMap<string, number>): string[] {
  return report.body.map((section) => {
    const paragraphs = section.paragraphs
      .map((claims) => claims.map((claim) => claimHtml(claim, numberOf)).filter((html) => html !== '').join(' '))
      .filter((html) => html !== '')
      .map((html) => `<p>${html}</p>`);
    return ['<section>', `<h2>${text(section.heading)}</h2>`, ...paragraphs, '</section>'].join('\n');
  });
}

function statusBadge(status: CommitmentStatus): string {
  return `<span class="status status-${escapeHtml(status)}">${escapeHtml(statusLabel(status))}</span>`;
}

function commitmentRow(commitment: Commitment, index: number, numberOf: ReadonlyMap<string, number>): string {
  const reason = replaceCitationPlaceholders(collapseWhitespace(commitment.reason), numberOf, {
    citation: citationLink,
    text: escapeHtml,
  });
  const candidates = checkCandidates(commitment).filter((key) => numberOf.has(key));
  const check =
    commitment.confidence === 'laag'
      ? ` <span class="check">${escapeHtml(collapseWhitespace(commitment.confidenceReason))}${candidates.length ? ` Na te lezen: ${citationLinks(candidates, numberOf)}` : ''}</span>`
      : '';
  return `<tr><td>${index + 1}</td><td>${text(commitment.text)}</td><td>${statusBadge(commitment.status)}</td><td>${escapeHtml(commitmentConfidenceLabel(commitment))}</td><td>${reason}${check}</td></tr>`;
}

function signalsList(commitments: readonly Commitment[], numberOf: ReadonlyMap<string, number>): string | null {
  const items = distinctProblemSignals(commitments).map(
    (signal) =>
      `<li><span aria-hidden="true">⚠</span> Signaal uit het parlement: “${escapeHtml(signal.quote)}” ${citationLinks([signal.sourceKey], numberOf)}</li>`,
  );
  return items.length === 0 ? null : `<ul class="signals">\n${items.join('\n')}\n</ul>`;
}

function commitmentsSection(report: SectionReport, numberOf: ReadonlyMap<string, number>): string {
  if (report.commitments.length === 0) {
    return '<section>\n<h2>Engagementen</h2>\n<p>In deze sectie werden geen concrete engagementen herkend.</p>\n</section>';
  }
  const rows = report.commitments.map((commitment, index) => commitmentRow(commitment, index, numberOf));
  const table = [
    '<table>',
    '<caption>Engagementen uit deze sectie en hoe ver de uitvoering staat</caption>',
    '<thead><tr><th scope="col">#</th><th scope="col">Engagement</th><th scope="col">Status</th><th scope="col">Zekerheid</th><th scope="col">Toelichting</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
  const signals = signalsList(report.commitments, numberOf);
  return ['<section>', '<h2>Engagementen</h2>', table, ...(signals ? [signals] : []), '</section>'].join('\n');
}

function dossierTimeline(dossier: Dossier, numberOf: ReadonlyMap<string, number>): string {
  const steps = dossier.steps.map((step) => {
    const n = numberOf.get(step.decisionId);
    const mark = n === undefined ? '' : ` ${citationLink(n)}`;
    return `<li><time datetime="${escapeHtml(step.date)}">${escapeHtml(step.date)}</time> — ${text(step.stageLabel)}${mark}</li>`;
  });
  return [`<h3>${text(dossier.title)}</h3>`, `<ol class="timeline">\n${steps.join('\n')}\n</ol>`].join('\n');
}

function dossiersSection(report: SectionReport, numberOf: ReadonlyMap<string, number>): string | null {
  const dossiers = dossiersWithTimeline(report.dossiers);
  if (dossiers.length === 0) return null;
  return ['<section>', '<h2>Dossiers</h2>', ...dossiers.map((dossier) => dossierTimeline(dossier, numberOf)), '</section>'].join('\n');
}

function referenceItem(n: number, source: Source): string {
  const url = safeHttpUrl(source.uri);
  const title = text(source.title);
  const date = `<span class="date">(${source.date === null ? NO_DATE_LABEL : `<time datetime="${escapeHtml(source.date)}">${escapeHtml(source.date)}</time>`})</span>`;
  let heading: string;
  if (url !== null) heading = `<a href="${escapeHtml(url)}">${title}</a>`;
  else if (source.uri) heading = `${title} <span class="no-link">(link: ${text(source.uri)})</span>`;
  else heading = `${title} <span class="no-link">${source.type === 'parliament' ? '(parlementair document, geen link)' : '(geen link)'}</span>`;
  const snippet = collapseWhitespace(source.snippet);
  const extract = snippet === '' ? '' : ` <span class="snippet">${escapeHtml(truncateAtWord(snippet, SNIPPET_MAX, '…'))}</span>`;
  return `<li id="ref-${n}" value="${n}">${date} ${heading}${extract}</li>`;
}

function referencesSection(report: SectionReport, order: readonly string[]): string {
  const items = order.map((key, index) => {
    const source = report.sources[key];
    if (!source) throw new UnknownCitationError(key, 'HTML references');
    return referenceItem(index + 1, source);
  });
  const list = items.length === 0 ? '<p>Geen referenties.</p>' : `<ol class="references">\n${items.join('\n')}\n</ol>`;
  return ['<section>', '<h2 id="referenties">Referenties</h2>', list, '</section>'].join('\n');
}

/** "2025-01-15" from an ISO timestamp; anything else as it is. */
function displayDate(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(timestamp) ? timestamp.slice(0, 10) : timestamp;
}

function footer(report: SectionReport): string {
  return [
    '<footer>',
    `<p>${escapeHtml(CLOSING_NOTE)}</p>`,
    `<p>${escapeHtml(generatorLine(report.generator))}. Opgesteld op <time datetime="${escapeHtml(report.generatedAt)}">${escapeHtml(displayDate(report.generatedAt))}</time>.</p>`,
    '</footer>',
  ].join('\n');
}

export function renderHtml(report: SectionReport): string {
  const { order, numberOf } = numberCitations(report);
  const section = report.section;
  const meta = [section.part, section.chapter, `sectie ${section.number}`].map(text).filter((part) => part !== '').join(' · ');
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Defence in depth: even if something slipped through escaping, no script, frame or remote resource may load.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${text(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${text(report.title)}</h1>`,
    `<p class="meta">Regeerakkoord · ${meta}</p>`,
    agreementBlock(section),
    '</header>',
    ...bodySections(report, numberOf),
    commitmentsSection(report, numberOf),
    dossiersSection(report, numberOf),
    referencesSection(report, order),
    footer(report),
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${parts.filter((part): part is string => part !== null).join('\n')}\n`;
}
