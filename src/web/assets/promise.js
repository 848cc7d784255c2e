// One promise (a commitment of the agreement): the sentence in its section,
// its status and confidence with the reason, every source with its stage and
// date (the app's own document page and the official link), dossier
// timelines and parliamentary signals.
import { getJson, idPath } from './api.js';
import { append, citation, documentLink, formatDate, h, sectionPath, sourceLink, statusBadge, withCitationLinks } from './dom.js';

const SRC = 'bron-';

function sourceItem(s) {
  return h(
    'li',
    { id: `${SRC}${s.n}`, tabindex: '-1' },
    h('span', { class: 'ref-number' }, `[${s.n}] `),
    h('a', { href: documentLink(s.key) }, s.title),
    h('span', { class: 'meta' }, ` · ${formatDate(s.date)} · ${s.type === 'decision' ? (s.stageLabel ?? 'beslissing') : 'Vlaams Parlement'}`),
    s.decisive ? h('strong', { class: 'meta' }, ' · doorslaggevend') : null,
    h('span', { class: 'meta' }, ` · overeenkomst ${Math.round(s.match * 100)}%`),
    s.ministers.length ? h('span', { class: 'meta' }, ` · ${s.ministers.join(', ')}`) : null,
    s.uri ? [' · ', sourceLink(s.uri, 'officiële bron')] : h('span', { class: 'meta' }, ' · geen officiële link bekend'),
    s.snippet ? h('p', { class: 'snippet' }, s.snippet) : null,
  );
}

export async function renderPromise(main, { id, signal }) {
  const detail = await getJson(`/api/promises/${idPath(id)}`);
  if (signal.aborted) return;
  const { promise: p, section } = detail;
  document.title = `Belofte ${section.number}/${p.n} · Beloftemeter`;
  append(main, [
    h(
      'nav',
      { 'aria-label': 'Kruimelpad', class: 'breadcrumb' },
      h('a', { href: '/' }, 'Overzicht'),
      ' › ',
      h('a', { href: sectionPath(p.chapterId) }, p.chapter),
      ' › ',
      h('a', { href: sectionPath(section.id) }, `${section.number} ${section.title}`),
    ),
    h('h1', { tabindex: '-1' }, `Belofte ${p.n} uit ${section.number} ${section.title}`),
    h('blockquote', { class: 'promise-text' }, p.text),
    h(
      'p',
      { class: 'verdict' },
      statusBadge(p.status, p.statusLabel),
      p.confidence === 'laag' ? h('span', { class: 'check' }, p.confidenceLabel) : h('span', { class: 'meta' }, ` ${p.confidenceLabel}`),
      p.verifiedBy ? h('span', { class: 'meta' }, ` · nagekeken door taalmodel ${p.verifiedBy}`) : null,
    ),
    h('p', {}, withCitationLinks(detail.reason, SRC)),
    h('p', { class: 'meta' }, detail.confidenceReason),
    detail.problems.length
      ? h('section', {}, h('h2', {}, 'Signalen uit het parlement'), h('ul', { class: 'signals' }, detail.problems.map((s) => h('li', {}, `“${s.quote}” `, s.n ? citation(s.n, SRC) : null))))
      : null,
    h(
      'section',
      {},
      h('h2', {}, 'Bronnen'),
      detail.sources.length
        ? h('ol', { class: 'references' }, detail.sources.map(sourceItem))
        : h('p', {}, 'Geen beslissing of parlementair document gevonden dat op deze belofte ingaat. Dat bewijst niet dat er niets gebeurde.'),
    ),
    detail.dossiers.length
      ? h(
          'section',
          {},
          h('h2', {}, 'Dossiers'),
          detail.dossiers.map((d) =>
            h(
              'section',
              { class: 'dossier' },
              h('h3', {}, d.title),
              h('ol', { class: 'timeline' }, d.steps.map((s) => h('li', {}, h('time', { datetime: s.date }, formatDate(s.date)), ' · ', h('a', { href: documentLink(s.decisionId) }, s.stageLabel), s.n ? [' ', citation(s.n, SRC)] : null))),
            ),
          ),
        )
      : null,
    h('details', { class: 'agreement' }, h('summary', {}, `De volledige tekst van ${section.number} ${section.title}`), section.text.split(/\n{2,}/).map((block) => h('p', {}, block))),
    h('p', { class: 'meta' }, 'Ook als ', h('a', { href: `/api/promises/${idPath(id)}` }, 'JSON'), '. ', h('a', { href: '/methode' }, 'Hoe komt deze status tot stand?')),
  ]);
}
