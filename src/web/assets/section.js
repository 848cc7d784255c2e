// A section's progress report, rendered from the JSON report with DOM APIs.
import { getJson, idPath } from './api.js';
import { append, citation, documentLink, formatDate, h, promisePath, sectionPath, sourceLink, statusBadge, statusBar, statusCounts, withCitationLinks } from './dom.js';

const REF = 'ref-';

function claimsParagraph(claims) {
  return h(
    'p',
    {},
    claims.map((claim, i) => [i ? ' ' : '', claim.text, claim.citations.map((n) => [' ', citation(n, REF)])]),
  );
}

function agreementText(section) {
  const blocks = section.text.split(/\n{2,}/).map((block) => block.trim()).filter(Boolean);
  const items = [];
  const out = [];
  const flush = () => {
    if (items.length) out.push(h('ul', {}, items.splice(0).map((t) => h('li', {}, t))));
  };
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      if (/^[-•]\s+/.test(line)) items.push(line.replace(/^[-•]\s+/, ''));
      else {
        flush();
        out.push(h('p', {}, line));
      }
    }
    flush();
  }
  return h('details', { class: 'agreement' }, h('summary', {}, 'Tekst van het regeerakkoord'), out);
}

/** Why a status is to be checked, and the candidate sources to read first (as the Markdown report lists them). */
function checkNote(c) {
  const candidates = c.evidence
    .filter((e) => e.n !== null && e.sourceKey !== c.decisiveSourceKey)
    .slice(0, 3)
    .map((e) => e.n);
  return h('p', { class: 'check-note' }, c.confidenceReason, candidates.length ? [' Na te lezen: ', candidates.map((n) => [citation(n, REF), ' '])] : null);
}

/** The section's scoreboard: how many commitments per status, in words and as a bar. */
function sectionCounts(commitments, statuses) {
  if (!commitments.length) return null;
  const counts = Object.fromEntries(statuses.map(({ status }) => [status, commitments.filter((c) => c.status === status).length]));
  return [
    statusCounts(counts, statuses, { ariaLabel: `${commitments.length} engagementen per status`, percentOf: commitments.length, skipEmpty: true }),
    statusBar(counts, statuses),
  ];
}

function commitmentsTable(commitments) {
  if (!commitments.length) return h('p', {}, 'Deze sectie bevat geen concrete engagementen.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'commitments' },
      h('caption', {}, `${commitments.length} engagementen met hun status`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Nr.'), h('th', { scope: 'col' }, 'Engagement'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Waarom'))),
      h(
        'tbody',
        {},
        commitments.map((c, i) =>
          h(
            'tr',
            {},
            h('td', { 'data-label': 'Nr.' }, String(i + 1)),
            h('td', { 'data-label': 'Engagement' }, h('a', { href: promisePath(c.id.replace(/#(\d+)$/, '/$1')) }, c.text)),
            h(
              'td',
              { 'data-label': 'Status' },
              statusBadge(c.status, c.statusLabel),
              c.confidence === 'laag' ? h('span', { class: 'check' }, c.confidenceLabel) : null,
            ),
            h(
              'td',
              { 'data-label': 'Waarom' },
              withCitationLinks(c.reason, REF),
              c.confidence === 'laag' ? checkNote(c) : null,
              c.problems.length
                ? h('ul', { class: 'signals', 'aria-label': 'Signalen uit het parlement' }, c.problems.map((p) => h('li', {}, '“', p.quote, '” ', citation(p.n, REF))))
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

function dossiersView(dossiers) {
  return dossiers.map((d) =>
    h(
      'section',
      { class: 'dossier' },
      h('h3', {}, d.title),
      h('ol', { class: 'timeline' }, d.steps.map((s) => h('li', {}, h('time', { datetime: s.date }, formatDate(s.date)), ': ', s.stageLabel, s.n ? [' ', citation(s.n, REF)] : null))),
    ),
  );
}

function referencesView(references) {
  return h(
    'ol',
    { class: 'references' },
    references.map((r) =>
      h(
        'li',
        { id: `${REF}${r.n}`, tabindex: '-1' },
        h('span', { class: 'ref-number' }, `[${r.n}] `),
        h('a', { href: documentLink(r.key) }, r.title),
        h('span', { class: 'meta' }, ` · ${formatDate(r.date)} · ${r.type === 'decision' ? 'beslissing Vlaamse Regering' : 'Vlaams Parlement'}`),
        r.uri ? [' · ', sourceLink(r.uri, 'officiële bron')] : h('span', { class: 'meta' }, ' · geen officiële link bekend'),
      ),
    ),
  );
}

export async function renderSection(main, { id }) {
  const [section, report, { statuses }] = await Promise.all([
    getJson(`/api/sections/${idPath(id)}`),
    getJson(`/api/reports/${idPath(id)}`, { format: 'json' }),
    getJson('/api/overview'),
  ]);
  document.title = `${section.number} ${section.title} · Beloftemeter`;
  append(main, [
    h(
      'nav',
      { 'aria-label': 'Kruimelpad', class: 'breadcrumb' },
      h('a', { href: '/' }, 'Overzicht'),
      ` › ${section.part}`,
      section.ancestors.map((a) => [' › ', h('a', { href: sectionPath(a.id) }, a.parentId ? `${a.number} ${a.title}` : a.title)]),
    ),
    h('h1', { tabindex: '-1' }, `${section.number} ${section.title}`),
    h('p', { class: 'meta' }, `Regeerakkoord, p. ${section.pageStart}${section.pageEnd !== section.pageStart ? `-${section.pageEnd}` : ''} · rapport gemaakt op ${formatDate(report.generatedAt.slice(0, 10))}`),
    agreementText(section),
    section.children.length
      ? h('section', {}, h('h2', {}, 'Onderdelen'), h('ul', { class: 'section-list' }, section.children.map((c) => h('li', {}, h('a', { href: sectionPath(c.id) }, `${c.number} ${c.title}`)))))
      : null,
    h('section', {}, h('h2', {}, 'Engagementen'), sectionCounts(report.commitments, statuses), commitmentsTable(report.commitments)),
    report.body.map((part) => h('section', {}, h('h2', {}, part.heading), part.paragraphs.map(claimsParagraph))),
    report.dossiers.length ? h('section', {}, h('h2', {}, 'Dossiers'), dossiersView(report.dossiers)) : null,
    h('section', {}, h('h2', {}, 'Referenties'), report.references.length ? referencesView(report.references) : h('p', {}, 'Geen bronnen gevonden.')),
    h('p', {}, 'Ook als ', h('a', { href: `/api/reports/${idPath(id)}?format=md` }, 'Markdown'), ', ', h('a', { href: `/api/reports/${idPath(id)}?format=json` }, 'JSON'), ' of ', h('a', { href: `/api/reports/${idPath(id)}?format=html` }, 'HTML'), '.'),
  ]);
}
